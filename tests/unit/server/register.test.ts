import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src/server/register/migrations';
import type { Register } from '../../../src/server/register/register';
import { postgresBackend, postgresProblem, postgresUrl, record, sqliteBackend, type Backend } from './register-fixtures';

// The same suite against both stores. Without PostgreSQL on a developer's machine its half is
// skipped with the reason in the title; in CI the global setup fails instead (see postgres-global-setup).
const backends: [string, () => Promise<Backend>, boolean][] = [
  ['SQLite', async () => sqliteBackend(), true],
  [`PostgreSQL${postgresUrl ? '' : ` (skipped: ${postgresProblem})`}`, postgresBackend, !!postgresUrl],
];

describe.each(backends)('the register on %s', (_, make, available) => {
  const opened: Register[] = [];
  const open = async (backend: Backend, upTo?: number) => {
    const r = await backend.open(upTo);
    opened.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.close()));
  });

  it.runIf(available)('migrates an empty database to the latest schema, and opening again changes nothing', async () => {
    const backend = await make();
    const first = await open(backend);
    expect(await first.schemaVersion()).toBe(LATEST_VERSION);
    const again = await open(backend);
    expect(await again.schemaVersion()).toBe(LATEST_VERSION);
    const versions = await backend.sql('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => Number(v.version))).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it.runIf(available)('migrates a register of the previous schema version, keeping its certificates and their indexes', async () => {
    const backend = await make();
    const old = await open(backend, LATEST_VERSION - 1);
    expect(await old.schemaVersion()).toBe(LATEST_VERSION - 1);
    const indexes = [await old.allocateIndex(), await old.allocateIndex()];
    for (const i of indexes) await old.record(record(i));
    await old.close();
    const current = await open(backend);
    expect(await current.schemaVersion()).toBe(LATEST_VERSION);
    expect((await current.list()).map((r) => r.statusIndex)).toEqual(indexes);
    // The sequence goes on where it was: the migration does not restart it.
    expect(await current.allocateIndex()).toBe(indexes[1]! + 1);
    expect(await current.revoke(record(indexes[0]!).id, 'fraud', new Date('2026-12-01T00:00:00Z'))).toBe('revoked');
  });

  it.runIf(available)('records a certificate and gives back exactly what was recorded', async () => {
    const register = await open(await make());
    const index = await register.allocateIndex();
    const written = record(index, { institution: undefined, emailHash: undefined });
    await register.record(written);
    expect(await register.get(written.id)).toEqual(written);
    expect(await register.get('urn:uuid:nobody')).toBeUndefined();
  });

  it.runIf(available)('records a final-test attempt once, ties a passed one to one certificate, and lists them for statistics', async () => {
    const register = await open(await make());
    const item = { ref: { module: 'm1', scenario: 's1' }, earned: 1, max: 1, choices: [{ choice: ['a'] }] };
    const attempt = { id: 'a-1', startedAt: '2026-12-01T10:00:00.000Z', submittedAt: '2026-12-01T10:20:00.000Z', bank: 'b', percent: 90, passed: true, tooFast: false, items: [item] };
    expect(await register.recordAttempt(attempt)).toBe('recorded');
    expect(await register.recordAttempt({ ...attempt, percent: 100 })).toBe('duplicate');
    const failed = { ...attempt, id: 'a-2', percent: 40, passed: false, tooFast: true, submittedAt: '2026-12-01T10:30:00.000Z' };
    expect(await register.recordAttempt(failed)).toBe('recorded');
    expect(await register.useAttempt('a-2', 'urn:uuid:c0')).toBe(false);
    expect(await register.useAttempt('a-1', 'urn:uuid:c1')).toBe(true);
    expect(await register.useAttempt('a-1', 'urn:uuid:c2')).toBe(false);
    expect(await register.useAttempt('a-unknown', 'urn:uuid:c3')).toBe(false);
    expect(await register.attempts()).toEqual([{ ...attempt, certificateId: 'urn:uuid:c1' }, failed]);
    // A claim is given back only by the certificate it was for, and can then be taken again.
    await register.releaseAttempt('a-1', 'urn:uuid:c2');
    expect(await register.useAttempt('a-1', 'urn:uuid:c4')).toBe(false);
    await register.releaseAttempt('a-1', 'urn:uuid:c1');
    expect((await register.attempts())[0]!.certificateId).toBeUndefined();
    expect(await register.useAttempt('a-1', 'urn:uuid:c4')).toBe(true);
    expect((await register.attempts())[0]!.certificateId).toBe('urn:uuid:c4');
  });

  it.runIf(available)('fixes a story step once: the first choice stays, whatever comes after, and is listed by attempt', async () => {
    const register = await open(await make());
    expect(await register.fixStep({ attempt: 'a-1', item: 2, step: 's1', choice: ['b'] })).toEqual(['b']);
    expect(await register.fixStep({ attempt: 'a-1', item: 2, step: 's1', choice: ['c'] })).toEqual(['b']);
    expect(await register.fixStep({ attempt: 'a-1', item: 2, step: 's2', choice: ['a'] })).toEqual(['a']);
    // Another attempt or another item is another step.
    expect(await register.fixStep({ attempt: 'a-2', item: 2, step: 's1', choice: ['c'] })).toEqual(['c']);
    expect(await register.fixStep({ attempt: 'a-1', item: 3, step: 's1', choice: ['d'] })).toEqual(['d']);
    expect(await register.fixedSteps('a-1')).toEqual([
      { attempt: 'a-1', item: 2, step: 's1', choice: ['b'] },
      { attempt: 'a-1', item: 2, step: 's2', choice: ['a'] },
      { attempt: 'a-1', item: 3, step: 's1', choice: ['d'] },
    ]);
    expect(await register.fixedSteps('a-none')).toEqual([]);
    expect(await register.attemptSubmitted('a-1')).toBe(false);
  });

  it.runIf(available)('keeps each client\'s final-test attempts, newest first, with how they ended (once), apart from other clients', async () => {
    const register = await open(await make());
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    await register.noteClientAttempt('final-test:192.0.2.1', 'c-1', ['m1/a', 'm2/b'], t0);
    await register.noteClientAttempt('final-test:192.0.2.1', 'c-2', ['m1/c'], t0 + 60_000);
    await register.noteClientAttempt('final-test:192.0.2.2', 'c-3', ['m1/a'], t0 + 30_000);
    // Noted once: a second note of the same attempt changes nothing.
    await register.noteClientAttempt('final-test:192.0.2.1', 'c-1', ['m9/z'], t0 + 90_000);
    await register.noteAttemptOutcome('c-1', false, t0 + 20 * 60_000);
    await register.noteAttemptOutcome('c-1', true, t0 + 21 * 60_000);
    await register.noteAttemptOutcome('c-unknown', true, t0);
    expect(await register.clientAttempts('final-test:192.0.2.1', t0)).toEqual([
      { attempt: 'c-2', startedAt: t0 + 60_000, items: ['m1/c'] },
      { attempt: 'c-1', startedAt: t0, items: ['m1/a', 'm2/b'], passed: false, endedAt: t0 + 20 * 60_000 },
    ]);
    expect((await register.clientAttempts('final-test:192.0.2.1', t0 + 1)).map((a) => a.attempt)).toEqual(['c-2']);
    expect((await register.clientAttempts('final-test:192.0.2.1', 0, 1)).map((a) => a.attempt)).toEqual(['c-2']);
    expect((await register.clientAttempts('final-test:192.0.2.2', 0)).map((a) => a.attempt)).toEqual(['c-3']);
    expect(await register.clientAttempts('final-test:198.51.100.1', 0)).toEqual([]);
  });

  it.runIf(available)('refuses a second certificate with the same status-list index', async () => {
    const register = await open(await make());
    await register.record(record(0));
    await expect(register.record(record(0, { id: 'urn:uuid:other' }))).rejects.toThrow();
    expect((await register.list()).length).toBe(1);
  });

  it.runIf(available)('two servers allocating at once never get the same index', async () => {
    const backend = await make();
    const [a, b] = [await open(backend), await open(backend)];
    const got = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).allocateIndex()));
    expect(new Set(got).size).toBe(200);
  });

  it.runIf(available)('lists by issue date, institution and state', async () => {
    const register = await open(await make());
    await register.record(record(0, { issuedAt: '2026-01-15T08:00:00.000Z', institution: 'Valsts kanceleja' }));
    await register.record(record(1, { issuedAt: '2026-02-15T08:00:00.000Z', institution: 'Rīgas dome' }));
    await register.record(record(2, { issuedAt: '2026-03-15T08:00:00.000Z', institution: 'rīgas dome', validUntil: '2026-06-01T00:00:00.000Z' }));
    await register.revoke(record(1).id, 'issued-in-error', new Date('2026-04-01T00:00:00Z'));
    const now = new Date('2026-12-01T00:00:00Z');
    const ids = async (filter: Parameters<Register['list']>[0]) => (await register.list(filter, now)).map((r) => r.statusIndex);
    expect(await ids({})).toEqual([0, 1, 2]);
    expect(await ids({ from: '2026-02-01T00:00:00.000Z' })).toEqual([1, 2]);
    expect(await ids({ to: '2026-02-15T08:00:00.000Z' })).toEqual([0]);
    expect(await ids({ institution: 'RĪGAS DOME' })).toEqual([1, 2]);
    expect(await ids({ state: 'revoked' })).toEqual([1]);
    expect(await ids({ state: 'expired' })).toEqual([2]);
    expect(await ids({ state: 'valid' })).toEqual([0]);
  });

  it.runIf(available)('revokes and undoes a revocation, moving the status version each time, and another server sees it', async () => {
    const backend = await make();
    const [one, other] = [await open(backend), await open(backend)];
    await one.record(record(7));
    const id = record(7).id;
    const v0 = await other.statusVersion();
    expect(await one.revoke(id, 'fraud', new Date('2026-12-01T09:00:00.000Z'))).toBe('revoked');
    expect(await other.statusVersion()).toBe(v0 + 1);
    expect(await other.revocations()).toEqual([{ index: 7, date: '2026-12-01T09:00:00.000Z', reason: 'fraud' }]);
    expect(await other.get(id)).toMatchObject({ revokedAt: '2026-12-01T09:00:00.000Z', revocationReason: 'fraud' });
    expect(await one.revoke(id, 'withdrawn', new Date())).toBe('already-revoked');
    expect(await one.revoke('urn:uuid:nobody', 'fraud', new Date())).toBe('not-found');
    expect(await other.unrevoke(id)).toBe('unrevoked');
    expect(await one.revocations()).toEqual([]);
    expect(await one.statusVersion()).toBe(v0 + 2);
    expect(await one.unrevoke(id)).toBe('not-revoked');
    expect((await one.get(id))?.revokedAt).toBeUndefined();
  });

  it.runIf(available)('shares the rate limit between servers and opens a new window when the old one ends', async () => {
    const backend = await make();
    const [a, b] = [await open(backend), await open(backend)];
    const t = 1_000_000;
    expect(await a.takeRate('198.51.100.7', 3, 60_000, t)).toBe(0);
    expect(await b.takeRate('198.51.100.7', 3, 60_000, t + 1)).toBe(0);
    expect(await a.takeRate('198.51.100.7', 3, 60_000, t + 2)).toBe(0);
    expect(await b.takeRate('198.51.100.7', 3, 60_000, t + 10_000)).toBe(50);
    expect(await a.takeRate('203.0.113.1', 3, 60_000, t + 10_000)).toBe(0);
    expect(await a.takeRate('198.51.100.7', 3, 60_000, t + 60_000)).toBe(0);
  });

  it.runIf(available)('keeps a long limit counting while a short limit cleans up its old windows (no reset by flooding)', async () => {
    const register = await open(await make());
    const day = 24 * 3600_000;
    const t = 10 * day;
    for (let i = 0; i < 3; i++) expect(await register.takeRate('final-test:198.51.100.9', 3, day, t + i)).toBe(0);
    // Over a thousand short-window requests later (the cleanup runs every thousandth), the day's count still holds.
    for (let i = 0; i < 1001; i++) await register.takeRate(`junk-${i % 7}`, 20, 600_000, t + 11 * 60_000 + i);
    expect(await register.takeRate('final-test:198.51.100.9', 3, day, t + 12 * 60_000)).toBeGreaterThan(80_000);
  }, 60_000);

  it.runIf(available)('counts a burst of concurrent requests exactly', async () => {
    const backend = await make();
    const [a, b] = [await open(backend), await open(backend)];
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).takeRate('192.0.2.1', 25, 60_000, 5_000_000)));
    expect(waits.filter((w) => w === 0).length).toBe(25);
  });
});

describe.runIf(!!postgresUrl)('PostgreSQL specifics', () => {
  it('two servers starting together on an empty database migrate it once (advisory lock)', async () => {
    const backend = await postgresBackend();
    const both = await Promise.all([backend.open(), backend.open(), backend.open()]);
    expect(await Promise.all(both.map((r) => r.schemaVersion()))).toEqual([LATEST_VERSION, LATEST_VERSION, LATEST_VERSION]);
    expect((await backend.sql('SELECT count(*)::int AS n FROM schema_migrations'))[0]!.n).toBe(LATEST_VERSION);
    await Promise.all(both.map((r) => r.close()));
  });

  it('two server processes issuing at once on an empty database: every certificate recorded, no index twice', async () => {
    const backend = await postgresBackend();
    const url = postgresUrl.replace(/\/postgres$/, `/${(await backend.sql('SELECT current_database() AS d'))[0]!.d}`);
    const worker = (name: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [join(import.meta.dirname, 'issue-worker.ts')], { env: { ...process.env, DATABASE_URL: url, COUNT: '150', WORKER: name }, stdio: 'inherit' });
        child.on('exit', resolve);
      });
    expect(await Promise.all([worker('a'), worker('b')])).toEqual([0, 0]);
    const [row] = await backend.sql('SELECT count(*)::int AS n, count(DISTINCT status_index)::int AS distinct_indexes, max(status_index)::int AS top FROM certificates');
    expect(row).toEqual({ n: 300, distinct_indexes: 300, top: 299 });
  }, 60_000);
});

