import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { CertificateRecord } from '../../../src/lib/certificate/register-record';
import { PostgresRegister } from '../../../src/server/register/postgres-register';
import type { Register } from '../../../src/server/register/register';
import { SqliteRegister } from '../../../src/server/register/sqlite-register';

/** One record as the issuing route writes it. */
export function record(statusIndex: number, overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(statusIndex).padStart(12, '0')}`,
    name: 'Anna Bērziņa',
    institution: 'Valsts kanceleja',
    emailHash: 'sha256$' + 'a'.repeat(64),
    issuedAt: '2026-11-21T10:00:00.000Z',
    validUntil: '2028-11-21T10:00:00.000Z',
    edition: '2026-11-01',
    courseVersion: 'abc123',
    kid: 'dev-1',
    modules: [{ id: 'komunikacijas-principi', percent: 90 }],
    statusIndex,
    ...overrides,
  };
}

/** A place for one test's register: a new SQLite file, or a new database in the throw-away cluster. */
export interface Backend {
  kind: 'sqlite' | 'postgres';
  /** Opens another connection to the same place: another server, in effect. */
  open(upTo?: number): Promise<Register>;
  /** Runs SQL on the place directly (to look behind the interface). */
  sql(statement: string): Promise<Record<string, unknown>[]>;
}

export function sqliteBackend(): Backend {
  const file = join(mkdtempSync(join(tmpdir(), 'register-')), 'register.sqlite');
  return {
    kind: 'sqlite',
    open: async (upTo) => SqliteRegister.open(file, upTo),
    sql: async (statement) => {
      const { DatabaseSync } = await import('node:sqlite');
      const db = new DatabaseSync(file);
      try {
        return db.prepare(statement).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
  };
}

export const postgresUrl = inject('postgresUrl');
export const postgresProblem = inject('postgresProblem');
let databases = 0;

export async function postgresBackend(): Promise<Backend> {
  const name = `register_${process.pid}_${++databases}`;
  const admin = new pg.Client(postgresUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = postgresUrl.replace(/\/postgres$/, `/${name}`);
  return {
    kind: 'postgres',
    open: (upTo) => PostgresRegister.open(url, upTo),
    sql: async (statement) => {
      const client = new pg.Client(url);
      await client.connect();
      try {
        return (await client.query(statement)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

