import { unpackCertificate } from './pack-certificate';
import { MAX_CERTIFICATE_BYTES } from './verification-row';

/**
 * Reads the certificate a QR link carries after '#': `#c=<packed>` (deflated, see
 * pack-certificate) or `#cert=<token>`. Inflating is bounded: a crafted link of 0.7 MB once
 * inflated to 512 MB and crashed the tab, so the data is unpacked only when it inflates to at
 * most MAX_CERTIFICATE_BYTES, and a fragment longer than any real certificate is not read.
 */
export type CertificateLink = { found: false } | { found: true; tooLarge: true } | { found: true; tooLarge: false; text: string };

/** Base64url of deflated data is never longer than this for a certificate within the limit. */
export const MAX_LINK_CHARS = Math.ceil((MAX_CERTIFICATE_BYTES * 4) / 3) + 64;

const base64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** True when raw-deflated `bytes` inflate to at most `limit` bytes; stops reading as soon as they pass it. */
export async function inflatesWithin(bytes: Uint8Array, limit: number): Promise<boolean> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
    }
  } catch {
    return true; // Broken data: unpackCertificate reports it as unreadable.
  }
}

export async function readCertificateLink(hash: string): Promise<CertificateLink> {
  const packed = /[#&]c=([A-Za-z0-9_-]+)/.exec(hash)?.[1];
  const plain = /[#&]cert=([A-Za-z0-9_.-]+)/.exec(hash)?.[1];
  const text = packed ?? plain;
  if (!text) return { found: false };
  if (text.length > MAX_LINK_CHARS) return { found: true, tooLarge: true };
  if (!packed) return { found: true, tooLarge: false, text };
  let bytes: Uint8Array;
  try {
    bytes = base64url(packed);
  } catch {
    return { found: true, tooLarge: false, text: packed };
  }
  if (!(await inflatesWithin(bytes, MAX_CERTIFICATE_BYTES))) return { found: true, tooLarge: true };
  return { found: true, tooLarge: false, text: (await unpackCertificate(packed)) ?? packed };
}
