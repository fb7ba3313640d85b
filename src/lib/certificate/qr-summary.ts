import type { CryptoKey, KeyObject } from 'jose';
import { digitsToBytes } from './qr-digits';
import { decodeSummary, type CertificateSummary } from './qr-summary-codec';

export type { CertificateSummary } from './qr-summary-codec';

/**
 * The QR code's link: the verify page with `#q=` and the signed summary as digits, after '#' so it
 * never reaches a server. The digits hold a compact JWS (ES256, a 64-byte signature) taken apart:
 * format byte, kid, payload, signature. The protected header is always {"alg":"ES256","kid":…}, so
 * it is rebuilt from the kid rather than carried. See the README, "The QR code". Signing and
 * verifying (with jose) are in qr-summary-check.ts, so the certificate page, which only reads a
 * summary, does not load them.
 */
export const QR_PARAM = 'q';
export const FORMAT = 1;
export const SIGNATURE_BYTES = 64;
/** Longer than any real summary (the longest name and institution give about 1,300 digits). */
export const MAX_QR_DIGITS = 4000;

export interface QrSigningKey {
  key: CryptoKey | KeyObject;
  kid: string;
}

export function qrLink(verifyUrl: string, digits: string): string {
  return `${verifyUrl}#${QR_PARAM}=${digits}`;
}

/** The digits of a `#q=` link in a location hash, if there are any. */
export function qrDigitsIn(hash: string): string | undefined {
  return new RegExp(`[#&]${QR_PARAM}=(\\d+)`).exec(hash)?.[1];
}

/**
 * Reads a summary without checking its signature, for the learner's own certificate page (which
 * shows the edition and the test marking from it); the verify page uses verifySummary.
 */
export function readSummary(digits: string): CertificateSummary | undefined {
  const parts = summaryParts(digits);
  return parts && decodeSummary(parts.payload);
}

/** The digits taken apart (kid, payload, signature), or undefined when they cannot be a summary. */
export function summaryParts(digits: string): { kid: string; payload: Uint8Array; signature: Uint8Array } | undefined {
  const bytes = digits.length <= MAX_QR_DIGITS ? digitsToBytes(digits) : undefined;
  if (!bytes || bytes[0] !== FORMAT || bytes.length < 2 + bytes[1]! + SIGNATURE_BYTES) return undefined;
  return {
    kid: new TextDecoder().decode(bytes.subarray(2, 2 + bytes[1]!)),
    payload: bytes.subarray(2 + bytes[1]!, bytes.length - SIGNATURE_BYTES),
    signature: bytes.subarray(bytes.length - SIGNATURE_BYTES),
  };
}
