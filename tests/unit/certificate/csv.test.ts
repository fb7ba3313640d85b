import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, latvianDateTime, rowsToCsv, type CsvStyle } from '../../../src/lib/certificate/csv';
import { verificationText } from '../../../src/lib/certificate/verification-text';
import type { VerificationRow } from '../../../src/lib/certificate/verify-certificate';
import type { Locale } from '../../../src/lib/i18n/locales';
import { LANG_TAG } from '../../../src/lib/i18n/locales';
import { t } from '../../../src/lib/i18n/translate';

const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<(typeof CSV_COLUMNS)[number], string>;
const csv = (rows: VerificationRow[], style: CsvStyle, locale: Locale = 'lv') =>
  rowsToCsv(rows, { style, headers, text: verificationText((k, v) => t(locale, k, v), LANG_TAG[locale]), yes: t(locale, 'verify.yes') });
const read = (text: string, delimiter: string) => parse(text.replace(/^\uFEFF/, ''), { columns: true, delimiter }) as Record<string, string>[];

const rows: VerificationRow[] = [
  { source: 'a.jwt', status: 'valid', reason: { code: 'signed-by', issuer: 'VK kurss' }, name: 'Bērziņa, Anna "Ance"', institution: 'VK\nRīga', issued: '2026-11-30T22:30:00.000Z', validUntil: '2028-11-30T22:30:00.000Z', id: 'urn:1', issuerId: 'https://kurss/issuer', kid: 'k1', trust: 'built-in' },
  { source: 'b.jwt', status: 'expired', reason: { code: 'expired', until: '2025-01-01T00:00:00Z' }, name: '=HYPERLINK("x")' },
  { source: '|calc.jwt', status: 'valid', reason: { code: 'signed-by', issuer: 'Forger' }, name: '＝HYPERLINK("y")', institution: '@SUM(1)', trust: 'added', issuerId: 'https://forger/issuer', kid: 'f1', duplicate: true },
];

describe('CSV export', () => {
  it('quotes names with commas, quotes and newlines so they survive a round trip, and disarms formulas', () => {
    const parsed = read(csv(rows, 'plain'), ',');
    // A line break inside a cell becomes a space: a bare line feed would start a record in a spreadsheet.
    expect(parsed[0]).toMatchObject({ STATUS: 'Derīgs — atsaukums nav pārbaudīts (bezsaistē)', NAME: 'Bērziņa, Anna "Ance"', INSTITUTION: 'VK Rīga', SOURCE: 'a.jwt', ISSUERID: 'https://kurss/issuer', KID: 'k1' });
    expect(parsed[1]).toMatchObject({ NAME: `'=HYPERLINK("x")` });
    expect(parsed[2]).toMatchObject({ NAME: `'＝HYPERLINK("y")`, INSTITUTION: `'@SUM(1)`, SOURCE: `'|calc.jwt` });
    expect(csv(rows, 'plain').startsWith('\uFEFF')).toBe(true);
  });

  it('plain style: commas and the certificate’s own ISO timestamps', () => {
    const text = csv(rows, 'plain');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.map((c) => `"${c.toUpperCase()}"`).join(',')}`);
    expect(read(text, ',')[0]).toMatchObject({ ISSUED: '2026-11-30T22:30:00.000Z' });
  });

  it('Latvian spreadsheet style: semicolons and dates as 01.12.2026 in Riga time', () => {
    const text = csv(rows, 'lv');
    expect(text.split('\r\n')[0]).toContain('"STATUS";"NAME";"INSTITUTION"');
    // 22:30 UTC on 30 November is 00:30 on 1 December in Riga (UTC+2 in winter).
    expect(read(text, ';')[0]).toMatchObject({ ISSUED: '01.12.2026 00:30', VALIDUNTIL: '01.12.2028 00:30' });
    expect(latvianDateTime('2026-07-01T12:00:00Z')).toBe('01.07.2026 15:00');
  });

  it('gives reasons in plain words of the reader’s language, and marks added issuers and duplicates', () => {
    const lv = read(csv(rows, 'lv'), ';');
    expect(lv[0]!.REASON).toBe('Parakstījis izdevējs „VK kurss”.');
    expect(lv[1]!.REASON).toBe('Sertifikāta derīguma termiņš beidzās 01.01.2025.');
    expect(lv[2]).toMatchObject({ STATUS: 'Derīgs — atsaukums nav pārbaudīts (bezsaistē) (pievienots izdevējs)', TRUST: 'pievienots izdevējs', DUPLICATE: 'jā' });
    expect(lv[2]!.REASON).toContain('https://forger/issuer');
    expect(lv[2]!.REASON).toContain('vairākas reizes');
    const en = read(csv(rows, 'plain', 'en'), ',');
    expect(en[2]).toMatchObject({ STATUS: 'Valid — revocation not checked (offline) (added issuer)', TRUST: 'added issuer', DUPLICATE: 'yes' });
    for (const row of [...lv, ...en]) expect(row.REASON).not.toMatch(/JWT|base64|kid|JSON/);
  });

  it('cannot be split by a name with a bare line feed or a carriage return: no forged row, no formula at a line start', () => {
    const forged: VerificationRow[] = [
      { source: 'x.jwt', status: 'signature-invalid', reason: { code: 'signature-mismatch' }, name: '-\nDerīgs;Viltots Vārds', institution: 'VK\r\n=cmd|calc' },
      { source: 'y\n=1+1.jwt', status: 'not-a-certificate', reason: { code: 'not-a-token' } },
    ];
    for (const style of ['lv', 'plain'] as const) {
      const text = csv(forged, style);
      // A reader that splits records on any line break still sees one line per row.
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).filter(Boolean);
      expect(lines).toHaveLength(3);
      for (const line of lines) expect(line).toMatch(/^"/);
      const parsed = read(text, style === 'lv' ? ';' : ',');
      expect(parsed.map((r) => r.STATUS)).toEqual(['Paraksts nav derīgs', 'Nav sertifikāts']);
      expect(parsed[0]).toMatchObject({ NAME: "'- Derīgs;Viltots Vārds", INSTITUTION: 'VK  =cmd|calc' });
    }
  });
});
