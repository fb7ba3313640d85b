import pg from 'pg';
import { matches, type CertificateRecord, type RecordFilter } from '../../lib/certificate/register-record.ts';
import type { RevocationReason } from '../../lib/certificate/revocation-reason.ts';
import { LATEST_VERSION, MIGRATION_LOCK, MIGRATIONS, RATE_ROWS_KEPT_MS, RATE_SQL } from './migrations.ts';
import { RegisterUnavailable, type AttemptRecord, type ClientAttempt, type FixedStep, type Register, type StartPlan, type WideHistory } from './register.ts';
import { attemptFromRow, attemptValues, choiceOf, choiceText, FIX_STEP, FIXED_STEP, FIXED_STEPS, fromRow, INSERT_ATTEMPT, INSERT_COLUMNS, insertValues, RELEASE_ATTEMPT, USE_ATTEMPT, whereOf, type AttemptRow, type CertificateRow } from './rows.ts';
import { CLIENT_ATTEMPTS, CLIENT_ROWS_KEPT_MS, clientAttemptFromRow, DROP_OLD_CLIENT_ATTEMPTS, DROP_OLD_WIDE_ATTEMPTS, NOTE_ATTEMPT_OUTCOME, NOTE_CLIENT_ATTEMPT, NOTE_WIDE_ATTEMPT, NOTE_WIDE_OUTCOME, WIDE_ATTEMPTS, type ClientAttemptRow } from './rows.ts';

const p = (n: number) => `$${n}`;

/**
 * The advisory locks' first key for a client's final-test starts (the second is the client key's
 * hashtext): the two-key form, so these never collide with the migrations' one-key lock. Two
 * clients whose keys hash alike only wait for each other; neither is refused for it.
 */
const START_LOCK_SPACE = 0x46_54_53; // 'FTS'

/** Errors that mean "the database is not there now" rather than a bug: connection refused, reset, timed out, shutting down. */
function unavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|EAI_AGAIN|57P0[1-3]|08\d\d\d|53\d\d\d)$/.test(code) || /timeout|Connection terminated|not queryable/i.test(String((error as Error).message));
}

/**
 * The register in PostgreSQL, for several servers behind a load balancer: indexes come from a
 * sequence (never the same value twice, whichever server asks), revocations change one row and
 * bump the status version in one transaction, and migrations run under an advisory lock.
 */
export class PostgresRegister implements Register {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  // A plain field, not a parameter property: Node's type stripping (scripts/start.mjs) refuses those.
  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(url: string, upTo = LATEST_VERSION): Promise<PostgresRegister> {
    // A short connection timeout: a server whose database is gone answers 503 quickly instead of hanging.
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 });
    // An idle client losing its connection must not crash the server; the next query reconnects.
    pool.on('error', () => {});
    const register = new PostgresRegister(pool);
    try {
      await register.migrate(upTo);
    } catch (error) {
      await pool.end().catch(() => {});
      if (unavailable(error)) throw new RegisterUnavailable(`the register database cannot be reached (${(error as { code?: string }).code ?? 'error'})`);
      throw error;
    }
    return register;
  }

  private async migrate(upTo: number) {
    const client = await this.pool.connect();
    try {
      // Session-level lock: a second server waits here until the first has migrated, then finds nothing to do.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations');
      for (const m of MIGRATIONS.filter((m) => m.version > rows[0]!.v && m.version <= upTo)) {
        await client.query('BEGIN');
        try {
          for (const sql of m.postgres) await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, values)).rows;
    } catch (error) {
      if (unavailable(error)) throw new RegisterUnavailable(`the register database cannot be reached (${(error as { code?: string }).code ?? 'error'})`);
      throw error;
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new RegisterUnavailable(`the register database cannot be reached (${(error as { code?: string }).code ?? 'error'})`);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      if (unavailable(error)) throw new RegisterUnavailable(`the register database cannot be reached (${(error as { code?: string }).code ?? 'error'})`);
      throw error;
    } finally {
      client.release();
    }
  }

  async schemaVersion() {
    return Number((await this.query<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations'))[0]!.v);
  }

  async allocateIndex() {
    return Number((await this.query<{ v: string }>("SELECT nextval('status_index_seq') AS v"))[0]!.v);
  }

  async record(c: CertificateRecord) {
    await this.query(`INSERT INTO certificates (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((_, i) => p(i + 1)).join(', ')})`, insertValues(c));
  }

  async get(id: string) {
    const [row] = await this.query<CertificateRow>('SELECT * FROM certificates WHERE id = $1', [id]);
    return row ? fromRow(row) : undefined;
  }

  async list(filter: RecordFilter = {}, now = new Date()) {
    const where = whereOf(filter, p);
    const rows = await this.query<CertificateRow>(`SELECT * FROM certificates ${where.sql} ORDER BY issued_at, status_index`, where.values);
    return rows.map(fromRow).filter((r) => matches(r, filter, now));
  }

  async revoke(id: string, reason: RevocationReason, at: Date) {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ revoked_at: string | null }>('SELECT revoked_at FROM certificates WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return 'not-found' as const;
      if (rows[0].revoked_at) return 'already-revoked' as const;
      await client.query('UPDATE certificates SET revoked_at = $1, revocation_reason = $2 WHERE id = $3', [at.toISOString(), reason, id]);
      await client.query("UPDATE counters SET value = value + 1 WHERE name = 'status_version'");
      return 'revoked' as const;
    });
  }

  async unrevoke(id: string) {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ revoked_at: string | null }>('SELECT revoked_at FROM certificates WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return 'not-found' as const;
      if (!rows[0].revoked_at) return 'not-revoked' as const;
      await client.query('UPDATE certificates SET revoked_at = NULL, revocation_reason = NULL WHERE id = $1', [id]);
      await client.query("UPDATE counters SET value = value + 1 WHERE name = 'status_version'");
      return 'unrevoked' as const;
    });
  }

  async revocations() {
    const rows = await this.query<{ status_index: string; revoked_at: string; revocation_reason: RevocationReason }>(
      'SELECT status_index, revoked_at, revocation_reason FROM certificates WHERE revoked_at IS NOT NULL ORDER BY status_index',
    );
    return rows.map((r) => ({ index: Number(r.status_index), date: r.revoked_at, reason: r.revocation_reason }));
  }

  async statusVersion() {
    return Number((await this.query<{ value: string }>("SELECT value FROM counters WHERE name = 'status_version'"))[0]!.value);
  }

  private takes = 0;

  async takeRate(client: string, limit: number, windowMs: number, now = Date.now()) {
    if (++this.takes % 1000 === 0) await this.query('DELETE FROM rate_limits WHERE window_start < $1', [now - Math.max(windowMs, RATE_ROWS_KEPT_MS)]);
    const [row] = await this.query<{ window_start: string; count: number }>(RATE_SQL(p), [client, now, windowMs]);
    return row!.count > limit ? Math.ceil((Number(row!.window_start) + windowMs - now) / 1000) : 0;
  }

  async startClientAttempt<T>(client: string, since: number, now: number, plan: (history: ClientAttempt[], wide: ClientAttempt[][]) => StartPlan<T>, wide: readonly WideHistory[] = []) {
    return this.transaction(async (tx) => {
      // Held to the end of this transaction: a parallel start by the same client, on any server,
      // waits here and then reads the history with this start's attempt in it.
      // A wider prefix's lock after the client's own, narrower before wider (the order the list
      // has): every start takes its locks in that order, so no two wait for each other in a ring.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [START_LOCK_SPACE, client]);
      for (const w of wide) await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [START_LOCK_SPACE, w.client]);
      const history = (await tx.query<ClientAttemptRow>(CLIENT_ATTEMPTS(p), [client, since, 50])).rows.map(clientAttemptFromRow);
      const wideHistory: ClientAttempt[][] = [];
      for (const w of wide) wideHistory.push((await tx.query<ClientAttemptRow>(WIDE_ATTEMPTS(p), [w.client, since, w.limit])).rows.map(clientAttemptFromRow));
      const decided = plan(history, wideHistory);
      if ('refuse' in decided) return decided.refuse;
      for (const r of decided.rates) {
        const row = (await tx.query<{ window_start: string; count: number }>(RATE_SQL(p), [r.client, now, r.windowMs])).rows[0]!;
        if (row.count > r.limit) return decided.limited(Math.ceil((Number(row.window_start) + r.windowMs - now) / 1000), r);
      }
      const started = decided.start();
      if (++this.notes % 100 === 0) {
        await tx.query(DROP_OLD_CLIENT_ATTEMPTS(p), [now - CLIENT_ROWS_KEPT_MS]);
        await tx.query(DROP_OLD_WIDE_ATTEMPTS(p), [now - CLIENT_ROWS_KEPT_MS]);
      }
      await tx.query(NOTE_CLIENT_ATTEMPT(p), [started.attempt, client, now, JSON.stringify(started.items)]);
      for (const w of wide) await tx.query(NOTE_WIDE_ATTEMPT(p), [started.attempt, w.client, now]);
      return started.value;
    });
  }

  async recordAttempt(a: AttemptRecord) {
    return (await this.query(INSERT_ATTEMPT(p), attemptValues(a))).length ? ('recorded' as const) : ('duplicate' as const);
  }

  async useAttempt(attemptId: string, certificateId: string) {
    return (await this.query(USE_ATTEMPT(p), [attemptId, certificateId])).length === 1;
  }

  async releaseAttempt(attemptId: string, certificateId: string) {
    await this.query(RELEASE_ATTEMPT(p), [attemptId, certificateId]);
  }

  async attempts() {
    return (await this.query<AttemptRow>('SELECT * FROM final_test_attempts ORDER BY submitted_at, id')).map(attemptFromRow);
  }

  async attemptSubmitted(attemptId: string) {
    return (await this.query('SELECT 1 FROM final_test_attempts WHERE id = $1', [attemptId])).length > 0;
  }

  async fixStep(f: FixedStep, at = new Date()) {
    await this.query(FIX_STEP(p), [f.attempt, f.item, f.step, choiceText(f.choice), at.toISOString()]);
    return choiceOf((await this.query<{ choice: string }>(FIXED_STEP(p), [f.attempt, f.item, f.step]))[0]!.choice);
  }

  async fixedSteps(attemptId: string) {
    return (await this.query<{ item: number; step: string; choice: string }>(FIXED_STEPS(p), [attemptId])).map((r) => ({ attempt: attemptId, item: Number(r.item), step: r.step, choice: choiceOf(r.choice) }));
  }

  private notes = 0;

  async noteClientAttempt(client: string, attemptId: string, items: readonly string[], at: number) {
    if (++this.notes % 100 === 0) await this.query(DROP_OLD_CLIENT_ATTEMPTS(p), [at - CLIENT_ROWS_KEPT_MS]);
    await this.query(NOTE_CLIENT_ATTEMPT(p), [attemptId, client, at, JSON.stringify(items)]);
  }

  async noteAttemptOutcome(attemptId: string, passed: boolean, at: number) {
    await this.query(NOTE_ATTEMPT_OUTCOME(p), [attemptId, passed ? 1 : 0, at]);
    await this.query(NOTE_WIDE_OUTCOME(p), [attemptId, passed ? 1 : 0, at]);
  }

  async clientAttempts(client: string, since: number, limit = 50) {
    return (await this.query<ClientAttemptRow>(CLIENT_ATTEMPTS(p), [client, since, limit])).map(clientAttemptFromRow);
  }

  async close() {
    if (!this.pool.ended && !this.pool.ending) await this.pool.end();
  }
}
