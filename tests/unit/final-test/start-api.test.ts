import { afterEach, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { configProblem } from '../../../src/lib/final-test/config';
import { openAttempt } from '../../../src/lib/final-test/attempt-token';
import { bankUnits, DEFAULT_RULES, itemKey, selectUnits } from '../../../src/lib/final-test/draw';
import { useThrowawayRegister } from '../../support/throwaway-register';

// The start route as the server runs it, against a throw-away SQLite register, the real bank and
// the real module quizzes (read from the repository: the built course's loader needs Astro).
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());
useThrowawayRegister('final-test-start');
const { POST: start } = await import('../../../src/pages/api/final-test/index');
const { POST: submit } = await import('../../../src/pages/api/final-test/submit');
const { finalTestBank, finalTestKeys } = await import('../../../src/server/final-test-bank');
const { register } = await import('../../../src/server/register/open-register');
const { bank } = finalTestBank();

const call = async (clientAddress: string) => {
  const request = new Request('http://127.0.0.1/api/final-test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passingRequest('x')) });
  const response = (await start({ request, clientAddress } as Parameters<typeof start>[0])) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['FINAL_TEST_ITEMS', 'FINAL_TEST_TWINS', 'FINAL_TEST_ATTEMPTS', 'FINAL_TEST_BACKOFF_MINUTES']) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
});

/** Submits an attempt with every item unanswered: a fail, recorded like any other. */
const fail = async (token: string) => {
  const request = new Request('http://127.0.0.1/api/final-test/submit/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, answers: [] }) });
  const response = (await submit({ request, clientAddress: '203.0.113.250' } as Parameters<typeof submit>[0])) as Response;
  const body = (await response.json()) as Record<string, any>;
  expect([response.status, body.passed]).toEqual([200, false]);
};

/** Starts an attempt and fails it at once, so the next start is not refused as one still open. */
const startAndFail = async (clientAddress: string) => {
  const r = await call(clientAddress);
  if (r.status === 201) await fail(r.body.token);
  return r;
};

describe('starting a final test', () => {
  it('hands out a token that names no bank item, no module and no twin pair', async () => {
    const r = await call('192.0.2.1');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const payload = Buffer.from(String(r.body.token).split('.')[1]!, 'base64url').toString();
    const ids = [...bank.map((q) => q.moduleId), ...bank.flatMap((q) => q.scenarios.map((s) => s.id))];
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids) expect(payload).not.toContain(id);
    // Nor does the rest of the answer: the items come with public ids only.
    const rest = JSON.stringify(r.body.items);
    for (const id of bank.flatMap((q) => q.scenarios.map((s) => s.id))) expect(rest).not.toContain(`"${id}"`);
  }, 60_000);

  it('refuses settings the bank cannot meet without using up an attempt, then counts attempts as before', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '2';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [name, value] of [['FINAL_TEST_ITEMS', '12'], ['FINAL_TEST_TWINS', '12']] as const) {
      process.env[name] = value;
      for (let i = 0; i < 3; i++) {
        const r = await call('192.0.2.2');
        expect([r.status, r.body.code]).toEqual([503, 'final-test-unavailable']);
        expect(r.body.message).toMatch(/no attempt was used/);
      }
      delete process.env[name];
    }
    expect(logged).toHaveBeenCalledTimes(6);
    logged.mockRestore();
    process.env.FINAL_TEST_BACKOFF_MINUTES = '0';
    expect((await startAndFail('192.0.2.2')).status).toBe(201);
    expect((await startAndFail('192.0.2.2')).status).toBe(201);
    const third = await call('192.0.2.2');
    expect([third.status, third.body.code]).toEqual([429, 'attempts-used']);
  }, 60_000);
});

describe('the attempt limit over IPv6', () => {
  it('counts one /64 as one client, whichever of its addresses asks', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '2';
    process.env.FINAL_TEST_BACKOFF_MINUTES = '0';
    expect((await startAndFail('2001:db8:aa:1::1')).status).toBe(201);
    expect((await startAndFail('2001:db8:aa:1::2')).status).toBe(201);
    const third = await call('2001:db8:aa:1:dead:beef:0:3');
    expect([third.status, third.body.code]).toEqual([429, 'attempts-used']);
    expect((await call('2001:db8:aa:2::1')).status).toBe(201);
  }, 60_000);
});

describe('after failed attempts in a row', () => {
  it('the next start from that client waits (not counted as an attempt), with the time in retry-after; other clients do not', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '10';
    const first = await call('2001:db8:bb:1::1');
    await fail(first.body.token);
    // One failure: no wait.
    const second = await call('2001:db8:bb:1::2');
    expect(second.status).toBe(201);
    // Submitted from elsewhere, the failure still counts for the client that started the attempt.
    await fail(second.body.token);
    const request = new Request('http://127.0.0.1/api/final-test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passingRequest('x')) });
    const response = (await start({ request, clientAddress: '2001:db8:bb:1:ffff::9' } as Parameters<typeof start>[0])) as Response;
    const third = (await response.json()) as Record<string, any>;
    expect([response.status, third.code, third.failures]).toEqual([429, 'attempts-backoff', 2]);
    const wait = Number(response.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect((await call('2001:db8:bb:2::1')).status).toBe(201);
    // Turned off, the same client starts again at once.
    process.env.FINAL_TEST_BACKOFF_MINUTES = '0';
    expect((await call('2001:db8:bb:1::3')).status).toBe(201);
  }, 60_000);

  it('a register that fails to note the outcome costs the learner nothing: the graded result still comes back', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '10';
    const { SqliteRegister } = await import('../../../src/server/register/sqlite-register');
    const { RegisterUnavailable } = await import('../../../src/server/register/register');
    const noted = vi.spyOn(SqliteRegister.prototype, 'noteAttemptOutcome').mockRejectedValueOnce(new RegisterUnavailable('gone'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await fail((await call('198.51.100.78')).body.token);
    expect(noted).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toMatch(/not noted for the back-off/);
    vi.restoreAllMocks();
  }, 60_000);

  it('a client\'s next attempt repeats as few of the items it was given before as the draw rules allow', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '10';
    const key = (await finalTestKeys()).attempt;
    const a = openAttempt((await startAndFail('198.51.100.77')).body.token, key)!;
    const b = openAttempt((await startAndFail('198.51.100.77')).body.token, key)!;
    const seen = new Set(a.items.map(itemKey));
    const fewest = selectUnits(bank, DEFAULT_RULES, (u) => -u.scenarios.filter((x) => seen.has(itemKey({ module: u.module, scenario: x.id }))).length)!
      .reduce((n, u) => n + u.scenarios.filter((x) => seen.has(itemKey({ module: u.module, scenario: x.id }))).length, 0);
    expect(b.items.filter((i) => seen.has(itemKey(i))).length).toBe(fewest);
    expect(fewest).toBeLessThan(a.items.length);
    // What the register keeps for the client: the items of each attempt, newest first.
    const noted = await (await register()).clientAttempts('final-test:198.51.100.77', 0);
    expect(noted.map((n) => n.items)).toEqual([b.items.map(itemKey), a.items.map(itemKey)]);
  }, 60_000);
});

describe('parallel starts by one client (the attacker\'s back-off bypass)', () => {
  it('start one attempt; the others are refused while it is open, with its expiry in retry-after', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '10';
    const all = await Promise.all([1, 2, 3].map(() => call('198.51.100.90')));
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of all.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('attempt-open');
      expect(r.body.message).toMatch(/still open/);
    }
    // Once it is submitted (failed), the next start is taken.
    await fail(all.find((r) => r.status === 201)!.body.token);
    expect((await call('198.51.100.90')).status).toBe(201);
    // Another client is not affected by this one's open attempt.
    expect((await call('198.51.100.91')).status).toBe(201);
  }, 60_000);
});

describe('the settings check the server makes before it starts', () => {
  it('names the setting when the bank cannot meet it, and passes the defaults and an installation without a final test', () => {
    expect(configProblem(bank, {})).toBeUndefined();
    const items = configProblem(bank, { FINAL_TEST_ITEMS: '12' });
    expect(items).toMatch(/FINAL_TEST_ITEMS=12/);
    expect(items).toMatch(/more than the 12 items/);
    // A bank without its second twins has no pairs for the default eleven.
    const unpaired = bank.map((q) => ({ ...q, scenarios: q.scenarios.filter((s) => !('twin' in s && s.twin)) }));
    expect(bankUnits(unpaired).filter((u) => u.scenarios.length === 2)).toEqual([]);
    expect(configProblem(unpaired, { FINAL_TEST_TWINS: '11' })).toMatch(/FINAL_TEST_TWINS=11\b.*0 twin pairs, fewer than the 11/);
    // Twelve pairs are 24 items, more than the 23 of an attempt.
    expect(configProblem(bank, { FINAL_TEST_TWINS: '12' })).toMatch(/FINAL_TEST_TWINS=12/);
    expect(configProblem(bank, { FINAL_TEST_ITEMS: '12', CERT_ASSESSMENT: 'modules' })).toBeUndefined();
  });
});
