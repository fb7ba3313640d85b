import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { AnswerEntry, Quiz } from '../../src/lib/quiz/types';
import type { Locale } from '../../src/lib/i18n/locales';
import { entryShown, generalText, passFirstTwins, LOCALES, openModule, quizzes, t } from './course';

// The module page's quiz gets its questions in the island's props and each option's feedback and
// source from the module's data file (quiz-details.ts), fetched at idle with the feedback views.
const DATA = '**/quiz-data/*.json';

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** The feedback text the data file holds for the (first) chosen option of an answer. */
function feedbackOf(quiz: Quiz, entry: AnswerEntry, locale: Locale): string {
  const s = quiz.scenarios.find((x) => x.id === entry.scenario)!;
  const options = s.kind === 'branching' ? s.steps.find((st) => st.id === entry.step)!.options : s.options;
  return generalText(options.find((o) => o.id === entry.choice[0])!.feedback[locale]);
}

async function answer(page: Page, locale: Locale, entry: AnswerEntry) {
  for (const id of entry.choice) await page.locator(`input[name="answer"][value="${id}"]`).check();
  await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
}

for (const locale of LOCALES) {
  test(`a slow data file: the answer waits with a loading note, then its feedback appears and is focused (${locale})`, async ({ page }) => {
    const quiz = quizzes[0]!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(DATA, async (route) => {
      await held;
      await route.continue();
    });
    await openModule(page, locale, quiz.moduleId);
    // The questions do not wait for the data file.
    await page.getByTestId('quiz-start').click();
    await passFirstTwins(page, locale, quiz);
    const entry = await entryShown(page, quiz, 'best');
    await answer(page, locale, entry);
    await expect(page.getByTestId('quiz-details-loading')).toHaveText(t(locale, 'player.detailsLoading'));
    await axe(page, 'feedback loading');
    release();
    await expect(page.getByTestId('feedback')).toContainText(feedbackOf(quiz, entry, locale));
    // Focus on the feedback's heading (after a pair's second twin, on the first twin's, shown above).
    await expect(page.locator('[data-testid="feedback-earlier"] h3, [data-testid="feedback"] h3').first()).toBeFocused();
    await expect(page.getByTestId('quiz-details-loading')).toHaveCount(0);
  });

  test(`a failed data file: a clear message with a retry; the answer survives a reload and gets its feedback (${locale})`, async ({ page }) => {
    const quiz = quizzes[0]!;
    await page.route(DATA, (route) => route.abort('failed'));
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    await passFirstTwins(page, locale, quiz);
    const entry = await entryShown(page, quiz, 'best');
    await answer(page, locale, entry);
    const problem = page.getByTestId('quiz-details-error');
    await expect(problem).toContainText(t(locale, 'player.detailsError'));
    await expect(problem).toContainText(t(locale, 'player.detailsSaved'));
    await expect(problem).toHaveAttribute('role', 'alert');
    await axe(page, 'feedback load error');
    // Still failing after a reload: the saved answer is still there, waiting for its feedback.
    await page.reload();
    await expect(page.getByTestId('quiz-details-error')).toBeVisible();
    await page.unroute(DATA);
    await page.getByRole('button', { name: t(locale, 'player.detailsRetry') }).click();
    await expect(page.getByTestId('feedback')).toContainText(feedbackOf(quiz, entry, locale));
    await expect(page.getByTestId('feedback-question')).toBeVisible();
    await expect(page.getByTestId('quiz-details-error')).toHaveCount(0);
  });

  test(`once the data file is here, feedback is immediate and the quiz works offline (${locale})`, async ({ page, context }) => {
    const quiz = quizzes[0]!;
    const loaded = page.waitForResponse((r) => r.url().includes('/quiz-data/') && r.ok());
    await openModule(page, locale, quiz.moduleId);
    await loaded;
    await context.setOffline(true);
    await page.getByTestId('quiz-start').click();
    await passFirstTwins(page, locale, quiz);
    const entry = await entryShown(page, quiz, 'best');
    await answer(page, locale, entry);
    await expect(page.getByTestId('feedback')).toContainText(feedbackOf(quiz, entry, locale));
    await expect(page.getByTestId('quiz-details-loading')).toHaveCount(0);
    await context.setOffline(false);
  });
}
