import type { RevocationReason } from './revocation-reason';

/**
 * Why a certificate got its status: a closed set of codes with their parameters. The verifier
 * returns one; the verify page, the CSV and the command line render it through the same UI
 * strings (`verify.reason.<code>`, see verification-text), so all three say the same words in
 * the reader's language.
 */
export type VerificationReason =
  /** Valid: the issuer whose key checked it. */
  | { code: 'signed-by'; issuer: string }
  | { code: 'file-empty' }
  /** Not read at all: larger than `limit` bytes (a real certificate is a few kilobytes). */
  | { code: 'file-too-large'; limit: number }
  /** The command line could not read the path (permissions, a broken link). */
  | { code: 'file-unreadable' }
  | { code: 'unsigned-record' }
  /** Not a signed token at all (a photo, a letter, random text). */
  | { code: 'not-a-token' }
  /** Shaped like a token, but its parts do not decode. */
  | { code: 'unreadable' }
  /** A signed document, but not a course certificate. */
  | { code: 'not-a-credential' }
  /** A certificate without a readable name, course or validity dates. */
  | { code: 'missing-fields' }
  | { code: 'algorithm-refused' }
  /** Signed with a key no trusted issuer has. */
  | { code: 'unknown-key' }
  /** Names an issuer that does not own the key it was signed with. */
  | { code: 'issuer-mismatch'; claimed: string }
  /** Changed after signing, or signed with another key. */
  | { code: 'signature-mismatch' }
  /** The signed expiry or start (JWT exp/nbf) contradicts the certificate's own dates. */
  | { code: 'dates-disagree' }
  | { code: 'not-yet-valid'; from: string }
  | { code: 'expired'; until: string }
  /** Withdrawn by the issuer, as its signed status list says (date may be '' when the list gives none). */
  | { code: 'revoked'; date: string; reason: RevocationReason }
  /** Anything the checks did not foresee: one odd file gives one row, never a stuck table. */
  | { code: 'check-failed' };

export type ReasonCode = VerificationReason['code'];
