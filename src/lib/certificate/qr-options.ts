import type { QRCodeToStringOptions } from 'qrcode';

/**
 * How the verification QR is drawn: error correction M (15 %) while that still fits in version 10,
 * otherwise L, so that a long name grows the symbol as little as possible. A 2-module margin; the
 * library splits the link into a byte segment (the address) and a numeric one (the digits).
 */
export function qrOptions(link: string): QRCodeToStringOptions & { errorCorrectionLevel: 'M' | 'L' } {
  // Version 10 at level M holds 1,728 data bits; the address costs 8 bits a character, digits 10 per 3.
  const hash = link.indexOf('#');
  const bits = 4 + 16 + 8 * (hash + 3) + 4 + 14 + Math.ceil(((link.length - hash - 3) * 10) / 3);
  return { type: 'svg', margin: 2, errorCorrectionLevel: bits <= 1728 ? 'M' : 'L' };
}
