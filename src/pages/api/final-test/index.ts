import type { APIRoute } from 'astro';
import { randomUUID } from 'node:crypto';
import { courseQuizzes } from '../../../data/course';
import { checkModuleLogs } from '../../../lib/certificate/issue-request';
import { signAttempt, type AttemptClaims } from '../../../lib/final-test/attempt-token';
import { finalTestConfig } from '../../../lib/final-test/config';
import { backoffWait, failuresInARow, openAttempt, timesGiven } from '../../../lib/final-test/client-history';
import { bankProblem, drawFinalTest, itemKey, scenarioOf } from '../../../lib/final-test/draw';
import { publicItem } from '../../../lib/final-test/public-item';
import { isLocale } from '../../../lib/i18n/locales';
import { pickStrings } from '../../../lib/i18n/translate';
import { newSeed } from '../../../lib/quiz/random';
import { finalTestBank, finalTestKeys } from '../../../server/final-test-bank';
import { attemptClient, finalTestRoute, sharedAttemptKeys, startRequests } from '../../../server/final-test-api';
import { widePrefixes } from '../../../server/client-key';
import { readBrowserId } from '../../../lib/final-test/browser-id';
import { json } from '../../../server/json-api';
import { register } from '../../../server/register/open-register';
import { CLIENT_ROWS_KEPT_MS } from '../../../server/register/rows';

/** Starts a final-test attempt: the server draws the items and signs what it drew. */
export const prerender = false;

const MAX_BODY = 256 * 1024;

/**
 * Which assessment this server's certificates attest, asked by the certificate and final-test
 * pages at run time (a static copy of the site has no such route: no server, no final test).
 */
export const GET: APIRoute = () => {
  const config = finalTestConfig(process.env);
  return json(200, { assessment: config.assessment, items: config.rules.count, minutes: config.minutes, passPercent: config.rules.passPercent }, { 'cache-control': 'no-store' });
};

export const POST = finalTestRoute({ maxBody: MAX_BODY, answersKept: false, requests: startRequests }, async ({ body: b, config, context }) => {
  const locale = isLocale(b.locale) ? b.locale : 'lv';
  // The modules first, re-graded like a certificate request: the final test is the last step.
  const modules = checkModuleLogs(b, await courseQuizzes(), locale);
  if (!modules.ok) return json(modules.status, { code: modules.code, message: modules.message });
  // Drawn before an attempt is counted: settings the bank cannot meet (the server refuses to start
  // on them, but a bank can change under a running one) cost the learner no attempt.
  const { bank, version } = finalTestBank();
  const problem = bankProblem(bank, config.rules);
  if (problem) {
    console.error(`final test: no attempt can be drawn: ${problem}`);
    return json(503, { code: 'final-test-unavailable', message: 'the final test cannot be started on this server just now; no attempt was used, tell the course’s administrator' });
  }
  // This client's recent attempts (by its key: an IPv4 address or an IPv6 /64, with the browser's
  // id when it sent one): after failures in a row the next start waits (the back-off, not counted
  // as an attempt), and the draw prefers the items it was given least (client-history.ts says why).
  const store = await register();
  const browser = readBrowserId(b.browser);
  const client = attemptClient(context.clientAddress, browser);
  // One start at a time per client in this server (so parallel starts queue here rather than each
  // hold a register connection), and in the register one start at a time per client across every
  // server sharing it: the check for an open attempt, the back-off, the attempt limit and the note
  // of the new attempt are one step under the client's lock (Register.startClientAttempt).
  return oneAtATime(client, async () => {
    const nowMs = Date.now();
    // The aggregates hold the open-attempt rule, the back-off and the attempt limit as a whole,
    // with their factors: the address (every browser id of it, and the starts without one;
    // FINAL_TEST_SHARED_FACTOR), else a script that mints ids would get an allowance for each;
    // and an IPv6 client's wider prefixes (its /56, its /48; IPV6_PREFIX_LIMITS), else the eight
    // /64s of one /56 held eight attempts open at once and each failed without any back-off.
    const shared = sharedAttemptKeys(context.clientAddress, config.sharedFactor, widePrefixes(process.env.IPV6_PREFIX_LIMITS)).map((w) => ({
      ...w,
      // Enough of the aggregate's latest attempts to see its open ones and its failures in a row.
      limit: Math.min(10_000, w.factor * Math.max(config.openAttempts, config.backoffAfter + config.backoffMinutes.length) + 1),
    }));
    /** Which limit refused, in the words of the messages: this browser's (or, without an id, this address's own), the address's shared one, a network's. */
    const whose = (w: (typeof shared)[number] | undefined) =>
      !w ? (browser ? 'in this browser' : 'here') : w.shared === 'address' ? `from this address (${w.label}) by all who use it` : `from this network (${w.label})`;
    const outcome = await store.startClientAttempt<Response | { claims: AttemptClaims }>(client, nowMs - CLIENT_ROWS_KEPT_MS, nowMs, (history, sharedHistory) => {
      const histories = [{ history, factor: 1, key: undefined }, ...shared.map((w, i) => ({ history: sharedHistory[i] ?? [], factor: w.factor, key: w }))];
      for (const { history: h, factor, key } of histories) {
        const open = openAttempt(h, { ...config, openAttempts: config.openAttempts * factor }, nowMs);
        if (open) {
          const wait = Math.max(1, Math.ceil((open.expiresAt - nowMs) / 1000));
          const what = key ? `${config.openAttempts * factor} attempts started ${whose(key)} are still open` : `an attempt started ${whose(key)} is still open`;
          return { refuse: json(409, { code: 'attempt-open', limit: key?.shared ?? 'own', message: `${what}; ${key ? 'a new one can start when the first of them expires' : 'continue it, or start a new one when it expires'} in ${wait} s`, expiresAt: open.expiresAt }, { 'retry-after': String(wait) }) };
        }
      }
      for (const { history: h, factor, key } of histories) {
        const scaled = { ...config, backoffAfter: config.backoffAfter * factor };
        const backoff = backoffWait(h, scaled, nowMs);
        if (backoff) {
          // Attempts still open count as failures of the run (failuresInARow says why): after a
          // release one start gets through, the next waits until it is submitted or expires.
          const { count: failures, open } = failuresInARow(h, scaled, nowMs);
          const still = open ? ` (${open} of them still open: the wait runs from when they end)` : '';
          return { refuse: json(429, { code: 'attempts-backoff', limit: key?.shared ?? 'own', failures, open, message: `${failures} failed attempts in a row ${whose(key)}${still}; the next one can start in ${backoff} s${open ? " at the earliest" : ""}` }, { 'retry-after': String(backoff) }) };
        }
      }
      // Counted only for requests that would start an attempt, in the register (shared by servers):
      // the client's own key first, then the aggregates with their larger allowances.
      const windowMs = config.windowMinutes * 60_000;
      return {
        rates: [{ client, limit: config.attempts, windowMs }, ...shared.map((w) => ({ client: w.client, limit: config.attempts * w.factor, windowMs }))],
        limited: (wait, rate) => {
          const key = shared.find((w) => w.client === rate.client);
          return json(429, { code: 'attempts-used', limit: key?.shared ?? 'own', message: `the attempts allowed ${whose(key)} are used; try again in ${wait} s` }, { 'retry-after': String(wait) });
        },
        start: () => {
          const seed = newSeed();
          const items = drawFinalTest(bank, seed, config.rules, timesGiven(history));
          const now = Math.floor(nowMs / 1000);
          const claims: AttemptClaims = { id: randomUUID(), seed, items, bank: version, locale, issuedAt: now, expiresAt: now + config.minutes * 60 };
          return { attempt: claims.id, items: items.map(itemKey), value: { claims } };
        },
      };
    }, shared.map(({ client: key, limit }) => ({ client: key, limit })));
    if (outcome instanceof Response) return outcome;
    const { claims } = outcome;
    const token = await signAttempt(claims, (await finalTestKeys()).attempt);
    const labels = pickStrings(locale, ['option.']);
    return json(201, { token, expiresAt: claims.expiresAt * 1000, items: claims.items.map((ref) => publicItem(scenarioOf(bank, ref)!, claims.seed, locale, labels)) });
  });
});

/** Starts by one client, one after another (the queue of each client is dropped once empty). */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(client: string, run: () => Promise<T>): Promise<T> {
  const before = queues.get(client) ?? Promise.resolve();
  const mine = before.then(run, run);
  const tail = mine.catch(() => {});
  queues.set(client, tail);
  tail.then(() => { if (queues.get(client) === tail) queues.delete(client); });
  return mine;
}
