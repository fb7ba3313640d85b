import { decodeCredential } from './decode-credential';
import { readSummary, type SummaryCheck } from './qr-summary';
import type { VerificationRow } from './verify-certificate';

/** A verify-table row, with the test marking of a certificate signed by a development key. */
export type MarkedRow = VerificationRow & { development?: boolean };

/** The verify table's row for a checked `#q=` summary. */
export function summaryRow(check: SummaryCheck, source: string, edition: (e: { date: string; version: string }) => string): MarkedRow {
  if (!('summary' in check)) return { source, status: check.status, reason: check.reason };
  const { summary, issuer } = check;
  const reason = check.status === 'valid' ? `signed by ${issuer.name} (the QR code's summary; the full certificate is the .jwt file)` : check.status === 'expired' ? `expired on ${summary.validUntil}` : `valid only from ${summary.issued}`;
  return {
    source,
    status: check.status,
    reason,
    name: summary.name,
    institution: summary.institution,
    courseVersion: edition(summary.edition),
    issuer: issuer.name,
    issued: summary.issued,
    validUntil: summary.validUntil,
    id: summary.id,
    development: summary.development,
  };
}

/**
 * Whether a full certificate (VC-JWT) says, in the QR summary signed inside it, that the
 * development key signed it. Only meaningful once the token itself verified.
 */
export function signedWithDevelopmentKey(token: string): boolean {
  const qr = (decodeCredential(token.trim()) as { qr?: unknown } | undefined)?.qr;
  return typeof qr === 'string' && readSummary(qr)?.development === true;
}
