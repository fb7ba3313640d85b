import type { TestProject } from 'vitest/node';
import { startCluster } from '../../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away cluster's URL, or '' when PostgreSQL could not be started here (never in CI). */
    postgresUrl: string;
    postgresProblem: string;
  }
}

/**
 * Starts the throw-away PostgreSQL cluster the register's suite runs against, once per test run,
 * and stops it at the end. On a developer's machine without PostgreSQL the PostgreSQL half is
 * skipped with the reason printed; in CI (CI=true) that is a failure, never a silent skip.
 */
export default async function setup(project: TestProject) {
  let cluster: { url: string; stop(): void } | undefined;
  try {
    cluster = await startCluster();
    project.provide('postgresUrl', cluster!.url);
    project.provide('postgresProblem', '');
  } catch (error) {
    if (process.env.CI) throw error;
    console.warn(`\n⚠  The register's PostgreSQL tests are skipped: ${(error as Error).message}\n`);
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', (error as Error).message);
  }
  return () => cluster?.stop();
}
