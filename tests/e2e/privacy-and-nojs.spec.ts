import { expect, test } from '@playwright/test';
import { answerAll, homePath, LOCALES, modulePath, openModule, progressPath, quizzes, t } from './course';

test('no request leaves the site’s own origin', async ({ page, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(r.url());
  });
  for (const locale of LOCALES) {
    for (const path of [homePath(locale), progressPath(locale), ...quizzes.map((q) => modulePath(locale, q.moduleId))]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    await openModule(page, locale, quizzes[0]!.moduleId);
    await answerAll(page, locale, quizzes[0]!, 'best');
  }
  expect(foreign).toEqual([]);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  for (const locale of LOCALES) {
    test(`a lesson is fully readable and the quiz says it needs JavaScript (${locale})`, async ({ page }) => {
      await page.goto(modulePath(locale, quizzes[0]!.moduleId));
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('.prose h2').first()).toBeVisible();
      expect((await page.locator('.prose').innerText()).length).toBeGreaterThan(2000);
      await expect(page.getByText(t(locale, 'module.keyPoints'))).toBeVisible();
      // Playwright disables scripts after parsing starts, so Chromium keeps <noscript> as raw text
      // here (a browser with JavaScript switched off renders it); check the markup instead.
      expect(await page.locator('.quiz-section noscript').textContent()).toContain(t(locale, 'quiz.noscript'));
      await page.goto(homePath(locale));
      await expect(page.getByTestId('module-card')).toHaveCount(quizzes.length);
      await expect(page.getByTestId('module-card').first().getByRole('link').first()).toBeVisible();
      expect(await page.locator('main noscript').first().textContent()).toContain(t(locale, 'home.noscript'));
    });
  }
});
