import { resolve } from 'node:path';
import { PostgresRegister } from './postgres-register.ts';
import type { Register } from './register.ts';
import { SqliteRegister } from './sqlite-register.ts';

/**
 * Which register this process uses, from the environment:
 * - DATABASE_URL         postgres://… : PostgreSQL, shared by several servers;
 * - CERT_REGISTER_FILE   the SQLite file otherwise (default <CERT_DATA_DIR or data>/register.sqlite),
 *                        created with its schema on first use.
 */
export function registerTarget(env: NodeJS.ProcessEnv = process.env): { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string } {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'sqlite', file: resolve(env.CERT_REGISTER_FILE ?? resolve(env.CERT_DATA_DIR ?? 'data', 'register.sqlite')) };
}

export async function openRegister(env: NodeJS.ProcessEnv = process.env): Promise<Register> {
  const target = registerTarget(env);
  return target.kind === 'postgres' ? PostgresRegister.open(target.url) : SqliteRegister.open(target.file);
}

/** Where a register is, for messages: never the password of a DATABASE_URL. */
export function describeTarget(env: NodeJS.ProcessEnv = process.env): string {
  const target = registerTarget(env);
  if (target.kind === 'sqlite') return `SQLite ${target.file}`;
  try {
    const url = new URL(target.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

let shared: Promise<Register> | undefined;

/**
 * The process's one register. A failed open is not kept: when the database comes back, the next
 * request opens it (the server keeps serving pages and verification meanwhile).
 */
export function register(): Promise<Register> {
  shared ??= openRegister().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
