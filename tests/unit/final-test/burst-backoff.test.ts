import { afterAll, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { newBrowserId } from '../../../src/lib/final-test/browser-id';
import { backends as twoStoreBackends, post, restoreEnv, twoServers as twoServersOn, type Server } from '../../support/two-servers';

// Attacker round 8 #4 (issue 14): the back-off was checked only when an attempt starts, and the
// attempts still open did not count as failures. So each time an aggregate's back-off lifted (or
// with its run one short of it) as many starts as it may hold open went through at once, fresh
// browser ids or fresh /64s, each failed only afterwards: ten per release with the defaults. An
// open attempt now counts as a failure of the run (ending now): one start gets through, the next
// waits. A group that is not failing is not held. Two servers on one register, both stores.
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());

const backends = twoStoreBackends('burst_backoff');
const SETTINGS = ['FINAL_TEST_ATTEMPTS', 'FINAL_TEST_BACKOFF_MINUTES', 'FINAL_TEST_SHARED_FACTOR', 'IPV6_PREFIX_LIMITS'];
afterAll(restoreEnv(['DATABASE_URL', 'FINAL_TEST_REQUESTS', ...SETTINGS]));

/** Two servers on a fresh register with these settings (the others at their defaults). */
const twoServers = (name: string, prepare: () => Promise<void>, settings: Record<string, string>) =>
  twoServersOn(name, prepare, { cleared: SETTINGS, defaults: { FINAL_TEST_REQUESTS: '1000', FINAL_TEST_ATTEMPTS: '100' }, settings });

const body = (browser?: string) => ({ ...passingRequest('x'), ...(browser !== undefined && { browser }) });
const statuses = (rs: { status: number; body: Record<string, any> }[]) => rs.map((r) => r.status).sort();
const codes = (rs: { status: number; body: Record<string, any> }[]) => JSON.stringify(rs.map((r) => [r.status, r.body.code, r.body.limit, r.body.failures, r.body.open]));

describe.each(backends)('a burst of parallel starts at the back-off on %s', (_, available, prepare) => {
  const fail = async (s: Server, token: string, address: string) => {
    const graded = await post(s.submit, 'submit/', { token, answers: [] }, address);
    expect([graded.status, graded.body.passed]).toEqual([200, false]);
  };

  it.runIf(available)('one address, its run one short of the back-off: of parallel starts with fresh ids on two servers exactly one starts', async () => {
    // Shared factor 3: the address may hold 3 attempts open, and waits after 2 × 3 = 6 failures.
    const [a, b] = await twoServers('burst-address', prepare, { FINAL_TEST_SHARED_FACTOR: '3' });
    try {
      const address = '198.51.100.40';
      // Five failures one by one, each with a fresh id (no browser's own back-off): 6 − 1.
      for (let i = 0; i < 5; i++) {
        const s = i % 2 ? b : a;
        const r = await post(s.start, '', body(newBrowserId()), address);
        expect(r.status, codes([r])).toBe(201);
        await fail(s, r.body.token, address);
      }
      // Then eight at once, fresh ids, on both servers: before, three started (the open allowance).
      const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => post(i % 2 ? b.start : a.start, '', body(newBrowserId()), address)));
      expect(statuses(burst), codes(burst)).toEqual([201, 429, 429, 429, 429, 429, 429, 429]);
      const refused = burst.find((r) => r.status === 429)!;
      expect([refused.body.code, refused.body.limit, refused.body.failures, refused.body.open]).toEqual(['attempts-backoff', 'address', 6, 1]);
      expect(refused.body.message).toContain('still open');
      // Still one only while it is open, on either server.
      for (const s of [a, b]) {
        const again = await post(s.start, '', body(newBrowserId()), address);
        expect([again.status, again.body.code], codes([again])).toEqual([429, 'attempts-backoff']);
      }
      // Failed: six in a row, submitted; the address waits the back-off as before (an hour).
      await fail(a, burst.find((r) => r.status === 201)!.body.token, address);
      const after = await post(b.start, '', body(newBrowserId()), address);
      expect([after.status, after.body.code, after.body.failures, after.body.open], codes([after])).toEqual([429, 'attempts-backoff', 6, 0]);
      expect(Number(after.body.message.match(/start in (\d+) s/)![1])).toBeGreaterThan(3590);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 180_000);

  it.runIf(available)('the /64s of one IPv6 /56, its run one short: of parallel starts in fresh /64s exactly one starts', async () => {
    // 56:2: the /56 may hold 2 open and waits after 2 × 2 = 4 failures (the /48, 4 and 8).
    const [a, b] = await twoServers('burst-56', prepare, { IPV6_PREFIX_LIMITS: '56:2,48:4' });
    const in56 = (i: number) => `2001:db8:80:12${i.toString(16).padStart(2, '0')}::1`;
    try {
      for (let i = 0; i < 3; i++) {
        const s = i % 2 ? b : a;
        const r = await post(s.start, '', body(), in56(i));
        expect(r.status, codes([r])).toBe(201);
        await fail(s, r.body.token, in56(i));
      }
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 ? b.start : a.start, '', body(), in56(10 + i))));
      expect(statuses(burst), codes(burst)).toEqual([201, 429, 429, 429, 429, 429]);
      const refused = burst.find((r) => r.status === 429)!;
      expect([refused.body.code, refused.body.limit, refused.body.failures, refused.body.open]).toEqual(['attempts-backoff', 'network', 4, 1]);
      expect(refused.body.message).toContain('2001:db8:80:1200::/56');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 180_000);

  it.runIf(available)('ten colleagues behind one address who are not failing all start at once, on two servers', async () => {
    // The defaults: factor 10, so 10 open and a back-off after 20 failures in a row.
    const [a, b] = await twoServers('burst-colleagues', prepare, {});
    try {
      const address = '198.51.100.41';
      // A few failures already (a run of 3, well under 20): still no one is held.
      for (let i = 0; i < 3; i++) {
        const r = await post(a.start, '', body(newBrowserId()), address);
        expect(r.status, codes([r])).toBe(201);
        await fail(b, r.body.token, address);
      }
      const all = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? b.start : a.start, '', body(newBrowserId()), address)));
      expect(statuses(all), codes(all)).toEqual(Array(10).fill(201));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 180_000);
});
