import { stringify } from 'csv-stringify/browser/esm/sync';
import { safeCell } from './csv';
import { stateOf, type CertificateRecord } from './register-record';

export const REGISTER_COLUMNS = ['id', 'name', 'institution', 'emailHash', 'issuedAt', 'validUntil', 'edition', 'courseVersion', 'kid', 'statusIndex', 'state', 'revokedAt', 'revocationReason', 'modules'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

/** One record's cell: modules as `id=percent` joined by spaces; every cell one safe line (see csv.ts). */
function cell(r: CertificateRecord, column: RegisterColumn, now: Date): string {
  switch (column) {
    case 'state':
      return stateOf(r, now);
    case 'modules':
      return r.modules.map((m) => `${m.id}=${m.percent}`).join(' ');
    case 'statusIndex':
      return String(r.statusIndex);
    default:
      return r[column] ?? '';
  }
}

/**
 * The register as CSV for a spreadsheet: the same quoting and formula disarming as the verify
 * table's CSV (a name like `=HYPERLINK(…)` stays text), ISO dates, codes rather than words for
 * state and reason so that filters and scripts can rely on them.
 */
export function recordsToCsv(records: readonly CertificateRecord[], now: Date, delimiter: ',' | ';' = ','): string {
  return stringify(
    records.map((r) => REGISTER_COLUMNS.map((c) => safeCell(cell(r, c, now)))),
    { header: true, columns: [...REGISTER_COLUMNS], bom: true, record_delimiter: 'windows', quoted: true, delimiter },
  );
}
