import type { AttemptRecord, ClientAttempt } from './register.ts';
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

/** A final_test_attempts row, as either database returns it. */
export interface AttemptRow {
  id: string;
  started_at: string;
  submitted_at: string;
  bank: string;
  percent: number | string;
  passed: number | boolean;
  too_fast: number | boolean;
  items: string;
  certificate_id: string | null;
}

export const ATTEMPT_COLUMNS = ['id', 'started_at', 'submitted_at', 'bank', 'percent', 'passed', 'too_fast', 'items'] as const;

export const attemptValues = (a: AttemptRecord) => [a.id, a.startedAt, a.submittedAt, a.bank, a.percent, a.passed ? 1 : 0, a.tooFast ? 1 : 0, JSON.stringify(a.items)];

export function attemptFromRow(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    bank: row.bank,
    percent: Number(row.percent),
    passed: Boolean(Number(row.passed)),
    tooFast: Boolean(Number(row.too_fast)),
    items: JSON.parse(row.items) as AttemptRecord['items'],
    ...(row.certificate_id && { certificateId: row.certificate_id }),
  };
}

export const INSERT_ATTEMPT = (p: (n: number) => string) =>
  `INSERT INTO final_test_attempts (${ATTEMPT_COLUMNS.join(', ')}) VALUES (${ATTEMPT_COLUMNS.map((_, i) => p(i + 1)).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING id`;
/** Fixes a step's choice unless one is fixed already; then reads what is fixed (parameters: attempt, item, step, choice, at). */
/** A row of `final_test_client_attempts`. */
export interface ClientAttemptRow {
  attempt: string;
  started_at: number | string | bigint;
  items: string;
  passed: number | null;
  ended_at: number | string | bigint | null;
}

export function clientAttemptFromRow(r: ClientAttemptRow): ClientAttempt {
  return {
    attempt: r.attempt,
    startedAt: Number(r.started_at),
    items: JSON.parse(r.items) as string[],
    ...(r.passed !== null && r.passed !== undefined && { passed: Number(r.passed) === 1 }),
    ...(r.ended_at !== null && r.ended_at !== undefined && { endedAt: Number(r.ended_at) }),
  };
}

/** Client-attempt rows are kept this long (the limits' longest window is 30 days). */
export const CLIENT_ROWS_KEPT_MS = 31 * 24 * 3600 * 1000;
export const NOTE_CLIENT_ATTEMPT = (p: (n: number) => string) => `INSERT INTO final_test_client_attempts (attempt, client, started_at, items) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}) ON CONFLICT (attempt) DO NOTHING`;
export const NOTE_ATTEMPT_OUTCOME = (p: (n: number) => string) => `UPDATE final_test_client_attempts SET passed = ${p(2)}, ended_at = ${p(3)} WHERE attempt = ${p(1)} AND passed IS NULL`;
export const CLIENT_ATTEMPTS = (p: (n: number) => string) =>
  `SELECT attempt, started_at, items, passed, ended_at FROM final_test_client_attempts WHERE client = ${p(1)} AND started_at >= ${p(2)} ORDER BY started_at DESC, attempt DESC LIMIT ${p(3)}`;
export const DROP_OLD_CLIENT_ATTEMPTS = (p: (n: number) => string) => `DELETE FROM final_test_client_attempts WHERE started_at < ${p(1)}`;
export const NOTE_WIDE_ATTEMPT = (p: (n: number) => string) => `INSERT INTO final_test_wide_attempts (attempt, client, started_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}) ON CONFLICT (attempt, client) DO NOTHING`;
export const NOTE_WIDE_OUTCOME = (p: (n: number) => string) => `UPDATE final_test_wide_attempts SET passed = ${p(2)}, ended_at = ${p(3)} WHERE attempt = ${p(1)} AND passed IS NULL`;
/** A wider prefix's attempts as client-attempt rows (without items: the draw reads the /64's own). */
export const WIDE_ATTEMPTS = (p: (n: number) => string) =>
  `SELECT attempt, started_at, '[]' AS items, passed, ended_at FROM final_test_wide_attempts WHERE client = ${p(1)} AND started_at >= ${p(2)} ORDER BY started_at DESC, attempt DESC LIMIT ${p(3)}`;
export const DROP_OLD_WIDE_ATTEMPTS = (p: (n: number) => string) => `DELETE FROM final_test_wide_attempts WHERE started_at < ${p(1)}`;

export const FIX_STEP = (p: (n: number) => string) =>
  `INSERT INTO final_test_steps (attempt, item, step, choice, fixed_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}) ON CONFLICT (attempt, item, step) DO NOTHING`;
export const FIXED_STEP = (p: (n: number) => string) => `SELECT choice FROM final_test_steps WHERE attempt = ${p(1)} AND item = ${p(2)} AND step = ${p(3)}`;
export const FIXED_STEPS = (p: (n: number) => string) => `SELECT item, step, choice FROM final_test_steps WHERE attempt = ${p(1)} ORDER BY item, step`;
/** A fixed choice as stored: the public option ids, sorted, comma-separated. */
export const choiceText = (choice: readonly string[]) => [...choice].sort().join(',');
export const choiceOf = (text: string) => text.split(',');
/** Undoes a claim when the certificate it was for was never recorded (only that certificate's claim). */
export const RELEASE_ATTEMPT = (p: (n: number) => string) => `UPDATE final_test_attempts SET certificate_id = NULL WHERE id = ${p(1)} AND certificate_id = ${p(2)}`;
export const USE_ATTEMPT = (p: (n: number) => string) =>
  `UPDATE final_test_attempts SET certificate_id = ${p(2)} WHERE id = ${p(1)} AND passed = 1 AND certificate_id IS NULL RETURNING id`;
