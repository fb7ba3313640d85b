import { bankProblem, DEFAULT_RULES, type Bank, type FinalTestRules } from './draw';

/**
 * How the final test runs, from the environment (read by the server at run time and by the build,
 * so the pages say what the server does):
 * - CERT_ASSESSMENT            `final-test` (the default): a certificate needs the server-graded
 *                              final test after the module quizzes, and says so;
 *                              `modules`: a certificate after the module quizzes alone (the
 *                              behaviour before the final test), and the certificate says so
 * - FINAL_TEST_ITEMS           items per attempt (default 23; at least two per module)
 * - FINAL_TEST_PASS            pass mark in percent (default 80)
 * - FINAL_TEST_TWINS           twin pairs per attempt, at least (default 11): two items with the same
 *                              question and options whose key differs by one fact in the situation;
 *                              the build fails on a default a gambler passes too often (gambler.ts)
 * - FINAL_TEST_MINUTES         how long an attempt token is valid (default 60)
 * - FINAL_TEST_ATTEMPTS        attempts a client may start per window (default 3)
 * - FINAL_TEST_WINDOW_MINUTES  that window (default 1440, a day)
 * - FINAL_TEST_MIN_SECONDS     an attempt submitted faster than this per item is flagged (default 6)
 * - FINAL_TEST_OPEN_ATTEMPTS  attempts one client may hold open (started, not submitted, not
 *                              expired) at once; a start beyond them is refused (default 1)
 * - FINAL_TEST_REQUESTS        requests per client to the start route in 10 minutes, counted before
 *                              anything is re-graded (default 20; the step route allows ten times
 *                              as many); read once when the server starts
 * - FINAL_TEST_BACKOFF_AFTER   failed attempts in a row, by one client, after which the next start
 *                              waits (default 2)
 * - FINAL_TEST_BACKOFF_MINUTES how long, as a list: the first wait, the second…, the last repeated
 *                              (default `60,240,1440`: 1 h, then 4 h, then a day); `0` turns it off
 * - FINAL_TEST_SHARED_FACTOR   a browser that sends its id counts as its own client under
 *                              `<address>#<id>`; the address as a whole (an IPv4 address, an IPv6
 *                              /64) gets this many times each allowance: attempts per window, open
 *                              attempts, failures in a row before the back-off (default 10, 1–1000;
 *                              1: colleagues behind one address share one client's allowance)
 */
export interface FinalTestConfig {
  assessment: 'final-test' | 'modules';
  rules: FinalTestRules;
  minutes: number;
  attempts: number;
  windowMinutes: number;
  minSecondsPerItem: number;
  /** Attempts one client may hold open at once (a start beyond them is refused). */
  openAttempts: number;
  /** Failed attempts in a row after which a client waits before the next start. */
  backoffAfter: number;
  /** The waits in minutes, one per further failure, the last repeated; empty: no waiting. */
  backoffMinutes: number[];
  /** How many times each allowance the address as a whole gets, its browsers' ids counted apart. */
  sharedFactor: number;
}

/** `60,240,1440` as minutes; `0`, `off` or `none` as no waiting; anything unreadable as the default. */
function minutesList(value: string | undefined, fallback: number[]): number[] {
  const text = (value ?? '').trim().toLowerCase();
  if (!text) return fallback;
  if (['0', 'off', 'none'].includes(text)) return [];
  const list = text.split(',').map((part) => Number(part.trim()));
  // Fractions are allowed (the end-to-end test waits 0.1 minutes), not zero or less.
  return list.length <= 20 && list.every((n) => Number.isFinite(n) && n > 0 && n <= 30 * 24 * 60) ? list : fallback;
}

export const DEFAULT_BACKOFF_MINUTES = [60, 240, 1440];

const int = (value: string | undefined, fallback: number, min: number, max: number) => {
  const n = Number(value ?? fallback);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function finalTestConfig(env: Record<string, string | undefined>): FinalTestConfig {
  return {
    assessment: env.CERT_ASSESSMENT === 'modules' ? 'modules' : 'final-test',
    rules: { ...DEFAULT_RULES, count: int(env.FINAL_TEST_ITEMS, DEFAULT_RULES.count, 8, 60), passPercent: int(env.FINAL_TEST_PASS, DEFAULT_RULES.passPercent, 50, 100), twins: int(env.FINAL_TEST_TWINS, DEFAULT_RULES.twins, 0, 30) },
    minutes: int(env.FINAL_TEST_MINUTES, 60, 10, 24 * 60),
    attempts: int(env.FINAL_TEST_ATTEMPTS, 3, 1, 1000),
    windowMinutes: int(env.FINAL_TEST_WINDOW_MINUTES, 24 * 60, 1, 30 * 24 * 60),
    minSecondsPerItem: int(env.FINAL_TEST_MIN_SECONDS, 6, 0, 600),
    openAttempts: int(env.FINAL_TEST_OPEN_ATTEMPTS, 1, 1, 1000),
    backoffAfter: int(env.FINAL_TEST_BACKOFF_AFTER, 2, 1, 100),
    backoffMinutes: minutesList(env.FINAL_TEST_BACKOFF_MINUTES, DEFAULT_BACKOFF_MINUTES),
    sharedFactor: int(env.FINAL_TEST_SHARED_FACTOR, DEFAULT_SHARED_FACTOR, 1, 1000),
  };
}

/**
 * Ten colleagues behind one address (a training room, a department taking the test on one day)
 * each get one client's allowance before the address as a whole is full; a script that mints ids
 * gets at most ten clients' allowance from one address (30 attempts a day by default), as a /64
 * inside an IPv6 /56 gets 8.
 */
export const DEFAULT_SHARED_FACTOR = 10;

/** A setting read as a whole number that is not one in its range, in words naming it; else undefined. */
function settingProblem(env: Record<string, string | undefined>): string | undefined {
  const value = env.FINAL_TEST_SHARED_FACTOR;
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? undefined : `FINAL_TEST_SHARED_FACTOR=${value} is not a whole number from 1 to 1000 (how many times one client's allowance the address as a whole gets; default ${DEFAULT_SHARED_FACTOR})`;
}

/** The settings that shape a draw, as the operator wrote them (only those that are set). */
const DRAW_SETTINGS = ['FINAL_TEST_ITEMS', 'FINAL_TEST_TWINS'] as const;

/**
 * Why this bank cannot give attempts under these settings, in words for the operator that name
 * the settings; undefined when it can, or when the installation has no final test. The server
 * refuses to start on it (scripts/start.mjs) rather than answer every start with an error.
 */
export function configProblem(bank: Bank, env: Record<string, string | undefined>): string | undefined {
  const config = finalTestConfig(env);
  if (config.assessment !== 'final-test') return undefined;
  const setting = settingProblem(env);
  if (setting) return `${setting}. Change FINAL_TEST_SHARED_FACTOR, or leave it unset.`;
  const problem = bankProblem(bank, config.rules);
  if (!problem) return undefined;
  const settings = DRAW_SETTINGS.map((name) => `${name}=${env[name] ?? `(default ${name === 'FINAL_TEST_ITEMS' ? DEFAULT_RULES.count : DEFAULT_RULES.twins})`}`).join(', ');
  return `the final test cannot be drawn with these settings (${settings}): ${problem}. Change FINAL_TEST_ITEMS or FINAL_TEST_TWINS, or add items to quizzes/final-test/.`;
}
