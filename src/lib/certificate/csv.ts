import { stringify } from 'csv-stringify/browser/esm/sync';
import type { VerificationRow } from './verify-certificate';

export const CSV_COLUMNS = ['status', 'name', 'institution', 'course', 'courseVersion', 'issued', 'validUntil', 'issuer', 'id', 'source', 'reason'] as const;

/** Spreadsheets run cells starting with these as formulas (CSV injection); a leading ' disarms them. */
const disarm = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The verify table as CSV (RFC 4180 quoting by csv-stringify; headers in the page's language). */
export function rowsToCsv(rows: readonly VerificationRow[], headers: Record<(typeof CSV_COLUMNS)[number], string>, statusLabel: (s: VerificationRow['status']) => string): string {
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => disarm(c === 'status' ? statusLabel(r.status) : (r[c] ?? '')))),
    { header: true, columns: CSV_COLUMNS.map((c) => headers[c]), bom: true, record_delimiter: 'windows' },
  );
}
