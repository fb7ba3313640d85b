import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import { format } from '../../src/lib/i18n/translate';
import { answered, answerShown, homePath, LOCALES, modulePath, next, openModule, quizzes, shownQuestion, submitAnswer, t } from './course';
import { bestAnswersOf } from '../../src/lib/quiz/scenario';

const ISLAND = '**/_astro/QuizPlayer*.js*';

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

for (const locale of LOCALES) {
  test(`a slow quiz script shows a loading state; a blocked one a message with a retry that loads it (${locale})`, async ({ page }) => {
    const id = quizzes[0]!.moduleId;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(ISLAND, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(modulePath(locale, id));
    await expect(page.getByTestId('quiz-loading')).toContainText(t(locale, 'player.loading'));
    await expect(page.getByTestId('quiz-load-error')).toBeEmpty();
    release();
    await expect(page.getByTestId('quiz')).toBeVisible();
    await expect(page.getByTestId('quiz-loading')).toHaveCount(0);

    await page.unroute(ISLAND);
    await page.route(ISLAND, (route) => route.abort('blockedbyclient'));
    await page.reload();
    const error = page.getByTestId('quiz-load-error');
    await expect(error).toContainText(t(locale, 'player.loadError'), { timeout: 15_000 });
    await expect(page.getByTestId('quiz-loading')).toBeHidden();
    await axe(page, 'load error');
    await page.unroute(ISLAND);
    await error.getByRole('button', { name: t(locale, 'player.loadRetry') }).click();
    await expect(page.getByTestId('quiz')).toBeVisible({ timeout: 15_000 });
    await expect(error).toBeEmpty();
    await page.getByTestId('quiz-start').click();
    await expect(page.getByTestId('quiz').locator('form')).toBeVisible();
  });

  test(`an unanswered submit shows a distinct error, announced, with focus on it (${locale})`, async ({ page }) => {
    await openModule(page, locale, quizzes[0]!.moduleId);
    await page.getByTestId('quiz-start').click();
    await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
    const summary = page.getByTestId('quiz-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary.getByRole('heading')).toHaveText(t(locale, 'player.errorSummary'));
    const hint = (await page.locator('#quiz-hint').textContent())!.trim();
    const inline = page.getByTestId('quiz-error');
    await expect(inline).toContainText(t(locale, 'player.errorPrefix'));
    expect((await inline.textContent())!.trim()).not.toBe(hint);
    // The group names the error for screen readers, too.
    await expect(page.getByTestId('quiz').locator('fieldset')).toHaveAccessibleDescription(new RegExp(t(locale, 'player.errorPrefix')));
    await axe(page, 'empty-submit error');
    await summary.getByRole('link').click();
    await expect(page.locator('input[name="answer"]').first()).toBeFocused();
  });

  test(`the resumed note shows once, and the question stays above its feedback (${locale})`, async ({ page }) => {
    const quiz = quizzes[0]!;
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    const first = await shownQuestion(page);
    const question = (await page.locator('legend').textContent())!.trim();
    const entry = bestAnswersOf(quiz.scenarios.find((s) => s.id === first.scenario)!).find((e) => e.step === first.step)!;
    await submitAnswer(page, locale, entry);
    await expect(page.getByTestId('feedback-question')).toContainText(question);
    const questionBox = (await page.getByTestId('feedback-question').boundingBox())!;
    const feedbackBox = (await answered(page).boundingBox())!;
    expect(questionBox.y).toBeLessThan(feedbackBox.y);
    await next(page);
    await page.reload();
    await expect(page.getByTestId('quiz-resumed')).toHaveText(t(locale, 'quiz.resumed'));
    const again = await shownQuestion(page);
    const s = quiz.scenarios.find((x) => x.id === again.scenario)!;
    await submitAnswer(page, locale, bestAnswersOf(s).find((e) => e.step === again.step)!);
    await next(page);
    await expect(page.getByTestId('quiz').locator('form').or(page.getByTestId('result'))).toBeVisible();
    await expect(page.getByTestId('quiz-resumed')).toHaveCount(0);
  });

  test(`a passed result leads to the next module; a failed one has retry on top and a collapsible review (${locale})`, async ({ page }) => {
    const [firstId, secondId] = await courseOrder(page, locale);
    const quiz = quizzes.find((q) => q.moduleId === firstId)!;
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    await answerShown(page, locale, quiz, 'worst');
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-passed', 'false');
    const retry = page.getByTestId('result-retry');
    const firstItem = page.getByTestId('review-item').first();
    expect((await retry.boundingBox())!.y).toBeLessThan((await firstItem.boundingBox())!.y);
    await expect(page.getByTestId('review-item')).not.toHaveCount(0);
    for (const item of await page.getByTestId('review-item').all()) await expect(item).not.toHaveAttribute('open');
    await firstItem.locator('summary').click();
    await expect(firstItem).toHaveAttribute('open');
    await expect(firstItem.locator('p').first()).toBeVisible();
    await axe(page, 'failed result');

    await retry.click();
    await page.getByTestId('quiz-start').or(page.getByTestId('quiz').locator('form')).first().waitFor();
    if (await page.getByTestId('quiz-start').isVisible()) await page.getByTestId('quiz-start').click();
    await answerShown(page, locale, quiz, 'best');
    await expect(result).toHaveAttribute('data-passed', 'true');
    const nextLink = page.getByTestId('result-next');
    await expect(nextLink).toHaveText(format(t(locale, 'player.nextModule'), { title: await titleOf(page, locale, secondId!) }));
    await expect(nextLink).toHaveAttribute('href', modulePath(locale, secondId!));
    await expect(nextLink).not.toHaveClass(/secondary/);
    await expect(page.getByTestId('result-retry')).toHaveClass(/secondary/);
    await expect(page.getByTestId('result-certificate')).toHaveCount(0);
  });

  test(`"continue" on the home page opens the quiz where the learner left it (${locale})`, async ({ page }) => {
    const quiz = quizzes[1]!;
    await openModule(page, locale, quiz.moduleId);
    await expect(page.locator('#quiz')).toBeAttached();
    await page.getByTestId('quiz-start').click();
    const first = await shownQuestion(page);
    await submitAnswer(page, locale, bestAnswersOf(quiz.scenarios.find((s) => s.id === first.scenario)!).find((e) => e.step === first.step)!);
    await page.goto(homePath(locale));
    const primary = page.getByTestId('home-primary');
    await expect(primary).toHaveAttribute('href', `${modulePath(locale, quiz.moduleId)}#quiz`);
    await expect(page.getByTestId('home-primary')).toHaveCount(1);
    await expect(page.locator(`[data-module="${quiz.moduleId}"] a.button`)).toHaveAttribute('href', `${modulePath(locale, quiz.moduleId)}#quiz`);
    await primary.click();
    await expect(answered(page)).toBeVisible();
    await expect(answered(page)).toBeInViewport();
  });

  test(`the home page has one primary action: start, then the final test when all is passed, then the certificate (${locale})`, async ({ page }) => {
    await page.goto(homePath(locale));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByTestId('home-primary')).toHaveText(t(locale, 'start.course'));
    await expect(page.getByTestId('home-primary')).toHaveAttribute('href', modulePath(locale, (await courseOrder(page, locale))[0]!));
    await expect(page.locator('main a.button:not(.secondary)')).toHaveCount(1);
    const modules = Object.fromEntries(quizzes.map((q) => [q.moduleId, { status: 'passed', bestPercent: 100, attempts: 1, current: null, bestLog: [{ scenario: 'x', choice: ['y'] }], bestDraw: { seed: 1, drawn: ['x'] }, startedAt: null, updatedAt: null, passedAt: '2026-11-20T10:00:00Z' }]));
    await page.evaluate((m) => localStorage.setItem('smkurss.progress', JSON.stringify({ version: 2, learnerName: '', modules: m, certificate: null })), modules);
    await page.reload();
    // The default assessment: the final test first, then (its result kept) the certificate.
    await expect(page.getByTestId('home-primary')).toHaveText(t(locale, 'start.finalTest'));
    await expect(page.getByTestId('home-primary')).toHaveAttribute('href', pathTo(locale, { page: 'final-test' }));
    await page.evaluate((token) => localStorage.setItem('smkurss.final-test.result', token), await signedLookingResult());
    await page.reload();
    await expect(page.getByTestId('home-primary')).toHaveText(t(locale, 'start.certificate'));
    await expect(page.getByTestId('home-primary')).toHaveAttribute('href', pathTo(locale, { page: 'certificate' }));
  });
}

/** A token shaped like the server's final-test result (the home page reads it, never trusts it: the server verifies it). */
async function signedLookingResult() {
  const { signResult } = await import('../../src/lib/final-test/result-token');
  return signResult({ attempt: 'a', percent: 90, items: 16, passedAt: new Date().toISOString(), bank: 'b' }, new Uint8Array(32));
}

/** Module ids in course order, as the home page lists them. */
async function courseOrder(page: Page, locale: 'lv' | 'en'): Promise<string[]> {
  const other = await page.context().newPage();
  await other.goto(homePath(locale));
  const ids = await other.getByTestId('module-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-module') ?? ''));
  await other.close();
  return ids;
}

async function titleOf(page: Page, locale: 'lv' | 'en', id: string): Promise<string> {
  const other = await page.context().newPage();
  await other.goto(modulePath(locale, id));
  const title = (await other.locator('h1').textContent())!.trim();
  await other.close();
  return title;
}
