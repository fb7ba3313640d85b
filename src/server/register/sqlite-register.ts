import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { matches, type CertificateRecord, type RecordFilter } from '../../lib/certificate/register-record.ts';
import type { RevocationReason } from '../../lib/certificate/revocation-reason.ts';
import { LATEST_VERSION, MIGRATIONS, RATE_ROWS_KEPT_MS, RATE_SQL } from './migrations.ts';
import { RegisterUnavailable, type AttemptRecord, type ClientAttempt, type FixedStep, type Register, type StartPlan, type WideHistory } from './register.ts';
import { CLIENT_ATTEMPTS, CLIENT_ROWS_KEPT_MS, clientAttemptFromRow, DROP_OLD_CLIENT_ATTEMPTS, DROP_OLD_WIDE_ATTEMPTS, NOTE_ATTEMPT_OUTCOME, NOTE_CLIENT_ATTEMPT, NOTE_WIDE_ATTEMPT, NOTE_WIDE_OUTCOME, WIDE_ATTEMPTS, type ClientAttemptRow } from './rows.ts';
import { attemptFromRow, attemptValues, choiceOf, choiceText, FIX_STEP, FIXED_STEP, FIXED_STEPS, fromRow, INSERT_ATTEMPT, INSERT_COLUMNS, insertValues, RELEASE_ATTEMPT, USE_ATTEMPT, whereOf, type AttemptRow, type CertificateRow } from './rows.ts';

/** SQLite's numbered parameters, like PostgreSQL's $1, so one statement text serves both. */
const p = (n: number) => `?${n}`;

/**
 * The register in one SQLite file (Node 24's built-in node:sqlite, nothing to install). WAL mode
 * lets the server and the administrator's command line use the file at once; each write is one
 * statement or one IMMEDIATE transaction, which SQLite's write lock serialises across processes.
 */
export class SqliteRegister implements Register {
  readonly kind = 'sqlite';
  private readonly db: DatabaseSync;
  // A plain field, not a parameter property: Node's type stripping (scripts/start.mjs) refuses those.
  private constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Opens (creating the file and its folder if need be) and brings the schema up to `upTo`. */
  static open(file: string, upTo = LATEST_VERSION): SqliteRegister {
    let db: DatabaseSync;
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      db = new DatabaseSync(file);
      db.exec('PRAGMA busy_timeout = 5000');
      db.exec('PRAGMA journal_mode = WAL');
    } catch (error) {
      throw new RegisterUnavailable(`the register database ${file} cannot be opened: ${(error as Error).message}`);
    }
    const register = new SqliteRegister(db);
    register.migrate(upTo);
    return register;
  }

  private migrate(upTo: number) {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const { v } = this.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number };
      for (const m of MIGRATIONS.filter((m) => m.version > v && m.version <= upTo)) {
        for (const sql of m.sqlite) this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Runs a statement, turning a locked or broken database into RegisterUnavailable. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      const code = (error as { errcode?: number }).errcode;
      if (error instanceof Error && /SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY)|database is locked|not open/i.test(`${error.message} ${code ?? ''}`))
        return Promise.reject(new RegisterUnavailable(`the register database is unavailable: ${error.message}`));
      return Promise.reject(error);
    }
  }

  async schemaVersion() {
    return this.run(() => (this.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v);
  }

  async allocateIndex() {
    return this.run(() => Number((this.db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'status_index' RETURNING value").get() as { value: number }).value));
  }

  async record(c: CertificateRecord) {
    await this.run(() => this.db.prepare(`INSERT INTO certificates (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((_, i) => p(i + 1)).join(', ')})`).run(...insertValues(c)));
  }

  async get(id: string) {
    return this.run(() => {
      const row = this.db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as CertificateRow | undefined;
      return row ? fromRow(row) : undefined;
    });
  }

  async list(filter: RecordFilter = {}, now = new Date()) {
    return this.run(() => {
      const where = whereOf(filter, p);
      const rows = this.db.prepare(`SELECT * FROM certificates ${where.sql} ORDER BY issued_at, status_index`).all(...where.values) as unknown as CertificateRow[];
      return rows.map(fromRow).filter((r) => matches(r, filter, now));
    });
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async revoke(id: string, reason: RevocationReason, at: Date) {
    return this.run(() =>
      this.transaction(() => {
        const row = this.db.prepare('SELECT revoked_at FROM certificates WHERE id = ?').get(id) as { revoked_at: string | null } | undefined;
        if (!row) return 'not-found' as const;
        if (row.revoked_at) return 'already-revoked' as const;
        this.db.prepare('UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE id = ?').run(at.toISOString(), reason, id);
        this.db.exec("UPDATE counters SET value = value + 1 WHERE name = 'status_version'");
        return 'revoked' as const;
      }),
    );
  }

  async unrevoke(id: string) {
    return this.run(() =>
      this.transaction(() => {
        const row = this.db.prepare('SELECT revoked_at FROM certificates WHERE id = ?').get(id) as { revoked_at: string | null } | undefined;
        if (!row) return 'not-found' as const;
        if (!row.revoked_at) return 'not-revoked' as const;
        this.db.prepare('UPDATE certificates SET revoked_at = NULL, revocation_reason = NULL WHERE id = ?').run(id);
        this.db.exec("UPDATE counters SET value = value + 1 WHERE name = 'status_version'");
        return 'unrevoked' as const;
      }),
    );
  }

  async revocations() {
    return this.run(() =>
      (this.db.prepare('SELECT status_index, revoked_at, revocation_reason FROM certificates WHERE revoked_at IS NOT NULL ORDER BY status_index').all() as {
        status_index: number;
        revoked_at: string;
        revocation_reason: RevocationReason;
      }[]).map((r) => ({ index: Number(r.status_index), date: r.revoked_at, reason: r.revocation_reason })),
    );
  }

  async statusVersion() {
    return this.run(() => Number((this.db.prepare("SELECT value FROM counters WHERE name = 'status_version'").get() as { value: number }).value));
  }

  private takes = 0;

  async takeRate(client: string, limit: number, windowMs: number, now = Date.now()) {
    return this.run(() => this.rate(client, limit, windowMs, now));
  }

  private rate(client: string, limit: number, windowMs: number, now: number) {
    // Old windows are dropped now and then, so the table holds only the clients of the last window.
    if (++this.takes % 1000 === 0) this.db.prepare('DELETE FROM rate_limits WHERE window_start < ?').run(now - Math.max(windowMs, RATE_ROWS_KEPT_MS));
    const row = this.db.prepare(RATE_SQL(p)).get(client, now, windowMs) as { window_start: number; count: number };
    return row.count > limit ? Math.ceil((Number(row.window_start) + windowMs - now) / 1000) : 0;
  }

  async startClientAttempt<T>(client: string, since: number, now: number, plan: (history: ClientAttempt[], wide: ClientAttempt[][]) => StartPlan<T>, wide: readonly WideHistory[] = []) {
    // All of it synchronous inside one IMMEDIATE transaction: nothing else on this connection runs
    // in between, and another process's writer waits for the file's lock (busy_timeout).
    return this.run(() =>
      this.transaction(() => {
        const history = (this.db.prepare(CLIENT_ATTEMPTS(p)).all(client, since, 50) as unknown as ClientAttemptRow[]).map(clientAttemptFromRow);
        const wideHistory = wide.map((w) => (this.db.prepare(WIDE_ATTEMPTS(p)).all(w.client, since, w.limit) as unknown as ClientAttemptRow[]).map(clientAttemptFromRow));
        const decided = plan(history, wideHistory);
        if ('refuse' in decided) return decided.refuse;
        for (const r of decided.rates) {
          const wait = this.rate(r.client, r.limit, r.windowMs, now);
          if (wait) return decided.limited(wait, r);
        }
        const started = decided.start();
        this.note(client, started.attempt, started.items, now);
        for (const w of wide) this.db.prepare(NOTE_WIDE_ATTEMPT(p)).run(started.attempt, w.client, now);
        return started.value;
      }),
    );
  }

  async recordAttempt(a: AttemptRecord) {
    return this.run(() => (this.db.prepare(INSERT_ATTEMPT(p)).all(...attemptValues(a)).length ? 'recorded' : 'duplicate') as 'recorded' | 'duplicate');
  }

  async useAttempt(attemptId: string, certificateId: string) {
    return this.run(() => this.db.prepare(USE_ATTEMPT(p)).all(attemptId, certificateId).length === 1);
  }

  async releaseAttempt(attemptId: string, certificateId: string) {
    await this.run(() => this.db.prepare(RELEASE_ATTEMPT(p)).run(attemptId, certificateId));
  }

  async attempts() {
    return this.run(() => (this.db.prepare('SELECT * FROM final_test_attempts ORDER BY submitted_at, id').all() as unknown as AttemptRow[]).map(attemptFromRow));
  }

  async attemptSubmitted(attemptId: string) {
    return this.run(() => this.db.prepare('SELECT 1 FROM final_test_attempts WHERE id = ?').all(attemptId).length > 0);
  }

  async fixStep(f: FixedStep, at = new Date()) {
    return this.run(() => {
      this.db.prepare(FIX_STEP(p)).run(f.attempt, f.item, f.step, choiceText(f.choice), at.toISOString());
      return choiceOf((this.db.prepare(FIXED_STEP(p)).get(f.attempt, f.item, f.step) as { choice: string }).choice);
    });
  }

  async fixedSteps(attemptId: string) {
    return this.run(() => (this.db.prepare(FIXED_STEPS(p)).all(attemptId) as { item: number; step: string; choice: string }[]).map((r) => ({ attempt: attemptId, item: Number(r.item), step: r.step, choice: choiceOf(r.choice) })));
  }

  private notes = 0;

  async noteClientAttempt(client: string, attemptId: string, items: readonly string[], at: number) {
    await this.run(() => this.note(client, attemptId, items, at));
  }

  private note(client: string, attemptId: string, items: readonly string[], at: number) {
    if (++this.notes % 100 === 0) {
      this.db.prepare(DROP_OLD_CLIENT_ATTEMPTS(p)).run(at - CLIENT_ROWS_KEPT_MS);
      this.db.prepare(DROP_OLD_WIDE_ATTEMPTS(p)).run(at - CLIENT_ROWS_KEPT_MS);
    }
    this.db.prepare(NOTE_CLIENT_ATTEMPT(p)).run(attemptId, client, at, JSON.stringify(items));
  }

  async noteAttemptOutcome(attemptId: string, passed: boolean, at: number) {
    await this.run(() => {
      this.db.prepare(NOTE_ATTEMPT_OUTCOME(p)).run(attemptId, passed ? 1 : 0, at);
      this.db.prepare(NOTE_WIDE_OUTCOME(p)).run(attemptId, passed ? 1 : 0, at);
    });
  }

  async clientAttempts(client: string, since: number, limit = 50) {
    return this.run(() => (this.db.prepare(CLIENT_ATTEMPTS(p)).all(client, since, limit) as unknown as ClientAttemptRow[]).map(clientAttemptFromRow));
  }

  async close() {
    if (this.db.isOpen) this.db.close();
  }
}
