import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, rowsToCsv } from '../../../src/lib/certificate/csv';

const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<(typeof CSV_COLUMNS)[number], string>;

describe('CSV export', () => {
  it('quotes names with commas, quotes and newlines so they survive a round trip', () => {
    const rows = [
      { source: 'a.jwt', status: 'valid' as const, reason: 'ok', name: 'Bērziņa, Anna "Ance"', institution: 'VK\nRīga' },
      { source: 'b.jwt', status: 'expired' as const, reason: 'expired on 2025-01-01', name: '=HYPERLINK("x")' },
    ];
    const csv = rowsToCsv(rows, headers, (s) => `status:${s}`);
    const parsed = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(parsed[0]).toMatchObject({ STATUS: 'status:valid', NAME: 'Bērziņa, Anna "Ance"', INSTITUTION: 'VK\nRīga', SOURCE: 'a.jwt' });
    // A name that a spreadsheet would run as a formula is disarmed.
    expect(parsed[1]).toMatchObject({ STATUS: 'status:expired', NAME: `'=HYPERLINK("x")` });
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });
});
