import { base64url, compactVerify, decodeProtectedHeader, importJWK, type CryptoKey, type JWK } from 'jose';
import type { OpenBadgeCredential } from './credential';
import { readUnsignedRecord } from './unsigned-record';

export type CertificateStatus = 'valid' | 'expired' | 'not-yet-valid' | 'signature-invalid' | 'unknown-issuer' | 'not-a-certificate';

/** An issuer whose certificates are trusted, with its public keys (several during key rotation). */
export interface TrustedIssuer {
  id: string;
  name: string;
  keys: JWK[];
}

/** One checked certificate: a row of the verify table and of the CSV export. */
export interface VerificationRow {
  source: string;
  status: CertificateStatus;
  /** Why, in English for logs and CSV; the page shows a localised status beside it. */
  reason: string;
  name?: string;
  institution?: string;
  course?: string;
  courseVersion?: string;
  issuer?: string;
  issued?: string;
  validUntil?: string;
  id?: string;
  /** Set for a browser-made completion record, which is not a certificate but is worth naming. */
  kind?: 'unsigned-record';
}

const ACCEPTED_ALGS = ['RS256', 'EdDSA'];
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function decodePayload(token: string): unknown {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)));
}

function isCredential(value: unknown): value is OpenBadgeCredential {
  const c = value as Partial<OpenBadgeCredential> | null;
  return !!c && typeof c === 'object' && Array.isArray(c.type) && c.type.includes('OpenBadgeCredential') && !!c.credentialSubject && typeof c.validFrom === 'string';
}

/** The fields a person checking a certificate wants to see, read without trusting them yet. */
function describe(credential: OpenBadgeCredential): Omit<VerificationRow, 'source' | 'status' | 'reason'> {
  const subject = credential.credentialSubject;
  return {
    name: typeof subject.name === 'string' ? subject.name : undefined,
    institution: typeof subject.institution === 'string' ? subject.institution : undefined,
    course: typeof credential.name === 'string' ? credential.name : undefined,
    courseVersion: subject.achievement?.version,
    issuer: credential.issuer?.name,
    issued: credential.validFrom,
    validUntil: credential.validUntil,
    id: credential.id,
  };
}

/**
 * Checks certificates against a list of trusted issuers, offline: the signature with the issuer's
 * public key, then the validity dates. Keys are imported once per `kid`, so a folder of a thousand
 * certificates checks in about a second.
 */
export class CertificateVerifier {
  private readonly keys = new Map<string, { issuer: TrustedIssuer; jwk: JWK; key?: Promise<CryptoKey | Uint8Array> }>();

  constructor(issuers: readonly TrustedIssuer[]) {
    for (const issuer of issuers) for (const jwk of issuer.keys) if (jwk.kid) this.keys.set(jwk.kid, { issuer, jwk });
  }

  get issuers(): TrustedIssuer[] {
    return [...new Set([...this.keys.values()].map((k) => k.issuer))];
  }

  private keyFor(kid: string) {
    const entry = this.keys.get(kid);
    if (!entry) return undefined;
    entry.key ??= importJWK(entry.jwk, entry.jwk.alg ?? (entry.jwk.kty === 'OKP' ? 'EdDSA' : 'RS256'));
    return entry;
  }

  async verify(text: string, source: string, now: Date = new Date()): Promise<VerificationRow> {
    const token = text.trim();
    const row = (status: CertificateStatus, reason: string, fields = {}): VerificationRow => ({ source, status, reason, ...fields });
    if (!token) return row('not-a-certificate', 'the file is empty');
    const record = readUnsignedRecord(token);
    if (record)
      return row('not-a-certificate', 'an unsigned completion record, made without the signing server: it cannot be verified', {
        kind: 'unsigned-record',
        name: String(record.name ?? ''),
        institution: record.institution,
        course: record.course,
        courseVersion: record.courseVersion,
        issued: record.completedAt,
      });
    if (!JWS.test(token)) return row('not-a-certificate', 'not a signed certificate (expected a JWT: three base64url parts separated by dots)');
    let header: ReturnType<typeof decodeProtectedHeader>;
    let payload: unknown;
    try {
      header = decodeProtectedHeader(token);
      payload = decodePayload(token);
    } catch {
      return row('not-a-certificate', 'the JWT header or payload is not valid JSON');
    }
    if (!isCredential(payload)) return row('not-a-certificate', 'a JWT, but not an Open Badges credential');
    const fields = describe(payload);
    if (!ACCEPTED_ALGS.includes(String(header.alg))) return row('signature-invalid', `algorithm "${String(header.alg)}" is not accepted (RS256 or EdDSA only)`, fields);
    const entry = typeof header.kid === 'string' ? this.keyFor(header.kid) : undefined;
    if (!entry) return row('unknown-issuer', `signed with key "${String(header.kid)}", which belongs to no trusted issuer`, fields);
    const claims = payload as OpenBadgeCredential & { iss?: unknown };
    if (claims.iss !== entry.issuer.id || claims.issuer?.id !== entry.issuer.id)
      return row('unknown-issuer', `issued by "${String(claims.iss)}", but key "${header.kid}" belongs to "${entry.issuer.id}"`, fields);
    try {
      await compactVerify(token, await entry.key!, { algorithms: [String(header.alg)] });
    } catch {
      return row('signature-invalid', 'the signature does not match: the certificate was changed after signing, or signed with another key', fields);
    }
    const from = Date.parse(claims.validFrom);
    const until = Date.parse(claims.validUntil);
    if (Number.isNaN(from) || Number.isNaN(until)) return row('not-a-certificate', 'validFrom or validUntil is not a date', fields);
    if (now.getTime() < from) return row('not-yet-valid', `valid only from ${claims.validFrom}`, fields);
    if (now.getTime() > until) return row('expired', `expired on ${claims.validUntil}`, fields);
    return row('valid', `signed by ${entry.issuer.name}`, fields);
  }
}

/** Parses a pasted JWKS (`{"keys": [...]}`) or a single JWK into public keys with a `kid`. */
export function parseJwks(text: string): JWK[] {
  const data = JSON.parse(text) as { keys?: JWK[] } & JWK;
  const keys = Array.isArray(data.keys) ? data.keys : [data];
  const usable = keys.filter((k) => k && typeof k === 'object' && typeof k.kid === 'string' && (k.kty === 'RSA' || k.kty === 'OKP'));
  // Only public parts: a pasted private key must never be kept around.
  return usable.map(({ kty, kid, n, e, crv, x, alg, use }) => Object.fromEntries(Object.entries({ kty, kid, n, e, crv, x, alg, use }).filter(([, v]) => v !== undefined)) as JWK);
}
