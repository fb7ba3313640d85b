import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { configProblem } from '../../../src/lib/final-test/config';
import { bankUnits } from '../../../src/lib/final-test/draw';

// The start route as the server runs it, against a throw-away SQLite register, the real bank and
// the real module quizzes (read from the repository: the built course's loader needs Astro).
const root = join(import.meta.dirname, '..', '..', '..');
vi.mock('../../../src/data/course', () => ({
  courseQuizzes: async () => readQuizzes(root).map((quiz) => ({ id: quiz.moduleId, title: { lv: quiz.moduleId, en: quiz.moduleId }, quiz })),
  courseVersion: async () => 'test',
}));
const dir = mkdtempSync(join(tmpdir(), 'final-test-start-'));
process.env.CERT_DATA_DIR = dir;
process.env.CERT_REGISTER_FILE = join(dir, 'register.sqlite');
delete process.env.DATABASE_URL;
delete process.env.CERT_ASSESSMENT;
const { POST: start } = await import('../../../src/pages/api/final-test/index');
const { finalTestBank } = await import('../../../src/server/final-test-bank');
const { bank } = finalTestBank();

const call = async (clientAddress: string) => {
  const request = new Request('http://127.0.0.1/api/final-test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passingRequest('x')) });
  const response = (await start({ request, clientAddress } as Parameters<typeof start>[0])) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['FINAL_TEST_ITEMS', 'FINAL_TEST_TWINS', 'FINAL_TEST_ATTEMPTS']) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
});

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
  });

  it('refuses settings the bank cannot meet without using up an attempt, then counts attempts as before', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '2';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [name, value] of [['FINAL_TEST_ITEMS', '12'], ['FINAL_TEST_TWINS', '9']] as const) {
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
    expect((await call('192.0.2.2')).status).toBe(201);
    expect((await call('192.0.2.2')).status).toBe(201);
    const third = await call('192.0.2.2');
    expect([third.status, third.body.code]).toEqual([429, 'attempts-used']);
  }, 60_000);
});

describe('the attempt limit over IPv6', () => {
  it('counts one /64 as one client, whichever of its addresses asks', async () => {
    process.env.FINAL_TEST_ATTEMPTS = '2';
    expect((await call('2001:db8:aa:1::1')).status).toBe(201);
    expect((await call('2001:db8:aa:1::2')).status).toBe(201);
    const third = await call('2001:db8:aa:1:dead:beef:0:3');
    expect([third.status, third.body.code]).toEqual([429, 'attempts-used']);
    expect((await call('2001:db8:aa:2::1')).status).toBe(201);
  }, 60_000);
});

describe('the settings check the server makes before it starts', () => {
  it('names the setting when the bank cannot meet it, and passes the defaults and an installation without a final test', () => {
    expect(configProblem(bank, {})).toBeUndefined();
    const items = configProblem(bank, { FINAL_TEST_ITEMS: '12' });
    expect(items).toMatch(/FINAL_TEST_ITEMS=12/);
    expect(items).toMatch(/more than the 12 items/);
    const pairs = bankUnits(bank).filter((u) => u.scenarios.length === 2).length;
    expect(configProblem(bank, { FINAL_TEST_TWINS: String(pairs + 1) })).toMatch(new RegExp(`FINAL_TEST_TWINS=${pairs + 1}`));
    expect(configProblem(bank, { FINAL_TEST_TWINS: '9' })).toMatch(/FINAL_TEST_TWINS=9/);
    expect(configProblem(bank, { FINAL_TEST_ITEMS: '12', CERT_ASSESSMENT: 'modules' })).toBeUndefined();
  });
});
