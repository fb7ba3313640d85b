import { defineConfig } from 'vitest/config';
import { localFinalTestBank } from './scripts/local-final-test-bank.mjs';

export default defineConfig({
  // The server's bank imports the institution's final-test items as the build bundles them (none
  // unless INSTITUTION_FILE names an institution with them).
  plugins: [localFinalTestBank()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A throw-away PostgreSQL cluster for the register's suite (see scripts/pg-cluster.mjs).
    globalSetup: ['tests/unit/server/postgres-global-setup.ts'],
  },
});
