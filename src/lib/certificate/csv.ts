import { stringify } from 'csv-stringify/browser/esm/sync';
import { UNSEEN_CHARACTERS, type VerificationText } from './verification-text';
import type { VerificationRow } from './verification-row';

export const CSV_COLUMNS = ['status', 'name', 'institution', 'course', 'assessment', 'courseVersion', 'issued', 'validUntil', 'issuer', 'issuerId', 'kid', 'trust', 'duplicate', 'id', 'source', 'reason'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Two conventions: `lv` is what a spreadsheet with Latvian settings opens directly (";" between
 * cells, dates as 01.12.2026 14:05 in Riga time); `plain` is comma-separated with the
 * certificate's own ISO 8601 (UTC) timestamps, for other programs.
 */
export type CsvStyle = 'lv' | 'plain';
export const CSV_STYLES: readonly CsvStyle[] = ['lv', 'plain'];

const rigaTime = new Intl.DateTimeFormat('lv-LV', { timeZone: 'Europe/Riga', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2026-12-01T07:43:58Z → "01.12.2026 09:43" (Riga time). */
export function latvianDateTime(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return iso ?? '';
  const parts = Object.fromEntries(rigaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/**
 * Spreadsheets run cells starting with these as formulas (CSV injection), fullwidth forms and a
 * leading pipe (DDE) included; a leading ' disarms them.
 */
const disarm = (value: string) => (/^[=+\-@\t\r|＝＋－＠]/.test(value) ? `'${value}` : value);

/**
 * A cell as one line of visible text: control, format and separator characters become a space
 * (a bare line feed would otherwise start a new record in a spreadsheet, where a forged "valid"
 * row or a formula could begin), then the formula prefix is disarmed.
 */
export const safeCell = (value: string) => disarm(value.replace(UNSEEN_CHARACTERS, ' '));

export interface CsvOptions {
  style: CsvStyle;
  headers: Record<CsvColumn, string>;
  /** Status and reason in the reader's words, as on the page (see verification-text). */
  text: VerificationText;
  yes: string;
}

function cell(row: VerificationRow, column: CsvColumn, { style, text, yes }: CsvOptions): string {
  switch (column) {
    case 'status':
      return text.status(row);
    case 'reason':
      return text.explanation(row);
    case 'trust':
      return text.trust(row);
    case 'duplicate':
      return row.duplicate ? yes : '';
    case 'assessment':
      return text.finalTest(row);
    case 'issued':
    case 'validUntil':
      return style === 'lv' ? latvianDateTime(row[column]) : (row[column] ?? '');
    default:
      return row[column] ?? '';
  }
}

/** The verify table as CSV (RFC 4180 quoting by csv-stringify; a BOM so spreadsheets read UTF-8). */
export function rowsToCsv(rows: readonly VerificationRow[], options: CsvOptions): string {
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => safeCell(cell(r, c, options)))),
    // Every field quoted: no cell content can end a record or a field, whatever a reader's parser does.
    { header: true, columns: CSV_COLUMNS.map((c) => options.headers[c]), bom: true, record_delimiter: 'windows', quoted: true, delimiter: options.style === 'lv' ? ';' : ',' },
  );
}
