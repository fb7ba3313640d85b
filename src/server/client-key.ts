/**
 * The key a per-client limit counts under (the final test's attempts, the certificate route's
 * requests): an IPv4 address (also written IPv4-mapped, `::ffff:a.b.c.d`) as it is, an IPv6
 * address by its /64 prefix, since one subscriber commonly holds a whole /64 and could otherwise
 * take a fresh address for every request.
 */
export function clientKey(address: string | undefined): string {
  const a = (address ?? '').trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a) ?? /^::(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(a)) return a;
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a || 'unknown';
  const groups = expandIpv6(a);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : a;
}

/** An IPv6 address's eight groups, lowercase without leading zeros, or undefined when it is not one. */
function expandIpv6(address: string): string[] | undefined {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [b1, b2, b3, b4] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (h: string) => (h ? h.split(':') : []);
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups.map((g) => parseInt(g, 16).toString(16)) : undefined;
}


/** A wider IPv6 prefix counted as one client as well, with `factor` times the allowance of a /64. */
export interface WidePrefix {
  bits: number;
  factor: number;
}

/** The default: a /56 (a household's or a small office's delegation) and a /48 (a site's). */
export const DEFAULT_WIDE_PREFIXES: readonly WidePrefix[] = [
  { bits: 56, factor: 8 },
  { bits: 48, factor: 64 },
];

/**
 * `IPV6_PREFIX_LIMITS` as prefixes: `56:8,48:64` (the default) counts every /56 as one client with
 * 8 times a /64's allowance and every /48 with 64 times; `off` (or `0`, `none`) counts /64s only.
 * Prefixes from /16 to /63, factors from 1 to 1,000,000; anything unreadable is the default, and a
 * message says so once.
 */
export function widePrefixes(value: string | undefined): readonly WidePrefix[] {
  const text = (value ?? '').trim().toLowerCase();
  if (!text) return DEFAULT_WIDE_PREFIXES;
  if (['0', 'off', 'none'].includes(text)) return [];
  const parts = text.split(',').map((part) => /^\s*\/?(\d{1,2})\s*:\s*(\d{1,7})\s*$/.exec(part));
  const list = parts.map((m) => m && { bits: Number(m[1]), factor: Number(m[2]) });
  if (list.length > 8 || list.some((p) => !p || p.bits < 16 || p.bits > 63 || p.factor < 1 || p.factor > 1_000_000)) {
    if (!warned) console.error(`IPV6_PREFIX_LIMITS=${value} is not a list like 56:8,48:64 (prefix length 16–63 : factor); the default is used`);
    warned = true;
    return DEFAULT_WIDE_PREFIXES;
  }
  return list.map((p) => p!);
}
let warned = false;

/**
 * The wider keys an address counts under too (with their factors): for an IPv6 address its
 * prefixes of the given lengths, `2001:db8:aa:1200::/56`, `2001:db8:aa::/48`; none for IPv4 — a
 * ministry's whole staff can sit behind one NAT address, so an IPv4 /24 is never taken as one.
 */
export function wideClientKeys(address: string | undefined, prefixes: readonly WidePrefix[]): { key: string; factor: number }[] {
  const key = clientKey(address);
  if (!key.endsWith('::/64')) return [];
  const groups = key.slice(0, -'::/64'.length).split(':').map((g) => parseInt(g, 16));
  return prefixes.map(({ bits, factor }) => {
    const kept = groups.map((g, i) => {
      const from = i * 16;
      if (from + 16 <= bits) return g;
      if (from >= bits) return 0;
      return g & (0xffff << (16 - (bits - from))) & 0xffff;
    });
    // Trailing zero groups go into the `::` (what stays is a prefix, never a whole address).
    while (kept.length && kept.at(-1) === 0) kept.pop();
    return { key: `${kept.map((g) => g.toString(16)).join(':')}::/${bits}`, factor };
  });
}
