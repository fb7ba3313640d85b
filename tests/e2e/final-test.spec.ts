import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/cli/register-servers';
import { pathTo } from '../../src/lib/i18n/routes';
import { finalTestStrings } from '../../src/lib/i18n/strings/final-test';
import { BROWSER_ID_KEY } from '../../src/lib/final-test/browser-id';
import type { Locale } from '../../src/lib/i18n/locales';
import { issuerProfile } from '../../src/server/issuer-config';
import { leadsOn } from '../../src/lib/quiz/scenario';
import { passEverything } from './certificates';
import { homePath, LOCALES, progressPath, quizzes, t } from './course';
import { answerAllByKeyboard, answerStepByKeyboard, RESULT_KEY, scenarioAt, SESSION_KEY, sessionOf, tabTo } from './final-test-helpers';

// The learner's way from the modules to a certificate through the server-graded final test, by
// keyboard, in both locales. The key is read in Node from the repository's bank (see
// final-test-helpers.ts); the browser only ever gets the items of one attempt, without keys.

const finalPath = (locale: Locale) => pathTo(locale, { page: 'final-test' });
const certPath = (locale: Locale) => pathTo(locale, { page: 'certificate' });

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

const state = (page: Page) => page.getByTestId('final-test');

async function startByKeyboard(page: Page, locale: Locale) {
  const s = finalTestStrings[locale];
  await expect(state(page)).toHaveAttribute('data-state', 'start');
  await tabTo(page, page.getByRole('button', { name: s.start }));
  await page.keyboard.press('Enter');
  await expect(state(page)).toHaveAttribute('data-state', 'answering');
}

for (const locale of LOCALES) {
  const s = finalTestStrings[locale];

  test(`from the modules through the final test to a certificate that names it, by keyboard, with a reload in the middle (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    await passEverything(page);
    // Every place that says the course is done leads to the final test.
    await page.goto(homePath(locale));
    await expect(page.getByTestId('home-primary')).toHaveText(t(locale, 'start.finalTest'));
    await expect(page.getByTestId('home-primary')).toHaveAttribute('href', finalPath(locale));
    await page.goto(progressPath(locale));
    await expect(page.getByTestId('progress-next')).toHaveAttribute('href', finalPath(locale));
    await page.goto(certPath(locale));
    await expect(page.getByTestId('cert-needs-final-test')).toBeVisible();
    await expect(page.getByLabel(t(locale, 'cert.name'))).toHaveCount(0);
    await page.getByTestId('cert-to-final-test').click();
    await expect(page).toHaveURL(new RegExp(`${finalPath(locale)}$`));
    await axe(page, 'start');

    await startByKeyboard(page, locale);
    await axe(page, 'item');
    const first = await sessionOf(page);
    const story = first.items.findIndex((item) => item.story);
    expect(story, 'every attempt has a story').toBeGreaterThanOrEqual(0);
    expect(first.items[story]!.steps, 'a story comes with its first step only').toHaveLength(1);

    // Half the items, then a reload: the attempt resumes where it was, answers kept.
    const half = Math.floor(first.items.length / 2);
    await answerAllByKeyboard(page, 'best', (index) => index >= half);
    const before = await sessionOf(page);
    await page.reload();
    await expect(page.getByText(s.resumed)).toBeVisible();
    const after = await sessionOf(page);
    expect(after.answers).toEqual(before.answers);
    expect(after.token).toBe(before.token);
    await expect(state(page).locator('.counter')).toContainText(String(before.at + 1));
    await page.getByTestId('final-test').locator('legend').focus();

    // The rest, the story step by step: each step appears only after the one before is answered.
    for (let guard = 0; guard < 200; guard++) {
      if ((await state(page).getAttribute('data-state')) === 'review') break;
      await expect(state(page).locator('form')).toBeVisible();
      const { index, depth } = await answerStepByKeyboard(page, 'best');
      if (index === story) {
        const served = (await sessionOf(page)).items[story]!;
        expect(served.steps.length).toBeGreaterThanOrEqual(depth + 1);
      }
    }
    const done = await sessionOf(page);
    expect(done.items[story]!.ended).toBe(true);
    expect(done.items[story]!.steps.length).toBe(done.answers[story]!.length);
    await expect(state(page)).toHaveAttribute('data-state', 'review');
    await expect(page.getByTestId('final-review-answers').getByText(s.notAnswered)).toHaveCount(0);
    await axe(page, 'review');

    await tabTo(page, page.getByRole('button', { name: s.submit }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('final-result')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('final-result')).toContainText(s.passedHeading);
    await axe(page, 'result');
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();

    // The result survives a reload and goes with the certificate request.
    await page.getByRole('link', { name: s.toCertificate }).click();
    await page.reload();
    await expect(page.getByTestId('cert-will-attest')).toContainText(locale === 'lv' ? 'noslēguma testu' : 'final test');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.getByLabel(t(locale, 'cert.name')).fill('Anna Bērziņa');
    await page.getByRole('button', { name: t(locale, 'cert.request') }).click();
    await expect(page.getByTestId('certificate')).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    const finalRow = t(locale, 'certificate.finalTestResult', { date: today });
    await expect(page.getByTestId('cert-attests')).toContainText(finalRow);
    await expect(page.getByTestId('cert-attests')).toContainText('100');
    await expect(page.getByTestId('certificate')).toContainText(finalRow);
    // The result gave its certificate and is spent.
    expect(await page.evaluate((key) => localStorage.getItem(key), RESULT_KEY)).toBeNull();
    await axe(page, 'certificate');
    await page.getByTestId('verify-link').click();
    const row = page.getByTestId('verify-row').first();
    await expect(row).toHaveAttribute('data-status', 'valid');
    // The QR link's signed summary carries the final test: the verify page shows its score and date.
    await expect(row.getByTestId('verify-final-test')).toHaveText(new RegExp(`^${locale === 'lv' ? 'Noslēguma tests nokārtots' : 'Final test passed on'} .*100\\s?%\\.$`));
    await axe(page, 'verify');
  });
}

test.describe('a failed final test and the attempt limit', () => {
  let server: RunningServer;
  // A server of its own: three attempts a day per client, a wait of 0.1 minutes after two failed
  // attempts in a row (the back-off; an hour by default), a fresh register.
  test.beforeEach(async ({}, info) => {
    const port = Number(process.env.E2E_PORT ?? 4329) + 20 + info.workerIndex;
    const register = join(mkdtempSync(join(tmpdir(), 'final-test-e2e-')), 'register.sqlite');
    server = await startServer(port, { COURSE_URL: `http://127.0.0.1:${port}`, CERT_ISSUER_ID: issuerProfile().id, CERT_REGISTER_FILE: register, FINAL_TEST_ATTEMPTS: '3', FINAL_TEST_BACKOFF_AFTER: '2', FINAL_TEST_BACKOFF_MINUTES: '0.1' });
  });
  test.afterEach(async () => {
    await server?.stop();
  });

  for (const locale of LOCALES) {
    const s = finalTestStrings[locale];
    test(`a fail lists the modules to review with links, a retry starts anew, the back-off and the limit say when to come back, and after the back-off the learner can try again (${locale})`, async ({ page }) => {
      test.setTimeout(180_000);
      await passEverything(page);
      await page.goto(`${server.url}${finalPath(locale)}`);
      await startByKeyboard(page, locale);
      for (const attempt of [1, 2]) {
        await answerAllByKeyboard(page, 'worst');
        await tabTo(page, page.getByRole('button', { name: s.submit }));
        await page.keyboard.press('Enter');
        const result = page.getByTestId('final-result');
        await expect(result).toHaveAttribute('data-passed', 'false');
        const links = page.getByTestId('final-review').getByRole('link');
        expect(await links.count()).toBeGreaterThan(0);
        const titles = quizzes.map((q) => q.moduleId);
        for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
          expect(titles.some((id) => href === pathTo(locale, { page: 'module', id }))).toBe(true);
        if (attempt === 1) await axe(page, 'failed result');
        await tabTo(page, page.getByRole('button', { name: s.retry }));
        await page.keyboard.press('Enter');
        if (attempt === 1) await expect(state(page)).toHaveAttribute('data-state', 'answering');
      }
      // After two failed attempts in a row the third start waits: a clear message with the time to come back.
      const problem = page.getByTestId('final-test-problem');
      await expect(problem).toBeVisible();
      await expect(problem).toContainText(s.backoff.split('{time}')[0]!.trim());
      await expect(problem).toContainText(/\d{1,2}[:.]\d{2}/);
      await axe(page, 'back-off');
      // Once the wait is over (0.1 minutes here), the learner can try again.
      await page.waitForTimeout(6_500);
      await tabTo(page, page.getByRole('button', { name: s.start }));
      await page.keyboard.press('Enter');
      await expect(state(page)).toHaveAttribute('data-state', 'answering');
      await expect(problem).toHaveCount(0);
      // The third attempt fails too; once its back-off is over, a fourth start is over this
      // browser's limit of three a day. (Dropping the attempt from the browser instead meets the
      // open-attempt rule, whose message also says „You can start a new attempt after…”.)
      await answerAllByKeyboard(page, 'worst');
      await tabTo(page, page.getByRole('button', { name: s.submit }));
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('final-result')).toHaveAttribute('data-passed', 'false');
      await page.waitForTimeout(6_500);
      await tabTo(page, page.getByRole('button', { name: s.retry }));
      await page.keyboard.press('Enter');
      await expect(problem).toBeVisible();
      await expect(problem).not.toContainText(s.attemptOpen.split('{time}')[0]!.trim());
      await expect(problem).toContainText(s.attemptsUsed.split('{time}')[0]!.trim());
      await expect(problem).toContainText(/\d{1,2}[:.]\d{2}/);
      await axe(page, 'limit');
      // No result kept, so the certificate page still leads to the final test.
      await page.goto(`${server.url}${certPath(locale)}`);
      await expect(page.getByTestId('cert-needs-final-test')).toBeVisible();
    });
  }
});

test.describe('colleagues behind one address: each browser its own attempt, inside the address’s shared limit', () => {
  let server: RunningServer;
  // A server of its own with the default of one open attempt per client (the suite's shared
  // server allows a thousand), and the address as a whole allowed two at once
  // (FINAL_TEST_SHARED_FACTOR=2): every browser here comes from 127.0.0.1, one address.
  test.beforeEach(async ({}, info) => {
    const port = Number(process.env.E2E_PORT ?? 4329) + 30 + info.workerIndex;
    const register = join(mkdtempSync(join(tmpdir(), 'final-test-open-')), 'register.sqlite');
    server = await startServer(port, { COURSE_URL: `http://127.0.0.1:${port}`, CERT_ISSUER_ID: issuerProfile().id, CERT_REGISTER_FILE: register, FINAL_TEST_ATTEMPTS: '10', FINAL_TEST_SHARED_FACTOR: '2' });
  });
  test.afterEach(async () => {
    await server?.stop();
  });

  for (const locale of LOCALES) {
    const s = finalTestStrings[locale];
    test(`two browsers from one address each start their own attempt; a tab of the first continues its own; a third is told plainly that the address's limit is reached (${locale})`, async ({ browser }) => {
      test.setTimeout(150_000);
      const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext()));
      const [first, second, third] = contexts as [BrowserContext, BrowserContext, BrowserContext];
      const startIn = async (context: BrowserContext) => {
        const page = await context.newPage();
        await passEverything(page);
        await page.goto(`${server.url}${finalPath(locale)}`);
        await expect(state(page)).toHaveAttribute('data-state', 'start');
        return page;
      };
      try {
        const a = await startIn(first);
        // A second tab of the first browser, opened before the attempt starts.
        const a2 = await startIn(first);
        await startByKeyboard(a, locale);
        // A colleague's browser on the same address: its own attempt (before the browser ids, 409 attempt-open).
        const b = await startIn(second);
        await startByKeyboard(b, locale);
        await expect(b.getByTestId('final-test-problem')).toHaveCount(0);
        const [idA, idB] = await Promise.all([a, b].map((p) => p.evaluate((key) => localStorage.getItem(key), BROWSER_ID_KEY)));
        expect(idA).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(idB).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(idB).not.toBe(idA);
        const token = (p: Page) => p.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').token, SESSION_KEY);
        expect(await token(b)).not.toBe(await token(a));
        // The first browser's other tab: its own attempt is open, so its start continues it.
        await tabTo(a2, a2.getByRole('button', { name: s.start }));
        await a2.keyboard.press('Enter');
        await expect(state(a2)).toHaveAttribute('data-state', 'answering');
        await expect(a2.getByTestId('final-test-problem')).toHaveCount(0);
        expect(await token(a2)).toBe(await token(a));
        await axe(a2, 'attempt continued');
        // A third browser: two attempts are open on the address (1 × 2), refused with the shared limit's words and the time.
        const c = await startIn(third);
        await tabTo(c, c.getByRole('button', { name: s.start }));
        await c.keyboard.press('Enter');
        const problem = c.getByTestId('final-test-problem');
        await expect(problem).toBeVisible();
        await expect(problem).toContainText(s.sharedAttemptOpen.split('{time}')[0]!.trim());
        await expect(problem).toContainText(/\d{1,2}[:.]\d{2}/);
        await expect(problem).not.toContainText(/attempt-open|409|token|127\.0\.0\.1/i);
        await expect(state(c)).toHaveAttribute('data-state', 'start');
        await expect(c.getByRole('button', { name: s.submit })).toHaveCount(0);
        await axe(c, 'the address’s open attempts');
      } finally {
        await Promise.all(contexts.map((context) => context.close()));
      }
    });
  }
});

test('broken storage never breaks the final test or the certificate page', async ({ page }) => {
  await passEverything(page);
  await page.addInitScript(([a, b]) => {
    localStorage.setItem(a!, '{"token":1,"items":"x"');
    localStorage.setItem(b!, 'not.a.token');
  }, [SESSION_KEY, RESULT_KEY]);
  await page.goto(finalPath('en'));
  await expect(state(page)).toHaveAttribute('data-state', 'start');
  await page.goto(certPath('en'));
  await expect(page.getByTestId('cert-needs-final-test')).toBeVisible();
});

test('without a server there is no final test, and the unsigned record says so (static hosting)', async ({ page }) => {
  await passEverything(page, 'Līga Kalniņa');
  await page.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  for (const locale of LOCALES) {
    await page.goto(finalPath(locale));
    await expect(page.getByTestId('final-test-unavailable')).toHaveText(finalTestStrings[locale].noServer);
    await axe(page, 'no server');
  }
  await page.goto(certPath('en'));
  await expect(page.getByTestId('cert-will-attest')).toHaveText(t('en', 'cert.attestsNone'));
  await page.getByRole('button', { name: t('en', 'cert.request') }).click();
  await page.getByRole('button', { name: t('en', 'cert.unsignedButton') }).click();
  await expect(page.getByTestId('unsigned-mark')).toBeVisible();
  await expect(page.getByText(t('en', 'cert.unsignedNote'))).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('en', 'cert.downloadRecord') }).click();
  const { readFileSync } = await import('node:fs');
  const record = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(record).toMatchObject({ signed: false, attests: t('en', 'cert.unsignedAttests') });
});

test('the final test page reads the stored story answers without showing any key', async ({ page }) => {
  await passEverything(page);
  await page.goto(finalPath('lv'));
  await startByKeyboard(page, 'lv');
  const session = await sessionOf(page);
  // What the browser holds of the attempt: the first step of each item, no feedback, no marks.
  expect(JSON.stringify(session.items)).not.toMatch(/correct|feedback|points|"next"/);
  for (const [i, item] of session.items.entries()) expect(item.story).toBe(leadsOn(scenarioAt(session.token, i)));
});
