// `npm run verify -- <files or folders> [--csv] [--jwks keys.json --issuer <uri> [--issuer-name <name>]]`
// Checks certificates offline with the same verifier as the verify page, prints a table (or CSV)
// and exits 1 when any certificate is not valid.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CSV_COLUMNS, rowsToCsv } from '../lib/certificate/csv';
import { CertificateVerifier, parseJwks, type TrustedIssuer, type VerificationRow } from '../lib/certificate/verify-certificate';
import { issuerProfile } from '../server/issuer-config';
import { issuerKeys } from '../server/signing-keys';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { csv: { type: 'boolean' }, jwks: { type: 'string' }, issuer: { type: 'string' }, 'issuer-name': { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help || positionals.length === 0) {
  console.log('usage: npm run verify -- <certificate files or folders> [--csv] [--jwks keys.json --issuer <issuer uri>]');
  process.exit(positionals.length === 0 && !values.help ? 2 : 0);
}

function files(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((name) => files(join(path, name))) : [path];
}

const issuers: TrustedIssuer[] = [];
if (values.jwks) {
  if (!values.issuer) {
    console.error('--jwks needs --issuer <issuer uri>: the issuer these keys belong to.');
    process.exit(2);
  }
  issuers.push({ id: values.issuer, name: values['issuer-name'] ?? values.issuer, keys: parseJwks(readFileSync(values.jwks, 'utf8')) });
} else {
  // This installation's issuer, from the same configuration the server signs with.
  const issuer = issuerProfile();
  issuers.push({ id: issuer.id, name: issuer.name, keys: (await issuerKeys()).publicKeys });
}

const verifier = new CertificateVerifier(issuers);
const rows: VerificationRow[] = [];
const now = new Date();
for (const path of positionals.flatMap(files)) {
  const size = statSync(path).size;
  const text = size > 1_000_000 ? '' : readFileSync(path, 'utf8');
  rows.push(await verifier.verify(text, relative(process.cwd(), path), now));
}

if (values.csv) {
  process.stdout.write(rowsToCsv(rows, Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as Record<(typeof CSV_COLUMNS)[number], string>, (s) => s));
} else {
  const table = rows.map((r) => ({ status: r.status, name: r.name ?? '', institution: r.institution ?? '', issued: r.issued?.slice(0, 10) ?? '', validUntil: r.validUntil?.slice(0, 10) ?? '', version: r.courseVersion ?? '', file: r.source, reason: r.reason }));
  const widths = Object.keys(table[0] ?? {}).map((k) => Math.min(40, Math.max(k.length, ...table.map((row) => String(row[k as keyof typeof row]).length))));
  const line = (cells: string[]) => cells.map((c, i) => c.slice(0, 40).padEnd(widths[i]!)).join('  ');
  if (table.length) {
    console.log(line(Object.keys(table[0]!)));
    for (const row of table) console.log(line(Object.values(row)));
  }
  const valid = rows.filter((r) => r.status === 'valid').length;
  console.log(`\n${rows.length} checked: ${valid} valid, ${rows.length - valid} not valid.`);
}
process.exit(rows.every((r) => r.status === 'valid') && rows.length > 0 ? 0 : 1);
