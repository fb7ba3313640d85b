import { readLimited } from '../read-limited';
/**
 * W3C Bitstring Status List v1.0 (§2.1, §3.1): one bit per certificate, bit 0 the left-most bit of
 * the first byte; the list is GZIP-compressed and written as multibase base64url (prefix `u`, no
 * padding). Web-standard CompressionStream does the GZIP, so the same code runs in the server, the
 * command line and the verify page without a library in the page's bundle.
 */

/** The spec's minimum of 131,072 entries (16 KB): a list this long hides which certificate is looked up. */
export const STATUS_LIST_LENGTH = 131_072;
/** The most a decoded list may unpack to (a crafted list cannot inflate without end): 16 lists' worth. */
export const MAX_STATUS_LIST_BYTES = 16 * (STATUS_LIST_LENGTH / 8);

/** Where one certificate's bit is: the list number (1, 2, …) and the index inside it. */
export interface StatusPosition {
  list: number;
  index: number;
}

/** A register-wide index (0, 1, 2, …) as a list and an index inside it. */
export function positionOf(registerIndex: number): StatusPosition {
  return { list: Math.floor(registerIndex / STATUS_LIST_LENGTH) + 1, index: registerIndex % STATUS_LIST_LENGTH };
}

export function bitAt(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  return byte !== undefined && ((byte >> (7 - (index & 7))) & 1) === 1;
}

/** A list of `length` bits with the given indexes set. */
export function bitsWith(indexes: Iterable<number>, length = STATUS_LIST_LENGTH): Uint8Array {
  const bits = new Uint8Array(Math.ceil(length / 8));
  for (const i of indexes) if (Number.isInteger(i) && i >= 0 && i < length) bits[i >> 3]! |= 1 << (7 - (i & 7));
  return bits;
}

const pipe = (data: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number) =>
  readLimited(new Blob([data as BlobPart]).stream().pipeThrough(stream), limit);

const toBase64url = (bytes: Uint8Array) => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (text: string): Uint8Array | undefined => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
};

/** The `encodedList` of a status list: `u` + base64url(GZIP(bits)). */
export async function encodeStatusList(bits: Uint8Array): Promise<string> {
  return `u${toBase64url((await pipe(bits, new CompressionStream('gzip'), Number.MAX_SAFE_INTEGER))!)}`;
}

/** The bits of an `encodedList`, or undefined when it is not one (wrong prefix, not GZIP, too large). */
export async function decodeStatusList(encoded: unknown): Promise<Uint8Array | undefined> {
  if (typeof encoded !== 'string' || !encoded.startsWith('u') || encoded.length > 4 * MAX_STATUS_LIST_BYTES) return undefined;
  const zipped = fromBase64url(encoded.slice(1));
  if (!zipped) return undefined;
  try {
    return await pipe(zipped, new DecompressionStream('gzip'), MAX_STATUS_LIST_BYTES);
  } catch {
    return undefined;
  }
}
