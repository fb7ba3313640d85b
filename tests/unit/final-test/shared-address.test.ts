import { afterAll, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { newBrowserId } from '../../../src/lib/final-test/browser-id';
import { backends as twoStoreBackends, post, restoreEnv, twoServers as twoServersOn, type Server } from '../../support/two-servers';

// Issue 14 (F4): behind one NAT address a ministry's whole staff shared one open attempt, three
// attempts a day and one back-off. A browser that sends its id (the final-test page makes one)
// is now its own client, `<address>#<id>`, inside the address's aggregate, which gets
// FINAL_TEST_SHARED_FACTOR times each allowance; without an id, the address alone as before. All
// of it on two servers sharing one register, SQLite and PostgreSQL.
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());

const backends = twoStoreBackends('shared_address');
const SETTINGS = ['FINAL_TEST_ATTEMPTS', 'FINAL_TEST_BACKOFF_MINUTES', 'FINAL_TEST_SHARED_FACTOR', 'IPV6_PREFIX_LIMITS'];
afterAll(restoreEnv(['DATABASE_URL', 'FINAL_TEST_REQUESTS', ...SETTINGS]));

/** Two servers on a fresh register with these settings (the others at their defaults). */
const twoServers = (name: string, prepare: () => Promise<void>, settings: Record<string, string>) =>
  twoServersOn(name, prepare, { cleared: SETTINGS, defaults: { FINAL_TEST_REQUESTS: '1000' }, settings });

const body = (browser?: unknown) => ({ ...passingRequest('x'), ...(browser !== undefined && { browser }) });
const codes = (rs: { status: number; body: Record<string, any> }[]) => JSON.stringify(rs.map((r) => [r.status, r.body.code, r.body.limit]));

describe.each(backends)('colleagues behind one address on %s', (_, available, prepare) => {
  const start = (s: Server, address: string, browser?: unknown) => post(s.start, '', body(browser), address);
  const fail = async (s: Server, token: string) => {
    const graded = await post(s.submit, 'submit/', { token, answers: [] }, '192.0.2.1');
    expect([graded.status, graded.body.passed]).toEqual([200, false]);
  };

  it.runIf(available)('each start and fail without blocking the other: own open attempt, own back-off', async () => {
    const [a, b] = await twoServers('shared-colleagues', prepare, {});
    try {
      const address = '198.51.100.20';
      const [anna, ben] = [newBrowserId(), newBrowserId()];
      // At once, on the two servers: before the ids, the second was refused (409 attempt-open).
      const both = await Promise.all([start(a, address, anna), start(b, address, ben)]);
      expect(both.map((r) => r.status), codes(both)).toEqual([201, 201]);
      // Anna's own attempt is still open: her second start is refused, as her own limit.
      const again = await start(b, address, anna);
      expect([again.status, again.body.code, again.body.limit], again.body.message).toEqual([409, 'attempt-open', 'own']);
      expect(again.body.message).toContain('in this browser');
      await fail(a, both[0]!.body.token);
      const second = await start(a, address, anna);
      expect(second.status, codes([second])).toBe(201);
      await fail(b, second.body.token);
      // Two failures in a row are Anna's: she waits, with her own back-off…
      const waiting = await start(b, address, anna);
      expect([waiting.status, waiting.body.code, waiting.body.limit, waiting.body.failures]).toEqual([429, 'attempts-backoff', 'own', 2]);
      // …Ben does not: his attempt is submitted, and his next one starts.
      await fail(b, both[1]!.body.token);
      const bens = await start(a, address, ben);
      expect(bens.status, codes([bens])).toBe(201);
      // The draw's history is each browser's own.
      const { register } = await import('../../../src/server/register/open-register');
      expect((await (await register()).clientAttempts(`final-test:${address}#${anna}`, 0)).length).toBe(2);
      expect((await (await register()).clientAttempts(`final-test:${address}#${ben}`, 0)).length).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 240_000);

  it.runIf(available)('ids minted by a script stop at the aggregate: its open attempts, its attempts a day, its back-off', async () => {
    const [a, b] = await twoServers('shared-minted', prepare, { FINAL_TEST_SHARED_FACTOR: '3', FINAL_TEST_BACKOFF_MINUTES: '0' });
    try {
      const address = '203.0.113.30';
      // Five fresh ids at once: 3 (1 × 3) open, the others refused by the address's shared limit.
      const five = await Promise.all(Array.from({ length: 5 }, (_, i) => start(i % 2 ? b : a, address, newBrowserId())));
      expect(five.map((r) => r.status).sort(), codes(five)).toEqual([201, 201, 201, 409, 409]);
      const refused = five.find((r) => r.status === 409)!;
      expect([refused.body.code, refused.body.limit]).toEqual(['attempt-open', 'address']);
      expect(refused.body.message).toContain(`from this address (${address})`);
      for (const r of five.filter((r) => r.status === 201)) await fail(b, r.body.token);
      // 3 × 3 = 9 attempts a day for the address as a whole, however many ids.
      for (let i = 0; i < 6; i++) {
        const r = await start(i % 2 ? b : a, address, newBrowserId());
        expect(r.status, codes([r])).toBe(201);
        await fail(a, r.body.token);
      }
      for (const browser of [newBrowserId(), undefined]) {
        // A start without an id counts in the aggregate too (and its own count, 1 of 3, is not over).
        const over = await start(b, address, browser);
        expect([over.status, over.body.code, over.body.limit], over.body.message).toEqual([429, 'attempts-used', 'address']);
        expect(Number(over.body.message.match(/in (\d+) s/)?.[1])).toBeGreaterThan(80_000);
      }
      // Another address is not affected.
      expect((await start(a, '203.0.113.31', newBrowserId())).status).toBe(201);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 240_000);

  it.runIf(available)('failures in a row by many ids put the whole address in the back-off, after factor × 2 of them', async () => {
    const [a, b] = await twoServers('shared-backoff', prepare, { FINAL_TEST_SHARED_FACTOR: '2', FINAL_TEST_ATTEMPTS: '100' });
    try {
      const address = '203.0.113.40';
      for (let i = 0; i < 4; i++) {
        const r = await start(i % 2 ? b : a, address, newBrowserId());
        expect(r.status, codes([r])).toBe(201);
        await fail(a, r.body.token);
      }
      for (const s of [a, b]) {
        const waiting = await start(s, address, newBrowserId());
        expect([waiting.status, waiting.body.code, waiting.body.limit, waiting.body.failures]).toEqual([429, 'attempts-backoff', 'address', 4]);
        expect(waiting.body.message).toContain(`from this address (${address})`);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 240_000);

  it.runIf(available)('without an id, or with a malformed one, the address is one client as before; parallel starts of one id open one attempt', async () => {
    const [a, b] = await twoServers('shared-no-id', prepare, {});
    try {
      const address = '198.51.100.50';
      // No id: one open attempt for the address, then its own back-off after two failures.
      const first = await start(a, address);
      expect(first.status, codes([first])).toBe(201);
      // Malformed ids are no id: each of these is the address alone, whose attempt is open.
      for (const malformed of ['short', 'A'.repeat(21), 'A'.repeat(23), `${'A'.repeat(21)}*`, `${'A'.repeat(21)}=`, 42, { id: 'x' }, null, '']) {
        const r = await start(b, address, malformed);
        expect([r.status, r.body.code, r.body.limit], String(malformed)).toEqual([409, 'attempt-open', 'own']);
        expect(r.body.message).toContain('an attempt started here is still open');
      }
      await fail(a, first.body.token);
      const second = await start(b, address, 'not-an-id');
      expect(second.status, codes([second])).toBe(201);
      await fail(b, second.body.token);
      const waiting = await start(a, address);
      expect([waiting.status, waiting.body.code, waiting.body.limit, waiting.body.failures]).toEqual([429, 'attempts-backoff', 'own', 2]);
      const { register } = await import('../../../src/server/register/open-register');
      expect((await (await register()).clientAttempts(`final-test:${address}`, 0)).length).toBe(2);
      // A colleague's browser with an id is not held by that back-off (the address has 2 of 2 × 10 failures).
      const colleague = newBrowserId();
      // Parallel starts of that one id, split across the two servers, open exactly one attempt.
      const six = await Promise.all(Array.from({ length: 6 }, (_, i) => start(i % 2 ? b : a, address, colleague)));
      expect(six.map((r) => r.status).sort(), codes(six)).toEqual([201, 409, 409, 409, 409, 409]);
      expect(six.filter((r) => r.status === 409).every((r) => r.body.code === 'attempt-open' && r.body.limit === 'own')).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 240_000);

  it.runIf(available)('on IPv6, ids in one /64 count under the /64 as a whole, and under the /56 and /48 as before', async () => {
    const [a, b] = await twoServers('shared-ipv6', prepare, { FINAL_TEST_SHARED_FACTOR: '2', IPV6_PREFIX_LIMITS: '56:4,48:6', FINAL_TEST_ATTEMPTS: '100' });
    try {
      const in64 = (group: string, host: number) => `2001:db8:80:${group}::${host}`;
      const three = async (group: string) => Promise.all([1, 2, 3].map((h) => start(h % 2 ? a : b, in64(group, h), newBrowserId())));
      // Three ids in one /64: two (1 × 2) open, the third refused by the /64's shared limit.
      for (const group of ['1201', '1202']) {
        const rs = await three(group);
        expect(rs.map((r) => r.status).sort(), codes(rs)).toEqual([201, 201, 409]);
        const refused = rs.find((r) => r.status === 409)!;
        expect(refused.body.limit).toBe('address');
        expect(refused.body.message).toContain(`2001:db8:80:${group}::/64`);
      }
      // Four open in the /56 (its factor 4): a third /64 of it is refused by the network's limit.
      const in56 = await start(a, in64('1203', 1), newBrowserId());
      expect([in56.status, in56.body.code, in56.body.limit]).toEqual([409, 'attempt-open', 'network']);
      expect(in56.body.message).toContain('2001:db8:80:1200::/56');
      // Another /56 of the /48: two more open there, then the /48 (6) is full.
      for (const group of ['1300', '1301']) expect((await start(b, in64(group, 1), newBrowserId())).status).toBe(201);
      const in48 = await start(a, in64('1400', 1), newBrowserId());
      expect([in48.status, in48.body.limit]).toEqual([409, 'network']);
      expect(in48.body.message).toContain('2001:db8:80::/48');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 240_000);
});
