import { afterAll, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { useThrowawayRegister } from '../../support/throwaway-register';
import { backends as twoStoreBackends, post, restoreEnv, server } from '../../support/two-servers';

// Attacker round 7: the open-attempt rule and the back-off held per /64 only, so the eight /64s of
// one /56 started eight attempts at once and failed each with no back-off. They hold for the /56
// and the /48 as a whole too (IPV6_PREFIX_LIMITS' factors: here 56:2,48:4, so 2 open per /56 and a
// back-off once 2×2 failures in a row there), across two servers sharing the register.
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());

const backends = twoStoreBackends('wide_open');
afterAll(restoreEnv(['DATABASE_URL', 'FINAL_TEST_ATTEMPTS', 'FINAL_TEST_REQUESTS', 'IPV6_PREFIX_LIMITS']));

describe.each(backends)('the open attempts and the back-off of a wider IPv6 prefix on %s', (_, available, prepare) => {
  it.runIf(available)('count the /64s of a /56 together across two servers; another /56 of the /48 has its own', async () => {
    useThrowawayRegister('final-test-wide-open');
    await prepare();
    process.env.FINAL_TEST_ATTEMPTS = '100';
    process.env.FINAL_TEST_REQUESTS = '100';
    process.env.IPV6_PREFIX_LIMITS = '56:2,48:4';
    const a = await server();
    const first = await post(a.start, '', passingRequest('x'), '192.0.2.70');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const b = await server();
    const in56 = (i: number) => `2001:db8:70:12${i.toString(16).padStart(2, '0')}::1`; // all in 2001:db8:70:1200::/56
    const fail = async (token: string) => {
      const graded = await post(b.submit, 'submit/', { token, answers: [] }, in56(0));
      expect([graded.status, graded.body.passed]).toEqual([200, false]);
    };
    try {
      const body = passingRequest('x');
      // Six /64s of one /56 start at once on both servers: two attempts open, the others refused.
      const first6 = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 ? b.start : a.start, '', body, in56(i))));
      expect(first6.map((r) => r.status).sort(), JSON.stringify(first6.map((r) => r.body.code))).toEqual([201, 201, 409, 409, 409, 409]);
      const refused = first6.find((r) => r.status === 409)!;
      expect(refused.body.code).toBe('attempt-open');
      expect(refused.body.message).toContain('2001:db8:70:1200::/56');
      for (const r of first6.filter((r) => r.status === 201)) await fail(r.body.token);
      // Two failures in the /56, none yet twice in any /64: two more start (fresh /64s), and fail.
      for (const i of [10, 11]) {
        const r = await post(i % 2 ? b.start : a.start, '', body, in56(i));
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        await fail(r.body.token);
      }
      // Four failures in a row in the /56 (2 × 2): a /64 never used before waits, on either server.
      for (const s of [a, b]) {
        const waiting = await post(s.start, '', body, in56(20));
        expect([waiting.status, waiting.body.code, waiting.body.failures]).toEqual([429, 'attempts-backoff', 4]);
        expect(waiting.body.message).toContain('2001:db8:70:1200::/56');
      }
      // Another /56 of the same /48: 4 failures there, under its 2 × 4; it starts.
      const other = await post(a.start, '', body, '2001:db8:70:1300::1');
      expect(other.status, JSON.stringify(other.body)).toBe(201);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 180_000);
});
