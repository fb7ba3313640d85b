import { decodeCredential } from './decode-credential';
import type { SummaryCheck } from './qr-summary-check';
import { readSummary } from './qr-summary';
import type { VerificationReason } from './verification-reason';
import type { VerificationRow } from './verification-row';

/** A verify-table row, with the test marking of a certificate signed by a development key. */
export type MarkedRow = VerificationRow & { development?: boolean };

/** The verify table's row for a checked `#q=` summary. */
export function summaryRow(check: SummaryCheck, source: string, edition: (e: { date: string; version: string }) => string): MarkedRow {
  if (!('summary' in check)) {
    const reason: VerificationReason = check.status === 'signature-invalid' ? { code: 'signature-mismatch' } : check.status === 'unknown-issuer' ? { code: 'unknown-key' } : { code: 'not-a-token' };
    return { source, status: check.status, reason };
  }
  const { summary, issuer } = check;
  const reason: VerificationReason =
    check.status === 'valid' ? { code: 'signed-by', issuer: issuer.name } : check.status === 'expired' ? { code: 'expired', until: summary.validUntil } : { code: 'not-yet-valid', from: summary.issued };
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
    // A signed summary without a final test attests the module quizzes only, and the row says so.
    ...(summary.finalTest ? { assessment: 'final-test' as const, finalTest: summary.finalTest } : { assessment: 'modules' as const }),
    // The summary has no status-list entry: the row says revocation was not checked, and how to check it.
    revocation: { state: 'not-checked', why: 'qr-summary' },
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
