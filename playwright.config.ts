import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

// E2E_PORT lets two checkouts run their end-to-end tests side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous: the machine has two cores, and a whole-module journey under load takes tens of seconds.
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } } }],
  // Serves the production build through the production server (headers, compression), as a
  // deployment would; npm run test:e2e builds first.
  webServer: {
    command: `node scripts/start.mjs`,
    // The default assessment (the final test before a certificate); many specs take a final test,
    // all from 127.0.0.1, so the per-client attempt limit is lifted here (final-test.spec.ts runs
    // its own servers to test that limit), and so is the back-off after failed attempts in a row.
    env: { HOST: '127.0.0.1', PORT: String(port), FINAL_TEST_ATTEMPTS: '1000', FINAL_TEST_BACKOFF_MINUTES: '0', FINAL_TEST_OPEN_ATTEMPTS: '1000', FINAL_TEST_REQUESTS: '100000' },
    url: `http://127.0.0.1:${port}/lv/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
