import type { FinalTestConfig } from './config';

/**
 * What the start of an attempt reads from one client's recent attempts (the register's
 * `final_test_client_attempts`, newest first): how often each bank item was given to it, so the
 * draw prefers the others, and how many attempts in a row it failed, so the next one waits.
 *
 * Why: after a failed attempt the server names the modules to review. With two items a module,
 * "not named" tells that both were right, and over many attempts a script that compares the
 * reviews learns the key item by item. Drawing the items this client saw least makes what it
 * learnt about one attempt's items of little use in the next; the back-off makes each further
 * failure cost hours, then a day. See the README, "What the review tells".
 */
export interface HistoryEntry {
  startedAt: number;
  items: readonly string[];
  passed?: boolean;
  endedAt?: number;
}

/** How many times each item (`module/scenario`) was given in these attempts. */
export function timesGiven(history: readonly HistoryEntry[]): Map<string, number> {
  const given = new Map<string, number>();
  for (const h of history) for (const item of h.items) given.set(item, (given.get(item) ?? 0) + 1);
  return given;
}

/** How long an attempt's token is valid, for the history: an attempt never submitted has ended when it expired. */
export type AttemptMinutes = Pick<FinalTestConfig, 'minutes'>;

const expiryOf = (h: HistoryEntry, config: AttemptMinutes) => h.startedAt + config.minutes * 60_000;

/**
 * This client's attempt that is still open at `now` (started, not submitted, not expired) when it
 * holds as many as allowed (`openAttempts`, default one); undefined when a start may go ahead. While one is open a new start is refused: otherwise
 * parallel starts, each submitted afterwards, would all be graded before the back-off saw any.
 */
export function openAttempt(history: readonly HistoryEntry[], config: AttemptMinutes & Partial<Pick<FinalTestConfig, 'openAttempts'>>, now: number): { startedAt: number; expiresAt: number } | undefined {
  const open = history.filter((h) => h.passed === undefined && expiryOf(h, config) > now);
  // With more than one allowed (the end-to-end tests' server), refused only at that many; the
  // earliest to expire says when a start is possible again.
  if (open.length < (config.openAttempts ?? 1)) return undefined;
  const first = open.reduce((a, b) => (expiryOf(b, config) < expiryOf(a, config) ? b : a));
  return { startedAt: first.startedAt, expiresAt: expiryOf(first, config) };
}

/**
 * Failed attempts in a row, newest first, up to the last pass, and when the latest of them ended.
 * An attempt never submitted counts as a failure once it has expired (it ended then). One still
 * open counts too (`open` says how many of `count` are), as a failure that ends `now`: it has not
 * ended yet, so while it is open the wait it brings is never over. Why: the back-off is checked
 * only when an attempt starts; if open attempts did not count, each time an aggregate's back-off
 * lifted, as many starts as it may hold open (ten with the shared factor) all went through at
 * once, each failed only afterwards. Counted this way one start gets through, then the next waits
 * until it is submitted or expires (a pass ends the run; a failure restarts the wait from its
 * end). Ending it at its start instead would let a second start through once the wait from that
 * start is over, which with waits shorter than an attempt's time is while it is still open. Open
 * attempts below the threshold bring no wait of their own: a group that is not failing is not held.
 */
export function failuresInARow(history: readonly HistoryEntry[], config: AttemptMinutes, now: number): { count: number; open: number; lastEnded?: number } {
  let count = 0;
  let open = 0;
  let lastEnded: number | undefined;
  for (const h of history) {
    if (h.passed) break;
    const stillOpen = h.passed === undefined && expiryOf(h, config) > now;
    count++;
    if (stillOpen) open++;
    const ended = stillOpen ? now : h.passed === undefined ? expiryOf(h, config) : (h.endedAt ?? h.startedAt);
    // The latest end, not the first one listed: the list is by start, and an attempt started
    // earlier can end (be submitted or expire) later than one started after it.
    if (lastEnded === undefined || ended > lastEnded) lastEnded = ended;
  }
  return { count, open, ...(lastEnded !== undefined && { lastEnded }) };
}

/**
 * Seconds until this client may start again after its failures in a row (0: now). After
 * `backoffAfter` failures the first wait applies, after one more the second, and so on; the last
 * wait repeats. A pass ends the run. The wait counts from the latest end of those failures (now,
 * while one of them is still open; see failuresInARow).
 */
export function backoffWait(history: readonly HistoryEntry[], config: Pick<FinalTestConfig, 'backoffAfter' | 'backoffMinutes' | 'minutes'>, now: number): number {
  const { count, lastEnded } = failuresInARow(history, config, now);
  const waits = config.backoffMinutes;
  if (!waits.length || count < config.backoffAfter || lastEnded === undefined) return 0;
  const until = lastEnded + waits[Math.min(count - config.backoffAfter, waits.length - 1)]! * 60_000;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}
