import { afterEach, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { readSummary } from '../../../src/lib/certificate/qr-summary';
import { signResult } from '../../../src/lib/final-test/result-token';
import { RegisterUnavailable } from '../../../src/server/register/register';
import { SqliteRegister } from '../../../src/server/register/sqlite-register';
import { useThrowawayRegister } from '../../support/throwaway-register';

// The certificate route as the server runs it, with a passed final test, against a throw-away
// SQLite register; the course comes from the repository (the built course's loader needs Astro).
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse('test-version'));
vi.mock('../../../src/data/course-edition', () => ({ courseEdition: async () => ({ date: '2026-12-01', version: 'abcdef' }) }));
useThrowawayRegister('final-test-claim');
const { POST: issue } = await import('../../../src/pages/api/certificates');
const { finalTestKeys } = await import('../../../src/server/final-test-keys');
const { register } = await import('../../../src/server/register/open-register');

let n = 0;
/** A passed attempt in the register and its signed result, as the submit route leaves them. */
async function passed() {
  const id = `claim-${++n}`;
  const now = Date.now();
  const at = new Date(now).toISOString();
  expect(await (await register()).recordAttempt({ id, startedAt: at, submittedAt: at, bank: 'b', percent: 94, passed: true, tooFast: false, items: [] })).toBe('recorded');
  return { id, token: await signResult({ attempt: id, percent: 94, items: 16, passedAt: at, bank: 'b' }, (await finalTestKeys()).result, now) };
}

const ask = async (finalTest: string, client = `198.51.100.${n}`) => {
  const request = new Request('http://127.0.0.1/api/certificates/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...passingRequest('Anna Bērziņa'), finalTest }) });
  try {
    const response = (await issue({ request, clientAddress: client } as Parameters<typeof issue>[0])) as Response;
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  } catch (error) {
    // Astro answers a thrown error with 500.
    return { status: 500, body: { error: String(error) } };
  }
};
const claimOf = async (id: string) => (await (await register()).attempts()).find((a) => a.id === id)?.certificateId;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a passed final test gives one certificate', () => {
  it('is not used up when recording the certificate fails: the retry is issued, and only once', async () => {
    const a = await passed();
    vi.spyOn(SqliteRegister.prototype, 'record').mockRejectedValueOnce(new RegisterUnavailable('the disk is full'));
    const failed = await ask(a.token);
    expect([failed.status, failed.body.code]).toEqual([503, 'register-unavailable']);
    expect(await claimOf(a.id)).toBeUndefined();
    const retry = await ask(a.token);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(await claimOf(a.id)).toBe(retry.body.credential.id);
    // The QR code's signed summary carries the final test's score and date too.
    expect(readSummary(retry.body.qr)?.finalTest).toEqual({ percent: 94, date: new Date().toISOString().slice(0, 10) });
    const again = await ask(a.token);
    expect([again.status, again.body.code]).toEqual([409, 'final-test-used']);
  }, 60_000);

  it('is not used up when signing fails with an unexpected error either', async () => {
    const a = await passed();
    vi.spyOn(SqliteRegister.prototype, 'allocateIndex').mockRejectedValueOnce(new Error('unexpected'));
    expect((await ask(a.token)).status).toBe(500);
    expect(await claimOf(a.id)).toBeUndefined();
    expect((await ask(a.token)).status).toBe(201);
  }, 60_000);

  it('keeps the claim when the register cannot say whether the certificate was recorded', async () => {
    const a = await passed();
    vi.spyOn(SqliteRegister.prototype, 'record').mockRejectedValueOnce(new RegisterUnavailable('gone'));
    vi.spyOn(SqliteRegister.prototype, 'get').mockRejectedValueOnce(new RegisterUnavailable('gone'));
    expect((await ask(a.token)).status).toBe(503);
    expect(await claimOf(a.id)).toMatch(/^urn:uuid:/);
  }, 60_000);
});

describe('the certificate route\'s rate limit', () => {
  const junk = async (client: string) => {
    const request = new Request('http://127.0.0.1/api/certificates/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
    return ((await issue({ request, clientAddress: client } as Parameters<typeof issue>[0])) as Response).status;
  };

  it('counts one IPv6 /64 as one client, whichever of its addresses asks (like the final test\'s attempts)', async () => {
    // The limit (CERT_RATE_LIMIT, 20 by default) counts every request, refused ones too (here:
    // bodies that are not JSON, refused before any grading, so the test is quick).
    const limit = Number(process.env.CERT_RATE_LIMIT ?? 20);
    for (let i = 1; i <= limit; i++) expect(await junk(`2001:db8:77:1::${i.toString(16)}`)).toBe(400);
    expect(await junk('2001:db8:77:1:ffff:1:2:3')).toBe(429);
    expect(await junk('[2001:0db8:0077:0001::abc]')).toBe(429);
    // Another /64 is another client.
    expect(await junk('2001:db8:77:2::1')).toBe(400);
  }, 60_000);
});
