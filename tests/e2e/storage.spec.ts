import { expect, test } from '@playwright/test';
import { answerAll, homePath, LOCALES, modulePath, openModule, progressPath, quizzes, t } from './course';

const KEY = 'smkurss.progress';

for (const locale of LOCALES) {
  test(`garbage in storage: every page works and tells the learner (${locale})`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"version":1,"modules":{"x":');
        sessionStorage.setItem('seeded', '1');
      }
    }, KEY);
    await page.goto(homePath(locale));
    await expect(page.getByTestId('storage-notice')).toHaveAttribute('data-notice', 'corrupt');
    await expect(page.getByTestId('storage-notice')).toContainText(t(locale, 'notice.corrupt'));
    await expect(page.getByTestId('module-card')).toHaveCount(quizzes.length);
    // The unreadable data is kept aside, not destroyed.
    expect(await page.evaluate(() => localStorage.getItem('smkurss.progress.unreadable'))).toBe('{"version":1,"modules":{"x":');
    await openModule(page, locale, quizzes[0]!.moduleId);
    await answerAll(page, locale, quizzes[0]!, 'best');
    await page.goto(progressPath(locale));
    await expect(page.locator(`[data-testid="progress-row"][data-module="${quizzes[0]!.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    expect(errors).toEqual([]);
  });

  test(`wrong types in storage are repaired with a notice (${locale})`, async ({ page }) => {
    await page.addInitScript((key) => {
      localStorage.setItem(key, JSON.stringify({ version: 1, learnerName: 7, modules: { 'komunikacijas-principi': { status: 'passed', attempts: 'lots' } } }));
    }, KEY);
    await page.goto(homePath(locale));
    await expect(page.getByTestId('storage-notice')).toHaveAttribute('data-notice', 'repaired');
    await expect(page.locator('[data-module="komunikacijas-principi"]')).not.toHaveAttribute('data-status', 'passed');
  });

  test(`storage unavailable: the course works in memory and says so (${locale})`, async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await openModule(page, locale, quizzes[0]!.moduleId);
    await expect(page.getByTestId('storage-notice')).toHaveAttribute('data-notice', 'unavailable');
    await answerAll(page, locale, quizzes[0]!, 'best');
    await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
  });
}

test('tabs stay in sync', async ({ context }) => {
  const home = await context.newPage();
  await home.goto(homePath('lv'));
  const card = home.locator(`[data-module="${quizzes[0]!.moduleId}"]`);
  await expect(card).toHaveAttribute('data-status', 'not-started');
  const learner = await context.newPage();
  await openModule(learner, 'lv', quizzes[0]!.moduleId);
  await answerAll(learner, 'lv', quizzes[0]!, 'best');
  await expect(card).toHaveAttribute('data-status', 'passed');
});

test('the language switch keeps the page, and the root leads to Latvian', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/lv\/$/);
  await page.goto(modulePath('lv', quizzes[1]!.moduleId));
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(new RegExp(`${modulePath('en', quizzes[1]!.moduleId)}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(new RegExp(`${modulePath('lv', quizzes[1]!.moduleId)}$`));
});
