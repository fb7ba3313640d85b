import type { CertificateRecord, RecordFilter } from '../../lib/certificate/register-record.ts';
import { isRevocationReason } from '../../lib/certificate/revocation-reason.ts';

/** A database row of `certificates`, the same columns in SQLite and PostgreSQL. */
export interface CertificateRow {
  id: string;
  name: string;
  institution: string | null;
  email_hash: string | null;
  issued_at: string;
  valid_until: string;
  edition: string;
  course_version: string;
  kid: string;
  modules: string;
  status_index: number | string | bigint;
  revoked_at: string | null;
  revocation_reason: string | null;
}

export function fromRow(r: CertificateRow): CertificateRecord {
  return {
    id: r.id,
    name: r.name,
    ...(r.institution ? { institution: r.institution } : {}),
    ...(r.email_hash ? { emailHash: r.email_hash } : {}),
    issuedAt: r.issued_at,
    validUntil: r.valid_until,
    edition: r.edition,
    courseVersion: r.course_version,
    kid: r.kid,
    modules: JSON.parse(r.modules) as CertificateRecord['modules'],
    statusIndex: Number(r.status_index),
    ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
    ...(r.revoked_at && isRevocationReason(r.revocation_reason) ? { revocationReason: r.revocation_reason } : {}),
  };
}

export const INSERT_COLUMNS = ['id', 'name', 'institution', 'email_hash', 'issued_at', 'valid_until', 'edition', 'course_version', 'kid', 'modules', 'status_index'] as const;

export const insertValues = (c: CertificateRecord) => [
  c.id, c.name, c.institution ?? null, c.emailHash ?? null, c.issuedAt, c.validUntil, c.edition, c.courseVersion, c.kid, JSON.stringify(c.modules), c.statusIndex,
];

/** The WHERE clause of `list` for the parts the database filters (dates, institution); state is judged after. */
export function whereOf(filter: RecordFilter, p: (n: number) => string): { sql: string; values: string[] } {
  const parts: string[] = [];
  const values: string[] = [];
  if (filter.from) parts.push(`issued_at >= ${p(values.push(filter.from))}`);
  if (filter.to) parts.push(`issued_at < ${p(values.push(filter.to))}`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values };
}
