/**
 * Why the issuer withdrew a certificate: a closed set of codes, recorded in the register and
 * published with the status list; the verify page, the CSV and both command lines say them in the
 * reader's language through `verify.revocationReason.<code>`.
 */
export const REVOCATION_REASONS = [
  /** Issued by mistake (wrong person, a test, a duplicate). */
  'issued-in-error',
  /** Obtained by fraud (someone else's answers, a scripted request). */
  'fraud',
  /** Replaced by another certificate (a corrected name). */
  'superseded',
  /** Withdrawn at the holder's or the institution's request. */
  'withdrawn',
] as const;

export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export const isRevocationReason = (value: unknown): value is RevocationReason => REVOCATION_REASONS.includes(value as RevocationReason);
