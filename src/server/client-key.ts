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

