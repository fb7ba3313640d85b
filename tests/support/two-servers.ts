import pg from 'pg';
import { expect, vi } from 'vitest';
import { passingRequest } from '../../src/cli/register-servers';
import { useThrowawayRegister } from './throwaway-register';
import { postgresProblem, postgresUrl } from '../unit/server/register-fixtures';

// Two servers on one register, for the final test's route tests: each instance of the routes has
// its own module state (its own in-memory queue, request limiter and connection to the register),
// as two Node processes behind a load balancer would have. The test file mocks the course with
// `repositoryCourse()` (vi.mock is hoisted there, and applies to these imports too).

export type Route = (context: { request: Request; clientAddress: string }) => Promise<Response>;
export interface Server {
  start: Route;
  submit: Route;
  close(): Promise<void>;
}

/** A fresh instance of the final test's routes and their register, like a second server process. */
export async function server(): Promise<Server> {
  vi.resetModules();
  const { POST: start } = await import('../../src/pages/api/final-test/index');
  const { POST: submit } = await import('../../src/pages/api/final-test/submit');
  const { register } = await import('../../src/server/register/open-register');
  return { start: start as unknown as Route, submit: submit as unknown as Route, close: async () => (await register()).close() };
}

export const post = async (route: Route, path: string, body: unknown, clientAddress: string) => {
  const request = new Request(`http://127.0.0.1/api/final-test/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = await route({ request, clientAddress });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** Another database in the throw-away cluster for each backend run, named after the test. */
async function postgresDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client(postgresUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return postgresUrl.replace(/\/postgres$/, `/${name}`);
}

/** The two stores, each with whether it is available here and what prepares a run on it. */
export function backends(prefix: string): [string, boolean, () => Promise<void>][] {
  return [
    ['SQLite (one file, two servers)', true, async () => {}],
    [`PostgreSQL${postgresUrl ? '' : ` (skipped: ${postgresProblem})`}`, !!postgresUrl, async () => {
      process.env.DATABASE_URL = await postgresDatabase(prefix);
    }],
  ];
}

/** Puts these environment variables back as they were when this was called (to run after all tests). */
export function restoreEnv(names: readonly string[]): () => void {
  const saved = { ...process.env };
  return () => {
    for (const name of names) if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  };
}

/**
 * Two servers on a fresh register named `name`: the `cleared` settings unset, then `defaults` and
 * `settings` applied. The first server's first start makes the development key, which the second then
 * reads from the folder.
 */
export async function twoServers(
  name: string,
  prepare: () => Promise<void>,
  { cleared, defaults, settings }: { cleared: readonly string[]; defaults: Record<string, string>; settings: Record<string, string> },
): Promise<[Server, Server]> {
  useThrowawayRegister(name);
  await prepare();
  for (const s of cleared) delete process.env[s];
  Object.assign(process.env, { ...defaults, ...settings });
  const a = await server();
  const first = await post(a.start, '', passingRequest('x'), '192.0.2.1');
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  return [a, await server()];
}
