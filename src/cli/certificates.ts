// `npm run certificates -- <command>`: the administrator's view of the issuer's register (the same
// database the server uses: DATABASE_URL for PostgreSQL, else data/register.sqlite).
//   list [--from D] [--to D] [--institution NAME] [--status valid|revoked|expired] [--csv]
//   show ID | revoke ID --reason CODE | unrevoke ID | stats | export [--csv-lv] | item-stats   (--lang lv|en)
// Exit codes: 0 done, 1 not found or nothing to change, 2 a usage error, 3 the register unreachable.
import { parseArgs } from 'node:util';
import { itemStats, itemStatsText } from '../lib/final-test/item-stats';
import { finalTestConfig } from '../lib/final-test/config';
import { drawableItems } from '../lib/final-test/draw';
import { recordsToCsv } from '../lib/certificate/register-csv';
import { registerStats, stateOf, type CertificateRecord, type RecordFilter, type RecordState } from '../lib/certificate/register-record';
import { isRevocationReason, REVOCATION_REASONS } from '../lib/certificate/revocation-reason';
import { UNSEEN_CHARACTERS } from '../lib/certificate/verification-text';
import { isLocale, type Locale } from '../lib/i18n/locales';
import { t } from '../lib/i18n/translate';
import { describeTarget, openRegister } from '../server/register/open-register.ts';
import type { Register } from '../server/register/register.ts';
import { repositoryBank } from '../server/repository-bank';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    institution: { type: 'string' },
    status: { type: 'string' },
    reason: { type: 'string' },
    csv: { type: 'boolean' },
    'csv-lv': { type: 'boolean' },
    lang: { type: 'string', default: 'lv' },
    help: { type: 'boolean' },
  },
});
const locale: Locale = isLocale(values.lang) ? values.lang : 'lv';
const say = (key: Parameters<typeof t>[1], vars?: Record<string, string | number>) => t(locale, key, vars);
const reasons = REVOCATION_REASONS.join('|');
const [command, id] = positionals;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

if (values.help || !command) {
  console.log(say('admin.usage', { reasons }));
  process.exit(command || values.help ? 0 : 2);
}
if (!['list', 'show', 'revoke', 'unrevoke', 'stats', 'export', 'item-stats'].includes(command)) fail(say('admin.usage', { reasons }), 2);
if (['show', 'revoke', 'unrevoke'].includes(command) && !id) fail(say('admin.usage', { reasons }), 2);

/** A day as the start of that day in UTC; `--to` is inclusive, so it means the start of the next day. */
function day(option: '--from' | '--to', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) fail(say('admin.badDate', { option }), 2);
  const start = new Date(`${value}T00:00:00Z`);
  if (option === '--to') start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}

const filter: RecordFilter = { from: day('--from', values.from), to: day('--to', values.to), institution: values.institution };
if (values.status !== undefined) {
  if (!['valid', 'revoked', 'expired'].includes(values.status)) fail(say('admin.badStatus'), 2);
  filter.state = values.status as RecordState;
}
if (command === 'revoke' && !isRevocationReason(values.reason)) fail(say('admin.badReason', { reasons: REVOCATION_REASONS.join(', ') }), 2);

// A name from the register is the learner's text: shown inert, as the verify command does.
const inert = (value: string) => value.replace(UNSEEN_CHARACTERS, (c) => `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}›`);
const now = new Date();
const state = (r: CertificateRecord) => say(`admin.state.${stateOf(r, now)}`);

function table(records: CertificateRecord[]) {
  const rows = records.map((r) => [r.id, r.issuedAt.slice(0, 10), r.validUntil.slice(0, 10), state(r), r.name, r.institution ?? ''].map(inert));
  const head = [say('admin.field.id'), say('admin.field.issuedAt'), say('admin.field.validUntil'), say('admin.field.state'), say('admin.field.name'), say('admin.field.institution')];
  const widths = head.map((h, i) => Math.min(45, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.slice(0, 45).padEnd(widths[i]!))).join('  ');
  if (rows.length) console.log([line(head), ...rows.map(line)].join('\n'));
  console.log(say('admin.count', { count: records.length }));
}

function show(r: CertificateRecord) {
  const revoked = r.revokedAt ? `${r.revokedAt} (${r.revocationReason ?? ''})` : '';
  const fields: [string, string][] = [
    [say('admin.field.id'), r.id],
    [say('admin.field.name'), r.name],
    [say('admin.field.institution'), r.institution ?? ''],
    [say('admin.field.emailHash'), r.emailHash ?? ''],
    [say('admin.field.issuedAt'), r.issuedAt],
    [say('admin.field.validUntil'), r.validUntil],
    [say('admin.field.edition'), r.edition],
    [say('admin.field.courseVersion'), r.courseVersion],
    [say('admin.field.kid'), r.kid],
    [say('admin.field.statusIndex'), String(r.statusIndex)],
    [say('admin.field.state'), state(r)],
    [say('admin.field.revoked'), revoked],
    [say('admin.field.modules'), r.modules.map((m) => `${m.id} ${m.percent} %`).join(', ')],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  for (const [k, v] of fields) console.log(`${k.padEnd(width)}  ${inert(v)}`);
}

async function run(register: Register): Promise<number> {
  switch (command) {
    case 'list': {
      const records = await register.list(filter, now);
      if (values.csv) process.stdout.write(recordsToCsv(records, now));
      else table(records);
      return 0;
    }
    case 'export':
      process.stdout.write(recordsToCsv(await register.list({}, now), now, values['csv-lv'] ? ';' : ','));
      return 0;
    case 'show': {
      const record = await register.get(id!);
      if (!record) return (console.error(say('admin.notFound', { id: inert(id!) })), 1);
      show(record);
      return 0;
    }
    case 'revoke': {
      const reason = values.reason as (typeof REVOCATION_REASONS)[number];
      const result = await register.revoke(id!, reason, now);
      if (result === 'not-found') return (console.error(say('admin.notFound', { id: inert(id!) })), 1);
      if (result === 'already-revoked') return (console.error(say('admin.alreadyRevoked', { id: inert(id!) })), 1);
      console.log(say('admin.revoked', { id: id!, reason: t(locale, `verify.revocationReason.${reason}`) }));
      // Whose certificate it was, so a mistyped id is seen at once (and undone with unrevoke).
      const record = await register.get(id!);
      if (record) show(record);
      return 0;
    }
    case 'unrevoke': {
      const result = await register.unrevoke(id!);
      if (result === 'not-found') return (console.error(say('admin.notFound', { id: inert(id!) })), 1);
      if (result === 'not-revoked') return (console.error(say('admin.notRevoked', { id: inert(id!) })), 1);
      console.log(say('admin.unrevoked', { id: id! }));
      return 0;
    }
    case 'item-stats': {
      // The final test's items against every recorded attempt: nothing personal is read or printed.
      const { bank } = repositoryBank(process.cwd());
      const stats = itemStats(bank, await register.attempts());
      console.log(
        itemStatsText(stats, {
          heading: say('admin.items.heading', { attempts: (await register.attempts()).length }),
          attempts: say('admin.items.attempts'),
          facility: say('admin.items.facility'),
          discrimination: say('admin.items.discrimination'),
          options: say('admin.items.options'),
          none: '–',
          flags: { 'too-easy': say('admin.items.tooEasy'), 'too-hard': say('admin.items.tooHard'), 'not-discriminating': say('admin.items.notDiscriminating') },
        }),
      );
      // Items no attempt can hold under the draw rules this server's settings give (FINAL_TEST_ITEMS,
      // FINAL_TEST_TWINS): they have no statistics because they are never asked, not because they are easy.
      const rules = finalTestConfig(process.env).rules;
      const { never } = drawableItems(bank, rules);
      console.log('');
      console.log(never.length ? say('admin.items.neverDrawn', { count: never.length, items: rules.count, twins: rules.twins }) : say('admin.items.allDrawable', { items: rules.count, twins: rules.twins }));
      for (const key of never) console.log(`  ${key}`);
      return 0;
    }
    default: {
      const stats = registerStats(await register.list({}, now), now);
      console.log(
        [
          say('admin.stats.total', { count: stats.total }),
          say('admin.stats.revoked', { count: stats.revoked }),
          say('admin.stats.expired', { count: stats.expired }),
          say('admin.stats.expiring', { count: stats.expiringIn90Days }),
          '',
          say('admin.stats.perMonth'),
          ...stats.perMonth.map(([month, n]) => `  ${month}  ${n}`),
          '',
          say('admin.stats.perInstitution'),
          ...stats.perInstitution.map(([name, n]) => `  ${String(n).padStart(5)}  ${inert(name) || say('admin.stats.noInstitution')}`),
        ].join('\n'),
      );
      return 0;
    }
  }
}

let register: Register;
try {
  register = await openRegister();
} catch (error) {
  fail(say('admin.unavailable', { message: `${describeTarget()}: ${(error as Error).message}` }), 3);
}
// Where the records come from, on stderr so that CSV on stdout stays clean.
console.error(say('admin.register', { where: describeTarget() }));
let code: number;
try {
  code = await run(register);
} catch (error) {
  if ((error as Error).name !== 'RegisterUnavailable') throw error;
  code = 3;
  console.error(say('admin.unavailable', { message: (error as Error).message }));
} finally {
  await register.close();
}
process.exit(code!);
