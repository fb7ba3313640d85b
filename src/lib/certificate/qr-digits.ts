/**
 * Bytes as decimal digits, for a QR code's numeric mode: 10 bits per 3 digits, so binary data
 * costs about 1 % more than in byte mode, where base64url text would cost 33 % more. Each 7-byte
 * block becomes 17 digits (10^17 > 2^56); a last, shorter block of k bytes takes DIGITS[k].
 */
const BLOCK = 7;
const DIGITS = [0, 3, 5, 8, 10, 13, 15, 17];

export function bytesToDigits(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += BLOCK) {
    const block = bytes.subarray(at, at + BLOCK);
    let value = 0n;
    for (const b of block) value = (value << 8n) | BigInt(b);
    out += value.toString().padStart(DIGITS[block.length]!, '0');
  }
  return out;
}

/** The bytes back, or undefined when the text is not something bytesToDigits produced. */
export function digitsToBytes(digits: string): Uint8Array | undefined {
  if (!/^\d*$/.test(digits)) return undefined;
  const full = Math.floor(digits.length / DIGITS[BLOCK]!);
  const last = DIGITS.indexOf(digits.length - full * DIGITS[BLOCK]!);
  if (last < 0) return undefined;
  const out = new Uint8Array(full * BLOCK + last);
  let at = 0;
  let pos = 0;
  while (pos < digits.length) {
    const size = out.length - at >= BLOCK ? BLOCK : last;
    let value = BigInt(digits.slice(pos, pos + DIGITS[size]!));
    pos += DIGITS[size]!;
    if (value >> BigInt(8 * size)) return undefined;
    for (let i = size - 1; i >= 0; i--) {
      out[at + i] = Number(value & 0xffn);
      value >>= 8n;
    }
    at += size;
  }
  return out;
}
