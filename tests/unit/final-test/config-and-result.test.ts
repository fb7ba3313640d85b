import { describe, expect, it } from 'vitest';
import { finalTestConfig } from '../../../src/lib/final-test/config';
import { RESULT_VALID_SECONDS, signResult, verifyResult } from '../../../src/lib/final-test/result-token';

describe('the final test settings', () => {
  it('default to a certificate after the final test, of 23 items with 11 twin pairs, 80 %, an hour, 3 attempts a day, a wait of 1 h, 4 h, then a day after 2 failures in a row', () => {
    expect(finalTestConfig({})).toEqual({ assessment: 'final-test', rules: { count: 23, perModule: 2, branching: 1, twins: 11, passPercent: 80 }, minutes: 60, attempts: 3, windowMinutes: 1440, minSecondsPerItem: 6, openAttempts: 1, backoffAfter: 2, backoffMinutes: [60, 240, 1440], sharedFactor: 10 });
  });

  it('give the address as a whole 10 times each allowance, or what FINAL_TEST_SHARED_FACTOR says; a bad value stops the server, naming it', async () => {
    const { finalBank } = await import('../../support/final-bank');
    const { configProblem } = await import('../../../src/lib/final-test/config');
    expect(finalTestConfig({ FINAL_TEST_SHARED_FACTOR: '1' }).sharedFactor).toBe(1);
    expect(finalTestConfig({ FINAL_TEST_SHARED_FACTOR: '25' }).sharedFactor).toBe(25);
    const bank = finalBank;
    expect(configProblem(bank, { FINAL_TEST_SHARED_FACTOR: '25' })).toBeUndefined();
    expect(configProblem(bank, { FINAL_TEST_SHARED_FACTOR: '' })).toBeUndefined();
    for (const bad of ['0', '2.5', 'ten', '1001', '-3']) {
      expect(finalTestConfig({ FINAL_TEST_SHARED_FACTOR: bad }).sharedFactor, bad).toBe(10);
      expect(configProblem(bank, { FINAL_TEST_SHARED_FACTOR: bad }), bad).toMatch(new RegExp(`^FINAL_TEST_SHARED_FACTOR=${bad.replace('.', '\\.')} is not a whole number from 1 to 1000`));
    }
    // Not read when the installation has no final test.
    expect(configProblem(bank, { FINAL_TEST_SHARED_FACTOR: 'ten', CERT_ASSESSMENT: 'modules' })).toBeUndefined();
  });

  it('let an institution keep certificates after the module quizzes, and ignore nonsense values', () => {
    expect(finalTestConfig({ CERT_ASSESSMENT: 'modules' }).assessment).toBe('modules');
    expect(finalTestConfig({ CERT_ASSESSMENT: 'final-test' }).assessment).toBe('final-test');
    // Only the exact word turns the final test off: a typo keeps the stronger default.
    expect(finalTestConfig({ CERT_ASSESSMENT: 'nothing' }).assessment).toBe('final-test');
    const odd = finalTestConfig({ FINAL_TEST_ITEMS: '2', FINAL_TEST_PASS: 'x', FINAL_TEST_MINUTES: '-5', FINAL_TEST_ATTEMPTS: '1.5' });
    expect([odd.rules.count, odd.rules.passPercent, odd.minutes, odd.attempts]).toEqual([23, 80, 60, 3]);
    expect(finalTestConfig({ FINAL_TEST_ITEMS: '24', FINAL_TEST_ATTEMPTS: '1' })).toMatchObject({ rules: { count: 24 }, attempts: 1 });
    expect(finalTestConfig({ FINAL_TEST_TWINS: '6' }).rules.twins).toBe(6);
    expect(finalTestConfig({ FINAL_TEST_TWINS: 'many' }).rules.twins).toBe(11);
  });
});

describe('the result token', () => {
  const key = new TextEncoder().encode('r'.repeat(32));
  const result = { attempt: 'a1', percent: 88, items: 16, passedAt: '2026-12-01T12:00:00.000Z', bank: 'b1' };
  const now = Date.parse(result.passedAt);

  it('carries the attempt, score, items, date and bank', async () => {
    expect(await verifyResult(await signResult(result, key, now), key, now)).toEqual({ ok: true, result });
  });

  it('expires after a week and is refused with another key or changed', async () => {
    const token = await signResult(result, key, now);
    expect(await verifyResult(token, key, now + (RESULT_VALID_SECONDS + 1) * 1000)).toEqual({ ok: false, problem: 'expired' });
    expect(await verifyResult(token, new TextEncoder().encode('s'.repeat(32)), now)).toEqual({ ok: false, problem: 'invalid' });
    const [h, p, s] = token.split('.');
    const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), percent: 100 })).toString('base64url');
    expect(await verifyResult(`${h}.${raised}.${s}`, key, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyResult(42, key, now)).toEqual({ ok: false, problem: 'invalid' });
  });
});
