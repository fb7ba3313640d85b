// `npm run verify -- <files or folders> [--lang lv|en] [--csv | --csv-lv] [--offline] [--jwks keys.json --issuer <uri> [--issuer-name <name>]]`
// Checks certificates offline with the same verifier as the verify page, prints a table (or CSV)
// in the reader's language (Latvian by default). Exit codes: 0 every certificate valid and none
// revoked by the issuer's list; 3 every certificate valid, but the revocation of at least one could not
// be checked (a script must not read that as a clean result); 1 any certificate not valid; 2 usage.
// Each path is checked on its own: a file that cannot be read, is too large or is crafted gives
// one row, never a crash. `--jwks` adds another issuer next to this installation's own, marked as
// added in every row it checks; it may not reuse a trusted issuer's id, kid or name.
// Revocation is asked of the configured course's own origin (COURSE_URL) only, one request per
// status list for the whole run; `--offline` (or no answer within 5 s) reports valid certificates
// as "revocation not checked (offline)".
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { addIssuer } from '../lib/certificate/added-issuer';
import { CSV_COLUMNS, latvianDateTime, rowsToCsv, type CsvColumn } from '../lib/certificate/csv';
import { UNSEEN_CHARACTERS, verificationText } from '../lib/certificate/verification-text';
import { CertificateVerifier, markDuplicates, MAX_CERTIFICATE_BYTES, oversizedRow, type TrustedIssuer, type VerificationRow } from '../lib/certificate/verify-certificate';
import { isLocale, LANG_TAG, type Locale } from '../lib/i18n/locales';
import { t } from '../lib/i18n/translate';
import { issuerProfile } from '../server/issuer-config';
import { issuerKeys } from '../server/signing-keys';
import { httpStatusSource } from '../lib/certificate/revocation-check';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    csv: { type: 'boolean' },
    'csv-lv': { type: 'boolean' },
    lang: { type: 'string', default: 'lv' },
    jwks: { type: 'string' },
    issuer: { type: 'string' },
    'issuer-name': { type: 'string' },
    offline: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const usage = 'usage: npm run verify -- <certificate files or folders> [--lang lv|en] [--csv | --csv-lv] [--offline] [--jwks keys.json --issuer <issuer uri> [--issuer-name <name>]]';
if (values.help || positionals.length === 0) {
  console.log(usage);
  process.exit(positionals.length === 0 && !values.help ? 2 : 0);
}
if (!isLocale(values.lang)) {
  console.error(`--lang must be lv or en.\n${usage}`);
  process.exit(2);
}
const locale: Locale = values.lang;
const text = verificationText((key, vars) => t(locale, key, vars), LANG_TAG[locale]);

/** Every file under the paths; a folder reached twice (a symlink loop) is walked once; unreadable paths become rows. */
function collect(paths: string[]): { files: string[]; failed: VerificationRow[] } {
  const files: string[] = [];
  const failed: VerificationRow[] = [];
  const seen = new Set<string>();
  const walk = (path: string) => {
    try {
      if (!statSync(path).isDirectory()) return void files.push(path);
      const real = realpathSync(path);
      if (seen.has(real)) return;
      seen.add(real);
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } catch {
      failed.push({ source: relative(process.cwd(), path), status: 'not-a-certificate', reason: { code: 'file-unreadable' } });
    }
  };
  paths.forEach(walk);
  return { files, failed };
}

// This installation's issuer, from the same configuration the server signs with.
const own = issuerProfile();
let builtIn: TrustedIssuer[];
try {
  builtIn = [{ id: own.id, name: own.name, keys: (await issuerKeys()).publicKeys }];
} catch (error) {
  console.error(`The signing-key configuration cannot be read: ${error instanceof Error && error.name === 'SigningKeyError' ? error.message : 'unknown error'}`);
  process.exit(2);
}
const added: TrustedIssuer[] = [];
if (values.jwks) {
  if (!values.issuer) {
    console.error('--jwks needs --issuer <issuer uri>: the issuer these keys belong to.');
    process.exit(2);
  }
  let jwks: string;
  try {
    jwks = readFileSync(values.jwks, 'utf8');
  } catch {
    console.error(`${values.jwks}: ${t(locale, 'verify.reason.file-unreadable')}`);
    process.exit(2);
  }
  const result = addIssuer(new CertificateVerifier(builtIn).issuers, { id: values.issuer, name: values['issuer-name'] ?? '', jwks });
  if (!result.ok) {
    console.error(`--jwks: ${t(locale, `verify.issuerProblem.${result.problem}`)}`);
    process.exit(2);
  }
  added.push(result.issuer);
}

const verifier = new CertificateVerifier(builtIn, added, { statusLists: values.offline ? undefined : httpStatusSource(new URL(own.url).origin) });
const { files, failed } = collect(positionals);
const checked: VerificationRow[] = [...failed];
const now = new Date();
for (const path of files) {
  const source = relative(process.cwd(), path);
  try {
    const stat = statSync(path);
    // Devices and pipes (/dev/zero) never end; only regular files are read.
    if (!stat.isFile()) checked.push({ source, status: 'not-a-certificate', reason: { code: 'file-unreadable' } });
    else if (stat.size > MAX_CERTIFICATE_BYTES) checked.push(oversizedRow(source));
    else checked.push(await verifier.verify(readFileSync(path, 'utf8'), source, now));
  } catch {
    checked.push({ source, status: 'not-a-certificate', reason: { code: 'file-unreadable' } });
  }
}
const rows = markDuplicates(checked);

if (values.csv || values['csv-lv']) {
  const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(locale, `verify.col.${c}`)])) as Record<CsvColumn, string>;
  process.stdout.write(rowsToCsv(rows, { style: values['csv-lv'] ? 'lv' : 'plain', headers, text, yes: t(locale, 'verify.yes') }));
} else {
  const day = (iso?: string) => (!iso ? '' : locale === 'lv' ? latvianDateTime(iso).slice(0, 10) : iso.slice(0, 10));
  const columns = ['status', 'name', 'institution', 'issued', 'validUntil', 'courseVersion', 'source', 'reason'] as const;
  // Every cell made inert for a terminal: control, format and separator characters (ESC and CSI
  // sequences, carriage returns, bidi marks) are shown as ‹U+XXXX› instead of acting on the screen.
  const inert = (value: string) => value.replace(UNSEEN_CHARACTERS, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}›`);
  const table = rows.map((r) => [text.status(r), r.name ?? '', r.institution ?? '', day(r.issued), day(r.validUntil), r.courseVersion ?? '', r.source, [text.explanation(r), text.finalTest(r)].filter(Boolean).join(' ')].map(inert));
  const head = columns.map((c) => t(locale, `verify.col.${c}`));
  // The reason is last and never cut: it is the sentence the reader needs.
  // The status is never cut either ("valid — revocation not checked (offline)" must be read whole).
  const limit = (i: number) => (columns[i] === 'status' ? 80 : 40);
  const widths = head.map((h, i) => (i === head.length - 1 ? 0 : Math.min(limit(i), Math.max(h.length, ...table.map((row) => row[i]!.length)))));
  // A long path keeps its end, where the file name is.
  const cut = (c: string, i: number) => (c.length <= limit(i) ? c : columns[i] === 'source' ? `…${c.slice(-39)}` : `${c.slice(0, limit(i) - 1)}…`);
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : cut(c.replace(/\s+/g, ' '), i).padEnd(widths[i]!))).join('  ');
  if (table.length) {
    console.log(line(head));
    for (const row of table) console.log(line(row));
  }
  const valid = rows.filter((r) => r.status === 'valid').length;
  console.log(`\n${t(locale, 'verify.summary', { total: rows.length, valid, invalid: rows.length - valid })}`);
}
/** 0 all valid and checked, 3 all valid but a revocation not checked, 1 any not valid (or nothing to check). */
const allValid = rows.length > 0 && rows.every((r) => r.status === 'valid');
process.exit(!allValid ? 1 : rows.some((r) => r.revocation?.state !== 'not-revoked') ? 3 : 0);
