import type { JWK } from 'jose';
import { base64url, compactVerify, importVerifyKey } from './jws';
import { algorithmFor, keyTypeOf } from './public-jwk';
import { personTextProblem } from './person-text';
import { readSummary } from './qr-summary';
import { readUnsignedRecord } from './unsigned-record';
import { StatusListChecker, type StatusListSource } from './revocation-check';
import type { VerificationReason } from './verification-reason';
import { MAX_CERTIFICATE_BYTES, trustedIssuers, oversizedRow, type IssuerTrust, type TrustedIssuer, type VerificationRow } from './verification-row';

export * from './verification-row';

const ACCEPTED_ALGS = ['RS256', 'EdDSA'];
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Signing tools round JWT times differently; a second either way is the same instant. */
const CLOCK_ROUNDING_S = 1;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function decodeJson(part: string): Record<string, unknown> | undefined {
  return obj(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part))));
}

function isCredential(c: Record<string, unknown>): boolean {
  return Array.isArray(c.type) && c.type.includes('OpenBadgeCredential') && !!obj(c.credentialSubject);
}

/** The fields a person checking a certificate wants to see, read without trusting them yet; only text is taken. */
function describe(c: Record<string, unknown>): Pick<VerificationRow, 'name' | 'institution' | 'course' | 'courseVersion' | 'issuer' | 'issued' | 'validUntil' | 'id'> {
  const subject = obj(c.credentialSubject);
  return {
    name: str(subject?.name),
    institution: str(subject?.institution),
    course: str(c.name),
    courseVersion: str(obj(subject?.achievement)?.version),
    issuer: str(obj(c.issuer)?.name),
    issued: str(c.validFrom),
    validUntil: str(c.validUntil),
    id: str(c.id),
  };
}

/**
 * Which assessment a credential attests: the final test when one of its results is the final
 * test's (`…#final-test`, with its score; the day passed from the QR summary signed inside it when
 * that agrees), else the module quizzes only. Read only once the signature has checked.
 */
function assessmentOf(c: Record<string, unknown>): Pick<VerificationRow, 'assessment' | 'finalTest'> {
  const results = obj(c.credentialSubject)?.result;
  const final = Array.isArray(results) ? results.map(obj).find((r) => str(r?.resultDescription)?.endsWith('#final-test')) : undefined;
  if (!final) return { assessment: 'modules' };
  const percent = Number(str(final.value));
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { assessment: 'final-test' };
  const inSummary = typeof c.qr === 'string' ? readSummary(c.qr)?.finalTest : undefined;
  return { assessment: 'final-test', finalTest: inSummary && inSummary.percent === percent ? inSummary : { percent } };
}

const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : undefined);
const agrees = (claim: unknown, ms: number) => typeof claim === 'number' && Math.abs(claim - Math.floor(ms / 1000)) <= CLOCK_ROUNDING_S;

interface KeyEntry {
  issuer: TrustedIssuer;
  trust: IssuerTrust;
  jwk: JWK;
  key?: Promise<CryptoKey>;
}

const slot = (issuerId: string, kid: string) => `${issuerId}\n${kid}`;

/**
 * Checks certificates against trusted issuers, offline: the signature with the key of the issuer
 * the certificate names (looked up by issuer id and kid together), then its dates. Each
 * certificate is checked on its own: whatever a file holds, `verify` returns a row and never throws.
 * Keys are imported once, so a folder of a thousand certificates checks in about a second.
 */
export class CertificateVerifier {
  private readonly keys = new Map<string, KeyEntry>();
  private readonly kids = new Set<string>();
  private readonly list: { issuer: TrustedIssuer; trust: IssuerTrust }[] = [];
  private readonly status: StatusListChecker;

  /**
   * Added issuers that reuse a built-in issuer id or kid are left out (the page refuses them earlier, with a reason).
   * `statusLists` is where revocation is asked (the issuer's own origin); without it every valid
   * certificate says its revocation was not checked.
   */
  constructor(builtIn: readonly TrustedIssuer[], added: readonly TrustedIssuer[] = [], options: { statusLists?: StatusListSource } = {}) {
    this.status = new StatusListChecker(options.statusLists);
    for (const { issuer, trust } of trustedIssuers(builtIn, added)) this.trust(issuer, trust);
  }

  private trust(issuer: TrustedIssuer, trust: IssuerTrust) {
    this.list.push({ issuer, trust });
    for (const jwk of issuer.keys) {
      if (!jwk.kid || this.keys.has(slot(issuer.id, jwk.kid))) continue;
      this.keys.set(slot(issuer.id, jwk.kid), { issuer, trust, jwk });
      this.kids.add(jwk.kid);
    }
  }

  get issuers(): { issuer: TrustedIssuer; trust: IssuerTrust }[] {
    return [...this.list];
  }

  private keyFor(issuerId: string, kid: string): KeyEntry | undefined {
    const entry = this.keys.get(slot(issuerId, kid));
    if (!entry) return undefined;
    const kty = keyTypeOf(entry.jwk);
    entry.key ??= importVerifyKey(entry.jwk, kty ? algorithmFor(kty) : 'RS256');
    return entry;
  }

  async verify(text: string, source: string, now: Date = new Date()): Promise<VerificationRow> {
    try {
      return await this.check(String(text), source, now);
    } catch {
      return { source, status: 'not-a-certificate', reason: { code: 'check-failed' } };
    }
  }

  private async check(text: string, source: string, now: Date): Promise<VerificationRow> {
    const row = (status: VerificationRow['status'], reason: VerificationReason, fields: Partial<VerificationRow> = {}): VerificationRow => ({ source, status, reason, ...fields });
    if (text.length > MAX_CERTIFICATE_BYTES) return oversizedRow(source);
    const token = text.trim();
    if (!token) return row('not-a-certificate', { code: 'file-empty' });
    const record = readUnsignedRecord(token);
    if (record) {
      const r = record as unknown as Record<string, unknown>;
      return row('not-a-certificate', { code: 'unsigned-record' }, {
        kind: 'unsigned-record', name: str(r.name), institution: str(r.institution), course: str(r.course), courseVersion: str(r.courseVersion), issued: str(r.completedAt),
      });
    }
    if (!JWS.test(token)) return row('not-a-certificate', { code: 'not-a-token' });
    const [headerPart, payloadPart] = token.split('.') as [string, string, string];
    let header: Record<string, unknown> | undefined;
    let payload: Record<string, unknown> | undefined;
    try {
      header = decodeJson(headerPart);
      payload = decodeJson(payloadPart);
    } catch {
      return row('not-a-certificate', { code: 'unreadable' });
    }
    if (!header || !payload) return row('not-a-certificate', { code: 'unreadable' });
    if (!isCredential(payload)) return row('not-a-certificate', { code: 'not-a-credential' });
    const fields = describe(payload);
    const alg = str(header.alg);
    if (!alg || !ACCEPTED_ALGS.includes(alg)) return row('signature-invalid', { code: 'algorithm-refused' }, fields);
    const kid = str(header.kid);
    const iss = str(payload.iss);
    const issuerId = str(obj(payload.issuer)?.id);
    const entry = kid && iss && iss === issuerId ? this.keyFor(iss, kid) : undefined;
    if (!entry) {
      if (kid && this.kids.has(kid)) return row('unknown-issuer', { code: 'issuer-mismatch', claimed: issuerId ?? iss ?? '' }, fields);
      return row('unknown-issuer', { code: 'unknown-key' }, fields);
    }
    try {
      await compactVerify(token, await entry.key!, { algorithms: [alg] });
    } catch {
      // Not signed by that issuer: nothing of its trust is claimed for this row.
      return row('signature-invalid', { code: 'signature-mismatch' }, fields);
    }
    // Signed: the issuer column names the issuer whose key checked it, not the name the certificate claims.
    const checked = { ...fields, issuer: entry.issuer.name, issuerId: entry.issuer.id, kid, trust: entry.trust, ...assessmentOf(payload) };
    // From here the issuer signed it; what it shows must still be a certificate a person can read.
    const from = date(payload.validFrom);
    const until = date(payload.validUntil);
    if (from === undefined || until === undefined || !fields.name || personTextProblem(fields.name, 'name') || !fields.course)
      return row('not-a-certificate', { code: 'missing-fields' }, checked);
    if (!agrees(payload.nbf, from) || !agrees(payload.exp, until)) return row('not-a-certificate', { code: 'dates-disagree' }, checked);
    if (now.getTime() < from) return row('not-yet-valid', { code: 'not-yet-valid', from: fields.issued! }, checked);
    if (now.getTime() > until) return row('expired', { code: 'expired', until: fields.validUntil! }, checked);
    const revocation = await this.status.check(payload.credentialStatus, entry.issuer.id, async (listKid) => {
      // The list's own key among this issuer's trusted ones (after a rotation, not the certificate's).
      const listKey = this.keyFor(entry.issuer.id, listKid);
      const kty = listKey && keyTypeOf(listKey.jwk);
      return listKey && kty ? { key: await listKey.key!, alg: algorithmFor(kty) } : undefined;
    });
    if (revocation.state === 'revoked') return row('revoked', { code: 'revoked', date: revocation.date, reason: revocation.reason }, { ...checked, revocation });
    return row('valid', { code: 'signed-by', issuer: entry.issuer.name }, { ...checked, revocation });
  }
}
