import { RateLimiter } from '../lib/certificate/rate-limiter';
import { clientKey, wideClientKeys, widePrefixes, type WidePrefix } from './client-key';
import type { RateTake, Register } from './register/register';

/**
 * A per-client limit over every key an address counts under: its own (an IPv4 address, an IPv6
 * /64) with `limit`, and for IPv6 its wider prefixes (IPV6_PREFIX_LIMITS, by default the /56 with
 * 8 times and the /48 with 64 times the allowance). Without the wider ones, whoever holds a /48
 * holds 65,536 /64s, each a client with its own allowance. `scope` keeps one limit's counts apart
 * from another's (`final-test:`, `certificates:`…).
 */
export function clientRates(scope: string, address: string | undefined, limit: number, windowMs: number, prefixes: readonly WidePrefix[] = widePrefixes(process.env.IPV6_PREFIX_LIMITS)): RateTake[] {
  return [
    { client: `${scope}${clientKey(address)}`, limit, windowMs },
    ...wideClientKeys(address, prefixes).map(({ key, factor }) => ({ client: `${scope}${key}`, limit: limit * factor, windowMs })),
  ];
}

/** Counts the rates in order in the register; the seconds to wait for the first that is over (later ones are not counted), else 0. */
export async function takeRates(store: Pick<Register, 'takeRate'>, rates: readonly RateTake[], now = Date.now()): Promise<number> {
  for (const r of rates) {
    const wait = await store.takeRate(r.client, r.limit, r.windowMs, now);
    if (wait) return wait;
  }
  return 0;
}

/**
 * The same in memory (one server's CPU protection, not shared between servers): a limiter for the
 * address's own key and one per wider prefix, with the prefix's factor times the limit.
 */
export class ClientLimiter {
  private readonly own: RateLimiter;
  private readonly wide: { bits: number; limiter: RateLimiter }[];
  private readonly prefixes: readonly WidePrefix[];

  constructor(limit: number, windowMs: number, prefixes: readonly WidePrefix[] = widePrefixes(process.env.IPV6_PREFIX_LIMITS), now: () => number = Date.now) {
    this.own = new RateLimiter(limit, windowMs, now);
    this.prefixes = prefixes;
    this.wide = prefixes.map((p) => ({ bits: p.bits, limiter: new RateLimiter(limit * p.factor, windowMs, now) }));
  }

  /** Counts a request under `scope` + each key; the seconds to wait for the first that is over, else 0. */
  take(scope: string, address: string | undefined): number {
    const wait = this.own.take(`${scope}${clientKey(address)}`);
    if (wait) return wait;
    const keys = wideClientKeys(address, this.prefixes);
    for (let i = 0; i < keys.length; i++) {
      const w = this.wide[i]!.limiter.take(`${scope}${keys[i]!.key}`);
      if (w) return w;
    }
    return 0;
  }
}
