import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadBank } from '../../../src/lib/final-test/bank';
import { finalTestConfig } from '../../../src/lib/final-test/config';
import { drawableItems } from '../../../src/lib/final-test/draw';
import { bestAnswersOf, maxPoints, worstAnswersOf } from '../../../src/lib/quiz/scenario';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SqliteRegister } from '../../../src/server/register/sqlite-register';
import { root } from '../helpers';
import { postgresBackend, postgresUrl, record } from './register-fixtures';

const file = join(mkdtempSync(join(tmpdir(), 'admin-cli-')), 'register.sqlite');
const seed = SqliteRegister.open(file);
await seed.record(record(0, { issuedAt: '2026-01-10T09:00:00.000Z', institution: 'Valsts kanceleja' }));
await seed.record(record(1, { issuedAt: '2026-02-10T09:00:00.000Z', institution: 'Rīgas dome', name: '=HYPERLINK("http://x")' }));
await seed.record(record(2, { issuedAt: '2026-02-20T09:00:00.000Z', institution: 'Rīgas dome', validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() }));
// Final-test attempts on the first bank item: 30 by ability, the item right only in the top half.
const bankDir = join(root, 'quizzes', 'final-test');
const { bank } = loadBank(readdirSync(bankDir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(bankDir, f), 'utf8')] as const));
const probe = bank[0]!.scenarios[0]!;
for (let i = 0; i < 30; i++) {
  const right = i >= 15;
  const entries = right ? bestAnswersOf(probe) : worstAnswersOf(probe);
  const item = { ref: { module: bank[0]!.moduleId, scenario: probe.id }, earned: right ? maxPoints(probe) : 0, max: maxPoints(probe), choices: entries.map((e) => ({ ...(e.step && { step: e.step }), choice: e.choice })) };
  await seed.recordAttempt({ id: `attempt-${i}`, startedAt: '2026-12-01T10:00:00.000Z', submittedAt: `2026-12-01T10:${String(10 + i).padStart(2, '0')}:00.000Z`, bank: 'b', percent: Math.round((i / 29) * 100), passed: right, tooFast: false, items: [item] });
}
await seed.close();

function cli(args: string[], env: Record<string, string> = { CERT_REGISTER_FILE: file }) {
  // The SQLite cases must not pick up a DATABASE_URL from the shell that runs the tests.
  const clean: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete clean.DATABASE_URL;
  return spawnSync('npx', ['tsx', 'src/cli/certificates.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: clean });
}

describe('npm run certificates', () => {
  it('prints item statistics for the final test from the recorded attempts, in either language, with nothing personal', () => {
    const lv = cli(['item-stats']);
    expect(lv.status).toBe(0);
    expect(lv.stdout).toContain('mēģinājumu skaits: 30');
    const block = lv.stdout.split('\n').findIndex((l) => l.startsWith(`${bank[0]!.moduleId}/${probe.id}`));
    expect(block).toBeGreaterThan(0);
    expect(lv.stdout.split('\n')[block + 1]).toMatch(/mēģinājumi: 30 +pareizi: 50 % +diskriminācija: 1\.00/);
    // Every other item has no attempts yet.
    expect(lv.stdout).toMatch(/mēģinājumi: 0 +pareizi: – +diskriminācija: –/);
    const en = cli(['item-stats', '--lang', 'en']);
    expect(en.stdout).toContain('attempts: 30');
    // Then the items the draw rules can never draw, read from the bank (their number changes as it is written).
    const { never } = drawableItems(bank, finalTestConfig({}).rules);
    const tail = (out: string) => out.slice(out.lastIndexOf('\n\n') + 2).trim().split('\n');
    for (const [out, never0, all] of [[lv.stdout, 'nekad neizlozē', 'var izlozēt katru'], [en.stdout, 'never draw these', 'can draw every item']] as const) {
      const lines = tail(out);
      expect(lines[0]).toContain(never.length ? never0 : all);
      expect(lines.slice(1).map((l) => l.trim())).toEqual(never);
    }
    // Settings that let more items in: with the twins rule off, fewer (or no) items are never drawn.
    const loose = cli(['item-stats', '--lang', 'en'], { CERT_REGISTER_FILE: file, FINAL_TEST_TWINS: '0' });
    expect(tail(loose.stdout).slice(1).map((l) => l.trim())).toEqual(drawableItems(bank, finalTestConfig({ FINAL_TEST_TWINS: '0' }).rules).never);
    expect(en.stdout).not.toMatch(/Valsts kanceleja|HYPERLINK/);
  }, 60_000);

  it('lists the register as a table, filtered by date, institution and status', () => {
    const all = cli(['list']);
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('Sertifikāti: 3.');
    const feb = cli(['list', '--from', '2026-02-01', '--to', '2026-02-10', '--lang', 'en']);
    expect(feb.stdout).toContain(record(1).id);
    expect(feb.stdout).not.toContain(record(2).id);
    expect(feb.stdout).toContain('Certificates: 1.');
    const riga = cli(['list', '--institution', 'rīgas dome', '--csv']);
    const rows = parse(riga.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.statusIndex)).toEqual(['1', '2']);
    // A name that a spreadsheet would run as a formula stays text.
    expect(rows[0]!.name).toBe(`'=HYPERLINK("http://x")`);
  }, 60_000);

  it('revokes with a closed reason code, refuses another, shows it, and undoes it', () => {
    const id = record(0).id;
    expect(cli(['revoke', id, '--reason', 'because']).status).toBe(2);
    const revoked = cli(['revoke', id, '--reason', 'issued-in-error', '--lang', 'en']);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain('Revoked: ' + id + ' (issued in error)');
    expect(cli(['revoke', id, '--reason', 'fraud']).status).toBe(1);
    const shown = cli(['show', id, '--lang', 'en']);
    expect(shown.stdout).toMatch(/Status\s+revoked/);
    expect(shown.stdout).toMatch(/Revoked\s+\d{4}-\d\d-\d\dT.*\(issued-in-error\)/);
    expect(cli(['list', '--status', 'revoked', '--csv']).stdout).toContain(id);
    expect(cli(['unrevoke', id]).status).toBe(0);
    expect(cli(['unrevoke', id]).status).toBe(1);
    expect(cli(['show', 'urn:uuid:nobody']).status).toBe(1);
  }, 120_000);

  it('counts per month and per institution, revoked and expiring within 90 days', () => {
    const stats = cli(['stats', '--lang', 'en']);
    expect(stats.stdout).toContain('Issued in all: 3');
    expect(stats.stdout).toContain('Valid but expiring within 90 days: 1');
    expect(stats.stdout).toMatch(/2026-01\s+1\n\s+2026-02\s+2/);
    expect(stats.stdout).toMatch(/2\s+Rīgas dome\n\s+1\s+Valsts kanceleja/);
  }, 60_000);

  it('exports the whole register as CSV, every field quoted, modules as id=percent', () => {
    const csv = cli(['export', '--csv-lv']).stdout.replace(/^\uFEFF/, '');
    const rows = parse(csv, { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows.length).toBe(3);
    expect(rows[0]).toMatchObject({ id: record(0).id, state: 'valid', modules: 'komunikacijas-principi=90', emailHash: record(0).emailHash });
  }, 60_000);

  it('says the register is unreachable and exits 3 when the database is not there', () => {
    const run = cli(['list'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('Reģistrs nav sasniedzams');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it.runIf(!!postgresUrl)('works the same on PostgreSQL with DATABASE_URL', async () => {
    const backend = await postgresBackend();
    const register = await backend.open();
    await register.record(record(5));
    await register.close();
    const url = postgresUrl.replace(/\/postgres$/, `/${(await backend.sql('SELECT current_database() AS d'))[0]!.d}`);
    expect(cli(['revoke', record(5).id, '--reason', 'fraud'], { DATABASE_URL: url }).status).toBe(0);
    const list = cli(['list', '--status', 'revoked'], { DATABASE_URL: url });
    expect(list.stdout).toContain(record(5).id);
    expect(list.stderr).toContain('PostgreSQL 127.0.0.1');
  }, 60_000);
});
