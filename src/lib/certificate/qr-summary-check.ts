import { CompactSign } from 'jose';
import { base64url, compactVerify, importVerifyKey } from './jws';
import { bytesToDigits } from './qr-digits';
import { FORMAT, summaryParts, type QrSigningKey } from './qr-summary';
import { decodeSummary, encodeSummary, type CertificateSummary } from './qr-summary-codec';
import type { TrustedIssuer } from './verification-row';

// Signing (the certificate API) and verifying (the verify page) the QR code's summary; the format
// is in qr-summary.ts. Apart from it because both need jose, which the certificate page does not load.

const header = (kid: string) => ({ alg: 'ES256', kid });

export async function signSummary(summary: CertificateSummary, signing: QrSigningKey): Promise<string> {
  const jws = await new CompactSign(encodeSummary(summary)).setProtectedHeader(header(signing.kid)).sign(signing.key);
  const [, payload, signature] = jws.split('.') as [string, string, string];
  const kid = new TextEncoder().encode(signing.kid);
  return bytesToDigits(Uint8Array.from([FORMAT, kid.length, ...kid, ...base64url.decode(payload), ...base64url.decode(signature)]));
}

export type SummaryCheck =
  | { status: 'valid' | 'expired' | 'not-yet-valid'; summary: CertificateSummary; issuer: TrustedIssuer }
  | { status: 'signature-invalid' | 'unknown-issuer' | 'not-a-certificate'; reason: string };

/** Verifies a `#q=` summary offline against the built-in issuers' ES256 keys. Never throws. */
export async function verifySummary(digits: string, issuers: readonly TrustedIssuer[], now = new Date()): Promise<SummaryCheck> {
  const parts = summaryParts(digits);
  if (!parts) return { status: 'not-a-certificate', reason: 'not a certificate QR code' };
  const { kid, payload, signature } = parts;
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
