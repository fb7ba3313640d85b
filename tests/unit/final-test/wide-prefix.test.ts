import { afterEach, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { DEFAULT_WIDE_PREFIXES, wideClientKeys, widePrefixes } from '../../../src/server/client-key';
import { ClientLimiter, clientRates } from '../../../src/server/client-limits';
import { useThrowawayRegister } from '../../support/throwaway-register';

// F6: a /48 holds 65,536 /64s. Counted by /64 alone, whoever holds a /48 is 65,536 clients, each
// with its own attempts and certificate requests; the wider prefixes count as one client too, with
// larger allowances. An IPv4 /24 never does (a ministry's staff can share one NAT address).
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());
useThrowawayRegister('final-test-wide');
process.env.CERT_RATE_LIMIT = '2';
const { POST: start } = await import('../../../src/pages/api/final-test/index');
const { POST: certificates } = await import('../../../src/pages/api/certificates');
delete process.env.CERT_RATE_LIMIT;

type Route = typeof start;
const post = async (route: Route, path: string, clientAddress: string, body: unknown) => {
  const request = new Request(`http://127.0.0.1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = (await route({ request, clientAddress } as Parameters<Route>[0])) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['IPV6_PREFIX_LIMITS', 'FINAL_TEST_ATTEMPTS', 'FINAL_TEST_BACKOFF_MINUTES', 'FINAL_TEST_OPEN_ATTEMPTS']) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
});

describe('the wider keys of an address', () => {
  it('are its /56 and /48 for IPv6, written as prefixes; none for IPv4, IPv4-mapped or what is not an address', () => {
    expect(wideClientKeys('2001:db8:aa:12ff::1', DEFAULT_WIDE_PREFIXES)).toEqual([
      { key: '2001:db8:aa:1200::/56', factor: 8 },
      { key: '2001:db8:aa::/48', factor: 64 },
    ]);
    // Any address of the same /56 gives the same keys, another /56 of the same /48 only the /48.
    expect(wideClientKeys('2001:0DB8:00AA:1234:ffff:ffff:ffff:ffff', DEFAULT_WIDE_PREFIXES).map((k) => k.key)).toEqual(['2001:db8:aa:1200::/56', '2001:db8:aa::/48']);
    expect(wideClientKeys('2001:db8:aa:1300::1', DEFAULT_WIDE_PREFIXES).map((k) => k.key)).toEqual(['2001:db8:aa:1300::/56', '2001:db8:aa::/48']);
    expect(wideClientKeys('2001:db8:80aa:1300::1', [{ bits: 52, factor: 2 }, { bits: 33, factor: 9 }]).map((k) => k.key)).toEqual(['2001:db8:80aa:1000::/52', '2001:db8:8000::/33']);
    for (const v4 of ['192.0.2.7', '::ffff:192.0.2.7', '0:0:0:0:0:ffff:192.0.2.7', '1:2:3', '', undefined]) expect(wideClientKeys(v4, DEFAULT_WIDE_PREFIXES), String(v4)).toEqual([]);
  });

  it('reads IPV6_PREFIX_LIMITS: a list, `off`, or the default with a message for anything else', () => {
    expect(widePrefixes(undefined)).toEqual(DEFAULT_WIDE_PREFIXES);
    expect(widePrefixes('56:4, /44:100')).toEqual([{ bits: 56, factor: 4 }, { bits: 44, factor: 100 }]);
    expect(widePrefixes('off')).toEqual([]);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const bad of ['64:2', '56:0', '8:2', '56', 'lots']) expect(widePrefixes(bad), bad).toEqual(DEFAULT_WIDE_PREFIXES);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![0]).toMatch(/IPV6_PREFIX_LIMITS=64:2 .* the default is used/);
    logged.mockRestore();
    expect(clientRates('s:', '2001:db8:aa:1::1', 3, 1000, [{ bits: 48, factor: 10 }])).toEqual([
      { client: 's:2001:db8:aa:1::/64', limit: 3, windowMs: 1000 },
      { client: 's:2001:db8:aa::/48', limit: 30, windowMs: 1000 },
    ]);
  });

  it('the in-memory request limit counts them too, each with its factor', () => {
    let now = 0;
    const limiter = new ClientLimiter(2, 60_000, [{ bits: 56, factor: 2 }], () => now);
    expect([limiter.take('r:', '2001:db8:1:100::1'), limiter.take('r:', '2001:db8:1:100::2')]).toEqual([0, 0]);
    expect(limiter.take('r:', '2001:db8:1:100::3')).toBeGreaterThan(0);
    expect([limiter.take('r:', '2001:db8:1:101::1'), limiter.take('r:', '2001:db8:1:101::1')]).toEqual([0, 0]);
    // The /56 has had its four: a fresh /64 in it waits; one in the next /56 does not; IPv4 neighbours neither.
    expect(limiter.take('r:', '2001:db8:1:102::1')).toBeGreaterThan(0);
    expect(limiter.take('r:', '2001:db8:1:200::1')).toBe(0);
    for (let i = 1; i <= 10; i++) expect([limiter.take('r:', `192.0.2.${i}`), limiter.take('r:', `192.0.2.${i}`)]).toEqual([0, 0]);
    now = 60_000;
    expect(limiter.take('r:', '2001:db8:1:102::1')).toBe(0);
  });
});

describe('the certificate route over a wide IPv6 prefix', () => {
  // A body that is not JSON: refused (400) after the limit is counted, before anything costly.
  const ask = async (address: string) => {
    const request = new Request('http://127.0.0.1/api/certificates', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
    return ((await certificates({ request, clientAddress: address } as Parameters<Route>[0])) as Response).status;
  };

  it('refuses a fresh /64 once its /56 or its /48 has had its allowance; IPv4 neighbours in one /24 are never counted together', async () => {
    process.env.IPV6_PREFIX_LIMITS = '56:2,48:3';
    // Each /64 may ask twice in 10 minutes (CERT_RATE_LIMIT=2), a /56 four times, the /48 six.
    expect([await ask('2001:db8:c0:100::1'), await ask('2001:db8:c0:100::2')]).not.toContain(429);
    expect(await ask('2001:db8:c0:100::3')).toBe(429);
    expect([await ask('2001:db8:c0:101::1'), await ask('2001:db8:c0:101::1')]).not.toContain(429);
    expect(await ask('2001:db8:c0:102::1')).toBe(429);
    expect([await ask('2001:db8:c0:200::1'), await ask('2001:db8:c0:201::1')]).not.toContain(429);
    expect(await ask('2001:db8:c0:300::1')).toBe(429);
    // Another /48 is another client.
    expect(await ask('2001:db8:c1:100::1')).not.toBe(429);
    for (let i = 1; i <= 8; i++) expect([await ask(`192.0.2.${i}`), await ask(`192.0.2.${i}`)], `192.0.2.${i}`).not.toContain(429);
  }, 60_000);

  it('with IPV6_PREFIX_LIMITS=off counts /64s only (what it was before)', async () => {
    process.env.IPV6_PREFIX_LIMITS = 'off';
    // Twenty requests from one /56: over the default's 8 × 2 for a /56, never over a /64's 2.
    for (let i = 0; i < 10; i++) expect([await ask(`2001:db8:c2:${i}::1`), await ask(`2001:db8:c2:${i}::2`)]).toEqual([400, 400]);
  }, 60_000);
});

describe('final-test starts over a wide IPv6 prefix', () => {
  it('a fresh /64 cannot start once its /56 or /48 has started its allowance of attempts', async () => {
    process.env.IPV6_PREFIX_LIMITS = '56:2,48:3';
    process.env.FINAL_TEST_ATTEMPTS = '1';
    process.env.FINAL_TEST_BACKOFF_MINUTES = '0';
    // The attempt count is what this test reads: the open-attempt rule (per /56 too now) kept out of its way.
    process.env.FINAL_TEST_OPEN_ATTEMPTS = '10';
    const begin = async (address: string) => {
      const r = await post(start, '/api/final-test/', address, passingRequest('x'));
      return r.status === 201 ? 201 : `${r.status} ${r.body.code}`;
    };
    expect(await begin('2001:db8:d0:100::1')).toBe(201);
    expect(await begin('2001:db8:d0:101::1')).toBe(201);
    expect(await begin('2001:db8:d0:102::1')).toBe('429 attempts-used');
    expect(await begin('2001:db8:d0:200::1')).toBe(201);
    expect(await begin('2001:db8:d0:300::1')).toBe('429 attempts-used');
    expect(await begin('2001:db8:d1:100::1')).toBe(201);
    // IPv4: two addresses of one /24 each start their own attempt.
    expect([await begin('198.51.100.31'), await begin('198.51.100.32')]).toEqual([201, 201]);
  }, 120_000);
});
