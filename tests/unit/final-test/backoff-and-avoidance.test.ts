import { describe, expect, it } from 'vitest';
import { backoffWait, failuresInARow, openAttempt, timesGiven, type HistoryEntry } from '../../../src/lib/final-test/client-history';
import { finalTestConfig } from '../../../src/lib/final-test/config';
import { DEFAULT_RULES, drawFinalTest, itemKey, scenarioOf, selectUnits, type Bank } from '../../../src/lib/final-test/draw';
import { twinPairs } from '../../../src/lib/quiz/draw';
import { leadsOn } from '../../../src/lib/quiz/scenario';
import { finalBank } from '../../support/final-bank';

const H = 3_600_000;
const t0 = Date.parse('2026-12-01T08:00:00Z');
/** A submitted attempt that started at `at` hours and ended 20 minutes later. */
const ended = (at: number, passed: boolean): HistoryEntry => ({ startedAt: t0 + at * H, endedAt: t0 + at * H + 20 * 60_000, passed, items: [] });
const open = (at: number): HistoryEntry => ({ startedAt: t0 + at * H, items: [] });
const config = finalTestConfig({});

describe('the back-off after failed attempts in a row', () => {
  it('reads its settings: failures before it starts, then the waits (the last repeated); 0 turns it off; nonsense keeps the default', () => {
    expect(finalTestConfig({ FINAL_TEST_BACKOFF_AFTER: '3', FINAL_TEST_BACKOFF_MINUTES: '10, 20' })).toMatchObject({ backoffAfter: 3, backoffMinutes: [10, 20] });
    expect(finalTestConfig({ FINAL_TEST_BACKOFF_MINUTES: '0' }).backoffMinutes).toEqual([]);
    expect(finalTestConfig({ FINAL_TEST_BACKOFF_MINUTES: 'off' }).backoffMinutes).toEqual([]);
    expect(finalTestConfig({ FINAL_TEST_BACKOFF_MINUTES: '0.1' }).backoffMinutes).toEqual([0.1]);
    for (const odd of ['x', '60,-1', '60,,240', '99999999']) expect(finalTestConfig({ FINAL_TEST_BACKOFF_MINUTES: odd }).backoffMinutes, odd).toEqual([60, 240, 1440]);
    expect(finalTestConfig({ FINAL_TEST_BACKOFF_AFTER: '0' }).backoffAfter).toBe(2);
  });

  it('waits nothing before the second failure in a row, then 1 h, 4 h and a day from the last failure', () => {
    expect(backoffWait([], config, t0)).toBe(0);
    // Newest first, as the register lists them.
    const one = [ended(0, false)];
    expect(backoffWait(one, config, t0 + H)).toBe(0);
    const two = [ended(1, false), ...one];
    const last = two[0]!.endedAt!;
    expect(backoffWait(two, config, last)).toBe(3600);
    expect(backoffWait(two, config, last + 59 * 60_000)).toBe(60);
    expect(backoffWait(two, config, last + H)).toBe(0);
    const three = [ended(3, false), ...two];
    expect(backoffWait(three, config, three[0]!.endedAt!)).toBe(4 * 3600);
    const four = [ended(8, false), ...three];
    expect(backoffWait(four, config, four[0]!.endedAt!)).toBe(24 * 3600);
    const six = [ended(60, false), ended(33, false), ...four];
    expect(backoffWait(six, config, six[0]!.endedAt!)).toBe(24 * 3600);
  });

  it('ends the run at a pass, and waits nothing when turned off', () => {
    expect(failuresInARow([ended(5, false), ended(4, true), ended(3, false), ended(2, false)], config, t0 + 5.5 * H)).toEqual({ count: 1, open: 0, lastEnded: ended(5, false).endedAt });
    expect(backoffWait([ended(5, false), ended(4, true), ended(3, false), ended(2, false)], config, t0 + 5.5 * H)).toBe(0);
    expect(backoffWait([ended(2, false), ended(1, false)], { ...config, backoffMinutes: [] }, ended(2, false).endedAt!)).toBe(0);
  });

  it('counts an attempt still open as a failure of the run that ends now (attacker round 8: a burst at the release)', () => {
    // Started 10 minutes ago (60 allowed), not submitted: with one failure before it, two in a row,
    // the second wait's threshold: the wait runs from now, so no start goes through while it is open.
    const now = t0 + 3 * H + 10 * 60_000;
    const withOpen = [open(3), ended(1, false)];
    expect(failuresInARow(withOpen, config, now)).toEqual({ count: 2, open: 1, lastEnded: now });
    expect(backoffWait(withOpen, config, now)).toBe(3600);
    expect(backoffWait(withOpen, config, now + 50 * 60_000)).toBe(3600);
    // Below the threshold an open attempt brings no wait of its own (a group that is not failing).
    expect(backoffWait(withOpen, { ...config, backoffAfter: 3 }, now)).toBe(0);
    expect(backoffWait([open(3), open(3)], { ...config, backoffAfter: 3 }, now)).toBe(0);
    expect(backoffWait([open(3), open(3), open(3)], { ...config, backoffAfter: 3 }, now)).toBe(3600);
    // Once passed, no phantom failure: the pass ends the run.
    const passed = [{ ...open(3), passed: true, endedAt: now }, ended(1, false)];
    expect(failuresInARow(passed, config, now + 1)).toEqual({ count: 0, open: 0 });
    expect(backoffWait(passed, config, now + 1)).toBe(0);
    // Failed instead: the wait runs from its submission, as for any failure.
    const failed = [{ ...open(3), passed: false, endedAt: now }, ended(1, false)];
    expect(backoffWait(failed, config, now + 60_000)).toBe(3600 - 60);
  });

  it('counts an attempt never submitted as a failure once it has expired, ended at its expiry', () => {
    const expired = [open(2), ended(1, false)];
    const atExpiry = t0 + 2 * H + config.minutes * 60_000;
    expect(failuresInARow(expired, config, atExpiry - 1)).toEqual({ count: 2, open: 1, lastEnded: atExpiry - 1 });
    expect(failuresInARow(expired, config, atExpiry)).toEqual({ count: 2, open: 0, lastEnded: atExpiry });
    expect(backoffWait(expired, config, atExpiry)).toBe(3600);
  });

  it('counts the wait from the latest end, not from the newest start', () => {
    // Three started in parallel within a minute, submitted (failed) in the opposite order: the
    // newest start ended first. The wait runs from the last submission.
    const par = (min: number, endMin: number): HistoryEntry => ({ startedAt: t0 + min * 60_000, endedAt: t0 + endMin * 60_000, passed: false, items: [] });
    const history = [par(2, 10), par(1, 20), par(0, 30)];
    expect(failuresInARow(history, config, t0 + 31 * 60_000)).toEqual({ count: 3, open: 0, lastEnded: t0 + 30 * 60_000 });
    expect(backoffWait(history, config, t0 + 30 * 60_000)).toBe(4 * 3600);
  });

  it('finds the open attempt (unexpired, unsubmitted) that refuses a new start', () => {
    const history = [open(3), ended(2, false)];
    expect(openAttempt(history, config, t0 + 3 * H + 5 * 60_000)).toEqual({ startedAt: t0 + 3 * H, expiresAt: t0 + 3 * H + config.minutes * 60_000 });
    expect(openAttempt(history, config, t0 + 4 * H)).toBeUndefined();
    expect(openAttempt([ended(3, true)], config, t0 + 3 * H + 60_000)).toBeUndefined();
  });
});

describe('a draw that prefers the items this client was given least', () => {
  const bank: Bank = finalBank;
  const repeatsOf = (items: { module: string; scenario: string }[], given: Map<string, number>) => items.reduce((n, i) => n + (given.get(itemKey(i)) ?? 0), 0);
  /** The fewest repeats any draw under the rules can have: the exact selection with repeats as the only value. */
  const fewestRepeats = (given: Map<string, number>) =>
    selectUnits(bank, DEFAULT_RULES, (u) => -u.scenarios.reduce((n, s) => n + (given.get(itemKey({ module: u.module, scenario: s.id })) ?? 0), 0))!.reduce((n, u) => n + u.scenarios.reduce((m, s) => m + (given.get(itemKey({ module: u.module, scenario: s.id })) ?? 0), 0), 0);

  it('still meets every draw rule, repeats as few items as any draw can, and repeats fewer than a draw that ignores them', () => {
    let history: HistoryEntry[] = [];
    let [avoided, ignored] = [0, 0];
    for (let attempt = 0; attempt < 8; attempt++) {
      const given = timesGiven(history);
      const items = drawFinalTest(bank, 500 + attempt, DEFAULT_RULES, given);
      expect(items).toHaveLength(DEFAULT_RULES.count);
      expect(new Set(items.map(itemKey)).size).toBe(items.length);
      for (const q of bank) expect(items.filter((i) => i.module === q.moduleId).length).toBeGreaterThanOrEqual(DEFAULT_RULES.perModule);
      expect(items.filter((i) => leadsOn(scenarioOf(bank, i)!)).length).toBeGreaterThanOrEqual(DEFAULT_RULES.branching);
      const keys = new Set(items.map(itemKey));
      const pairs = bank.flatMap((q) => twinPairs(q.scenarios).map(([a, b]) => [itemKey({ module: q.moduleId, scenario: q.scenarios[a]!.id }), itemKey({ module: q.moduleId, scenario: q.scenarios[b]!.id })]));
      const whole = pairs.filter(([a, b]) => keys.has(a!) && keys.has(b!)).length;
      expect(whole).toBeGreaterThanOrEqual(DEFAULT_RULES.twins);
      // A twin is never drawn without its pair.
      expect(pairs.filter(([a, b]) => keys.has(a!) !== keys.has(b!))).toEqual([]);
      expect(repeatsOf(items, given)).toBe(fewestRepeats(given));
      avoided += repeatsOf(items, given);
      ignored += repeatsOf(drawFinalTest(bank, 500 + attempt, DEFAULT_RULES), given);
      history = [{ startedAt: attempt, items: items.map(itemKey) }, ...history];
    }
    expect(avoided).toBeLessThan(ignored);
  });

  it('gives a client with no history the same draw as before', () => {
    for (const seed of [1, 2, 3]) expect(drawFinalTest(bank, seed, DEFAULT_RULES, new Map())).toEqual(drawFinalTest(bank, seed, DEFAULT_RULES));
  });
});
