import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A throw-away PostgreSQL cluster for the register's suite (see scripts/pg-cluster.mjs).
    globalSetup: ['tests/unit/server/postgres-global-setup.ts'],
  },
});
