import AxeBuilder from '@axe-core/playwright';
import { pathTo } from '../../src/lib/i18n/routes';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, passFirstTwins, entryShown, homePath, LOCALES, modulePath, openModule, progressPath, quizzes, submitAnswer, t } from './course';

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, what).toEqual([]);
}

for (const locale of LOCALES) {
  const pages = [homePath(locale), progressPath(locale), pathTo(locale, { page: 'certificate' }), pathTo(locale, { page: 'verify' }), pathTo(locale, { page: 'workshop' }), ...quizzes.flatMap((q) => [modulePath(locale, q.moduleId), pathTo(locale, { page: 'guide', id: q.moduleId }), pathTo(locale, { page: 'handout', id: q.moduleId })])];
  for (const path of pages) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'lv' ? 'lv-LV' : 'en-GB');
      await expectNoViolations(page, path);
    });
  }

  test(`axe finds no violations in the quiz's states (${locale})`, async ({ page }) => {
    // Four axe runs over long module pages: about 20 s on a quiet machine, past 30 s on a busy one.
    test.setTimeout(90_000);
    const quiz = quizzes[0]!;
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    await expectNoViolations(page, 'question');
    await passFirstTwins(page, locale, quiz);
    await submitAnswer(page, locale, await entryShown(page, quiz, 'worst'));
    await expectNoViolations(page, 'feedback');
    await page.goto(modulePath(locale, quizzes[1]!.moduleId));
    await answerAll(page, locale, quizzes[1]!, 'worst');
    await expectNoViolations(page, 'result (failed, with review)');
    await page.goto(homePath(locale));
    await expectNoViolations(page, 'home with progress');
  });

  test(`works at 320 px without horizontal scrolling (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of [homePath(locale), progressPath(locale), modulePath(locale, quizzes[0]!.moduleId)]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await openModule(page, locale, quizzes[0]!.moduleId);
    await page.getByTestId('quiz-start').click();
    await submitAnswer(page, locale, await entryShown(page, quizzes[0]!, 'best'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
