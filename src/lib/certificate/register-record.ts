import type { RevocationReason } from './revocation-reason';

/**
 * What the issuer's register keeps about one certificate: enough to answer "did we issue this?",
 * to revoke it and to count, and nothing else personal (the e-mail only as the salted hash the
 * certificate carries, never the address).
 */
export interface CertificateRecord {
  /** The credential id, `urn:uuid:…`. */
  id: string;
  name: string;
  institution?: string;
  /** `sha256$<hex>` of the salted e-mail address, as in the certificate. */
  emailHash?: string;
  issuedAt: string;
  validUntil: string;
  /** The course edition (date) and the content hash the learner passed. */
  edition: string;
  courseVersion: string;
  /** The signing key's id. */
  kid: string;
  modules: { id: string; percent: number }[];
  /** Register-wide status-list index; unique, never handed out twice. */
  statusIndex: number;
  revokedAt?: string;
  revocationReason?: RevocationReason;
}

export type RecordState = 'valid' | 'revoked' | 'expired';

export const stateOf = (r: CertificateRecord, now: Date): RecordState =>
  r.revokedAt ? 'revoked' : Date.parse(r.validUntil) < now.getTime() ? 'expired' : 'valid';

/** Which certificates `list` returns: issued in [from, to), of one institution, in one state. */
export interface RecordFilter {
  from?: string;
  to?: string;
  institution?: string;
  state?: RecordState;
}

export function matches(r: CertificateRecord, filter: RecordFilter, now: Date): boolean {
  if (filter.from && r.issuedAt < filter.from) return false;
  if (filter.to && r.issuedAt >= filter.to) return false;
  if (filter.institution && (r.institution ?? '').toLocaleLowerCase('lv') !== filter.institution.toLocaleLowerCase('lv')) return false;
  return !filter.state || stateOf(r, now) === filter.state;
}

export interface RegisterStats {
  total: number;
  revoked: number;
  expired: number;
  /** Valid certificates whose validity ends within the next 90 days. */
  expiringIn90Days: number;
  /** Issued per month, `YYYY-MM` (UTC) → count, oldest first. */
  perMonth: [string, number][];
  /** Issued per institution ('' for none) → count, largest first. */
  perInstitution: [string, number][];
}

const DAY = 24 * 60 * 60 * 1000;

export function registerStats(records: readonly CertificateRecord[], now: Date): RegisterStats {
  const months = new Map<string, number>();
  const institutions = new Map<string, number>();
  let revoked = 0;
  let expired = 0;
  let expiring = 0;
  for (const r of records) {
    months.set(r.issuedAt.slice(0, 7), (months.get(r.issuedAt.slice(0, 7)) ?? 0) + 1);
    institutions.set(r.institution ?? '', (institutions.get(r.institution ?? '') ?? 0) + 1);
    const state = stateOf(r, now);
    if (state === 'revoked') revoked++;
    else if (state === 'expired') expired++;
    else if (Date.parse(r.validUntil) - now.getTime() <= 90 * DAY) expiring++;
  }
  return {
    total: records.length,
    revoked,
    expired,
    expiringIn90Days: expiring,
    perMonth: [...months].sort(([a], [b]) => a.localeCompare(b)),
    perInstitution: [...institutions].sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'lv')),
  };
}
