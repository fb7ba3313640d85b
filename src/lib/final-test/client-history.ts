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

/** Failed attempts in a row, newest first, up to the last pass (attempts never submitted do not count), and when the newest ended. */
export function failuresInARow(history: readonly HistoryEntry[]): { count: number; lastEnded?: number } {
  let count = 0;
  let lastEnded: number | undefined;
  for (const h of history) {
    if (h.passed === undefined) continue;
    if (h.passed) break;
    count++;
    lastEnded ??= h.endedAt ?? h.startedAt;
  }
  return { count, ...(lastEnded !== undefined && { lastEnded }) };
}

/**
 * Seconds until this client may start again after its failures in a row (0: now). After
 * `backoffAfter` failures the first wait applies, after one more the second, and so on; the last
 * wait repeats. A pass ends the run.
 */
export function backoffWait(history: readonly HistoryEntry[], config: Pick<FinalTestConfig, 'backoffAfter' | 'backoffMinutes'>, now: number): number {
  const { count, lastEnded } = failuresInARow(history);
  const waits = config.backoffMinutes;
  if (!waits.length || count < config.backoffAfter || lastEnded === undefined) return 0;
  const until = lastEnded + waits[Math.min(count - config.backoffAfter, waits.length - 1)]! * 60_000;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}
