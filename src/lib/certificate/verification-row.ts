import type { JWK } from 'jose';
import type { RevocationState } from './revocation-check';
import type { VerificationReason } from './verification-reason';

// What a verification row is, and the small checks around it, apart from the verifier itself
// (verify-certificate.ts): the verify page loads the verifier only when there is something to check.

export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid' | 'signature-invalid' | 'unknown-issuer' | 'not-a-certificate';

/** An issuer whose certificates are trusted, with its public keys (several during key rotation). */
export interface TrustedIssuer {
  id: string;
  name: string;
  keys: JWK[];
}

/** Built into this installation, or added by the person checking (a pasted JWKS, `--jwks`). */
export type IssuerTrust = 'built-in' | 'added';

/**
 * A certificate is a few kilobytes; anything larger than this is not read, whether it comes as a
 * file, a paste or a QR link (where it is the limit on the unpacked data).
 */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** One checked certificate: a row of the verify table and of the CSV export. */
export interface VerificationRow {
  source: string;
  status: CertificateStatus;
  reason: VerificationReason;
  name?: string;
  institution?: string;
  course?: string;
  courseVersion?: string;
  /** The issuer's name as the certificate states it. */
  issuer?: string;
  issued?: string;
  validUntil?: string;
  id?: string;
  /** The trusted issuer and key that checked the signature, once one was found. */
  issuerId?: string;
  kid?: string;
  trust?: IssuerTrust;
  /** Set for a browser-made completion record, which is not a certificate but is worth naming. */
  kind?: 'unsigned-record';
  /** For a certificate otherwise valid: what the issuer's status list says, or why it was not asked. */
  revocation?: RevocationState;
  /**
   * Which assessment a signed certificate or QR summary attests, once its signature checked: the
   * module quizzes and the server-graded final test, or the module quizzes only (an installation
   * with `CERT_ASSESSMENT=modules`, or a certificate from before the final test).
   */
  assessment?: 'final-test' | 'modules';
  /** The final test it attests (score in per cent, the day passed when it says): checked with its signature. */
  finalTest?: { percent: number; date?: string };
  /** Another row of the same check has the same certificate id (see markDuplicates). */
  duplicate?: boolean;
}

/** The row for a file, paste or QR link too large to be a certificate; it is not read. */
export function oversizedRow(source: string): VerificationRow {
  return { source, status: 'not-a-certificate', reason: { code: 'file-too-large', limit: MAX_CERTIFICATE_BYTES } };
}

/** Flags rows that share a certificate id with another row of the same check. */
export function markDuplicates<R extends VerificationRow>(rows: readonly R[]): R[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.id) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  return rows.map((r) => ({ ...r, duplicate: !!r.id && (counts.get(r.id) ?? 0) > 1 }));
}

/** Why an added issuer would make certificates look like another trusted issuer's, if it would. */
export type IssuerConflict = 'id-taken' | 'kid-taken' | 'name-taken';

export function findConflict(trusted: readonly { issuer: TrustedIssuer }[], candidate: TrustedIssuer): IssuerConflict | undefined {
  const sameName = (a: string, b: string) => a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();
  const kids = new Set(trusted.flatMap(({ issuer }) => issuer.keys.map((k) => k.kid)));
  if (trusted.some(({ issuer }) => issuer.id === candidate.id)) return 'id-taken';
  if (candidate.keys.some((k) => kids.has(k.kid))) return 'kid-taken';
  if (trusted.some(({ issuer }) => sameName(issuer.name, candidate.name))) return 'name-taken';
  return undefined;
}

/**
 * The issuers a check trusts, in order: the built-in ones, then each added one that conflicts with
 * none before it (the page refuses those earlier, with a reason). CertificateVerifier trusts
 * exactly these; the verify page lists them before it has loaded the verifier.
 */
export function trustedIssuers(builtIn: readonly TrustedIssuer[], added: readonly TrustedIssuer[] = []): { issuer: TrustedIssuer; trust: IssuerTrust }[] {
  const list: { issuer: TrustedIssuer; trust: IssuerTrust }[] = builtIn.map((issuer) => ({ issuer, trust: 'built-in' }));
  for (const issuer of added) if (!findConflict(list, issuer)) list.push({ issuer, trust: 'added' });
  return list;
}
