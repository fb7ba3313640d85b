import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { passingRequest, startServer, type RunningServer } from '../../src/cli/register-servers';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { issuerProfile } from '../../src/server/issuer-config';
import { LOCALES, t } from './course';

// A server of this spec's own on 127.0.0.1:4550 whose public address (COURSE_URL) is its own, so
// the certificates it issues point to a status list on the verify page's origin, as on a real
// installation; the issuer id stays the one the build embedded. Its register is a fresh SQLite file.
const PORT = 4550;
const register = join(mkdtempSync(join(tmpdir(), 'register-e2e-')), 'register.sqlite');
// The register's own suite issues certificates straight from the API: the modules path, explicitly
// (the final test's way to a certificate is tests/e2e/final-test.spec.ts).
const env = { COURSE_URL: `http://127.0.0.1:${PORT}`, CERT_ISSUER_ID: issuerProfile().id, CERT_REGISTER_FILE: register, CERT_RATE_LIMIT: '1000', CERT_ASSESSMENT: 'modules' };
let server: RunningServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer(PORT, env);
});
test.afterAll(async () => {
  await server?.stop();
});

async function issue(name: string): Promise<{ token: string; id: string }> {
  const response = await fetch(`${server.url}/api/certificates/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passingRequest(name, 'Valsts kanceleja')) });
  expect(response.status).toBe(201);
  const body = await response.json();
  return { token: body.token, id: body.credential.id };
}

const admin = (...args: string[]) => execFileSync('npx', ['tsx', 'src/cli/certificates.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

async function check(page: Page, locale: Locale, token: string) {
  await page.getByTestId('verify-paste').fill(token);
  await page.getByRole('button', { name: t(locale, 'verify.check'), exact: true }).click();
  return page.getByTestId('verify-row').first();
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations).toEqual([]);
}

test('npm run verify asks the course for revocation: exit 0 when checked and valid, 1 once revoked, 3 when it could not check', async () => {
  const { token, id } = await issue('Līga Kalniņa');
  const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
  const file = join(dir, 'liga.jwt');
  writeFileSync(file, token);
  const verify = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/verify.ts', file, '--lang', 'en', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  const checked = verify();
  expect(checked.stdout).toContain(t('en', 'verify.status.valid-checked'));
  expect(checked.status).toBe(0);
  const offline = verify('--offline');
  expect(offline.stdout).toMatch(/Valid — revocation not checked \(offline\)/);
  expect(offline.status).toBe(3);
  // The administrator sees whose certificate was revoked.
  const revoked = admin('revoke', id, '--reason', 'issued-in-error', '--lang', 'en');
  expect(revoked).toContain('Līga Kalniņa');
  const after = verify();
  expect(after.status).toBe(1);
  admin('unrevoke', id);
});

for (const locale of LOCALES) {
  test(`a revoked certificate shows as revoked with its date and reason on the verify page (${locale})`, async ({ page }) => {
    const { token, id } = await issue(locale === 'lv' ? 'Anna Bērziņa' : 'Jānis Ozols');
    await page.goto(`${server.url}${pathTo(locale, { page: 'verify' })}`);
    const before = await check(page, locale, token);
    await expect(before).toHaveAttribute('data-status', 'valid');
    await expect(before.locator('.badge')).toHaveText(t(locale, 'verify.status.valid-checked'));

    expect(admin('revoke', id, '--reason', 'fraud')).toContain(id);
    await page.reload();
    const after = await check(page, locale, token);
    await expect(after).toHaveAttribute('data-status', 'revoked');
    const day = new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', locale === 'lv' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' }).format(new Date()).replace(/\.$/, '');
    await expect(after.locator('.badge')).toHaveText(t(locale, 'verify.status.revoked', { date: day, reason: t(locale, 'verify.revocationReason.fraud') }));
    await expect(after.getByTestId('verify-reason')).toContainText(t(locale, 'verify.reason.revoked'));
    await axe(page);

    // Undone, the next check says valid again.
    admin('unrevoke', id);
    await page.reload();
    await expect((await check(page, locale, token)).locator('.badge')).toHaveText(t(locale, 'verify.status.valid-checked'));
  });

  test(`offline, a certificate is "valid — revocation not checked (offline)", even a revoked one (${locale})`, async ({ page, context }) => {
    const { token, id } = await issue('Līga Kalniņa');
    admin('revoke', id, '--reason', 'issued-in-error');
    await page.goto(`${server.url}${pathTo(locale, { page: 'verify' })}`);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // The page has loaded what it fetches when idle (the verifier); then the line drops.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    const row = await check(page, locale, token);
    await expect(row).toHaveAttribute('data-status', 'valid');
    await expect(row.locator('.badge')).toHaveText(t(locale, 'verify.status.valid-offline'));
    await axe(page);
    await context.setOffline(false);
  });

  test(`the status list is fetched from the page's own origin only (${locale})`, async ({ page }) => {
    const { token } = await issue('Pēteris Liepa');
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.goto(`${server.url}${pathTo(locale, { page: 'verify' })}`);
    await check(page, locale, token);
    await expect(page.getByTestId('verify-row').first().locator('.badge')).toHaveText(t(locale, 'verify.status.valid-checked'));
    expect([...origins]).toEqual([server.url]);
  });
}

test('with the database unreachable, issuing answers 503 with a clear message, and the verify page keeps working (both locales)', async ({ page }) => {
  const down = await startServer(PORT + 1, { ...env, COURSE_URL: `http://127.0.0.1:${PORT + 1}`, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  try {
    const response = await fetch(`${down.url}/api/certificates/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passingRequest('Anna Bērziņa')) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'register-unavailable' });
    expect((await fetch(`${down.url}/status/1/`)).status).toBe(503);
    const { token } = await issue('Anna Bērziņa');
    for (const locale of LOCALES) {
      await page.goto(`${down.url}${pathTo(locale, { page: 'verify' })}`);
      const row = await check(page, locale, token);
      await expect(row).toHaveAttribute('data-status', 'valid');
      // The other server's list is another origin here: not asked, and said so.
      await expect(row.locator('.badge')).toHaveText(t(locale, 'verify.status.valid-unchecked'));
    }
    // The learner's certificate page says what happened and keeps their results.
    for (const locale of LOCALES) {
      await page.goto(`${down.url}${pathTo(locale, { page: 'certificate' })}`);
      await page.evaluate((body) => localStorage.setItem('smkurss.progress', body), progressFor());
      await page.reload();
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      await page.getByLabel(t(locale, 'cert.name')).fill('Anna Bērziņa');
      await page.getByRole('button', { name: t(locale, 'cert.request') }).click();
      await expect(page.getByText(t(locale, 'cert.error.register-unavailable'))).toBeVisible();
      await axe(page);
    }
  } finally {
    await down.stop();
  }
});

/** Progress with every module passed, from the same answers the API requests use. */
function progressFor(): string {
  const { logs, draws } = passingRequest('x');
  const modules = Object.fromEntries(Object.entries(logs).map(([id, log]) => [id, { status: 'passed', bestPercent: 100, attempts: 1, current: null, bestLog: log, bestDraw: draws[id], startedAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', passedAt: '2026-11-01T10:00:00Z' }]));
  return JSON.stringify({ version: 2, learnerName: '', modules, certificate: null });
}
