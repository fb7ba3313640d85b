import { CompactSign, type CryptoKey, type KeyObject } from 'jose';
import { base64url, compactVerify, importVerifyKey } from './jws';
import { bytesToDigits, digitsToBytes } from './qr-digits';
import { decodeSummary, encodeSummary, type CertificateSummary } from './qr-summary-codec';
import type { TrustedIssuer } from './verify-certificate';

export type { CertificateSummary } from './qr-summary-codec';

/**
 * The QR code's link: the verify page with `#q=` and the signed summary as digits, after '#' so it
 * never reaches a server. The digits hold a compact JWS (ES256, a 64-byte signature) taken apart:
 * format byte, kid, payload, signature. The protected header is always {"alg":"ES256","kid":…}, so
 * it is rebuilt from the kid rather than carried. See the README, "The QR code".
 */
export const QR_PARAM = 'q';
const FORMAT = 1;
const SIGNATURE_BYTES = 64;
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

const header = (kid: string) => ({ alg: 'ES256', kid });

export async function signSummary(summary: CertificateSummary, signing: QrSigningKey): Promise<string> {
  const jws = await new CompactSign(encodeSummary(summary)).setProtectedHeader(header(signing.kid)).sign(signing.key);
  const [, payload, signature] = jws.split('.') as [string, string, string];
  const kid = new TextEncoder().encode(signing.kid);
  return bytesToDigits(Uint8Array.from([FORMAT, kid.length, ...kid, ...base64url.decode(payload), ...base64url.decode(signature)]));
}

/**
 * Reads a summary without checking its signature, for the learner's own certificate page (which
 * shows the edition and the test marking from it); the verify page uses verifySummary.
 */
export function readSummary(digits: string): CertificateSummary | undefined {
  const bytes = digits.length <= MAX_QR_DIGITS ? digitsToBytes(digits) : undefined;
  if (!bytes || bytes[0] !== FORMAT || bytes.length < 2 + bytes[1]! + SIGNATURE_BYTES) return undefined;
  return decodeSummary(bytes.subarray(2 + bytes[1]!, bytes.length - SIGNATURE_BYTES));
}

export type SummaryCheck =
  | { status: 'valid' | 'expired' | 'not-yet-valid'; summary: CertificateSummary; issuer: TrustedIssuer }
  | { status: 'signature-invalid' | 'unknown-issuer' | 'not-a-certificate'; reason: string };

/** Verifies a `#q=` summary offline against the built-in issuers' ES256 keys. Never throws. */
export async function verifySummary(digits: string, issuers: readonly TrustedIssuer[], now = new Date()): Promise<SummaryCheck> {
  const bytes = digits.length <= MAX_QR_DIGITS ? digitsToBytes(digits) : undefined;
  if (!bytes || bytes[0] !== FORMAT || bytes.length < 2 + bytes[1]! + SIGNATURE_BYTES) return { status: 'not-a-certificate', reason: 'not a certificate QR code' };
  const kid = new TextDecoder().decode(bytes.subarray(2, 2 + bytes[1]!));
  const payload = bytes.subarray(2 + bytes[1]!, bytes.length - SIGNATURE_BYTES);
  const signature = bytes.subarray(bytes.length - SIGNATURE_BYTES);
  const found = issuers.flatMap((issuer) => issuer.keys.filter((k) => k.kid === kid && k.kty === 'EC' && k.crv === 'P-256').map((jwk) => ({ issuer, jwk })))[0];
  if (!found) return { status: 'unknown-issuer', reason: `signed with key "${kid}", which belongs to no trusted issuer` };
  const jws = [base64url.encode(JSON.stringify(header(kid))), base64url.encode(payload), base64url.encode(signature)].join('.');
  try {
    await compactVerify(jws, await importVerifyKey(found.jwk, 'ES256'), { algorithms: ['ES256'] });
  } catch {
    return { status: 'signature-invalid', reason: 'the signature does not match: the QR code was changed after signing' };
  }
  const summary = decodeSummary(payload);
  if (!summary) return { status: 'not-a-certificate', reason: 'the QR code is signed but not a certificate summary' };
  const status = now < new Date(summary.issued) ? 'not-yet-valid' : now > new Date(summary.validUntil) ? 'expired' : 'valid';
  return { status, summary, issuer: found.issuer };
}
