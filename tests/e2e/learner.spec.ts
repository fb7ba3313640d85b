import { expect, test } from '@playwright/test';
import { answerAll, bestAnswers, homePath, LOCALES, next, openModule, quizzes, submitAnswer, t, worstAnswers } from './course';

const [first, second] = quizzes;

for (const locale of LOCALES) {
  test.describe(`learner (${locale})`, () => {
    test('passes a module and sees it passed on the course home', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await answerAll(page, locale, bestAnswers(first!));
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
      await expect(page.getByTestId('result')).toContainText(t(locale, 'quiz.passed'));
      await page.goto(homePath(locale));
      await expect(page.locator(`[data-module="${first!.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
      await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: 1, total: quizzes.length }));
    });

    test('reloads mid-quiz and resumes at the same step', async ({ page }) => {
      const log = bestAnswers(second!);
      await openModule(page, locale, second!.moduleId);
      await page.getByTestId('quiz-start').click();
      for (const entry of log.slice(0, 3)) {
        await submitAnswer(page, locale, entry);
        await next(page);
      }
      const legend = await page.locator('legend').textContent();
      await page.reload();
      await expect(page.locator('legend')).toHaveText(legend!);
      await expect(page.getByText(t(locale, 'quiz.counter', { current: 4, total: second!.scenarios.length }))).toBeVisible();
      // Reading feedback when the page reloads: the same feedback comes back.
      await submitAnswer(page, locale, log[3]!);
      const feedback = await page.getByTestId('feedback').locator('h3').textContent();
      await page.reload();
      await expect(page.getByTestId('feedback').locator('h3')).toHaveText(feedback!);
      await next(page);
      for (const entry of log.slice(4)) {
        await submitAnswer(page, locale, entry);
        await next(page);
      }
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    });

    test('fails, reviews the scenarios and retries', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await answerAll(page, locale, worstAnswers(first!));
      const result = page.getByTestId('result');
      await expect(result).toHaveAttribute('data-passed', 'false');
      await expect(result.getByTestId('review').locator('li')).toHaveCount(first!.scenarios.length);
      await result.getByRole('button', { name: t(locale, 'quiz.retry') }).click();
      await expect(page.getByText(t(locale, 'quiz.counter', { current: 1, total: first!.scenarios.length }))).toBeVisible();
      for (const entry of bestAnswers(first!)) {
        await submitAnswer(page, locale, entry);
        await next(page);
      }
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
      await page.goto(homePath(locale));
      await expect(page.locator(`[data-module="${first!.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    });

    test('explains an empty answer instead of submitting it', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await page.getByTestId('quiz-start').click();
      await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
      await expect(page.locator('#quiz-error')).toBeVisible();
      await expect(page.getByTestId('feedback')).toHaveCount(0);
    });

    test('completes a quiz by keyboard alone, with focus and announcements', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      const start = page.getByTestId('quiz-start');
      await start.focus();
      await page.keyboard.press('Enter');
      for (const entry of bestAnswers(first!)) {
        // Focus moves to the question's legend; Tab reaches the options.
        await expect(page.locator('legend')).toBeFocused();
        const inputs = page.locator('input[name="answer"]');
        const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
        const multi = (await inputs.first().getAttribute('type')) === 'checkbox';
        await page.keyboard.press('Tab');
        if (multi) {
          for (const [i, value] of values.entries()) {
            if (i > 0) await page.keyboard.press('Tab');
            if (entry.choice.includes(value)) await page.keyboard.press('Space');
          }
        } else {
          // Arrow keys move within a radio group and select as they go.
          const target = values.indexOf(entry.choice[0]!);
          await page.keyboard.press('Space');
          for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
        }
        await expect(page.locator(`input[value="${entry.choice[0]}"]`)).toBeChecked();
        await page.keyboard.press('Enter'); // submits the form
        await expect(page.getByTestId('feedback').locator('h3')).toBeFocused();
        await expect(page.getByTestId('quiz-announcer')).not.toBeEmpty();
        await page.keyboard.press('Tab');
        while (!(await page.evaluate(() => document.activeElement?.closest('[data-testid="feedback"]') && document.activeElement.tagName === 'BUTTON')))
          await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      }
      await expect(page.getByTestId('result').locator('h3')).toBeFocused();
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    });

    test('shows the reasoning and the source passage in feedback', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await page.getByTestId('quiz-start').click();
      const scenario = first!.scenarios[0]!;
      if (scenario.kind === 'branching') throw new Error('fixture expects a single-step first scenario');
      const wrong = scenario.options.find((o) => !o.correct)!;
      const right = scenario.options.find((o) => o.correct)!;
      await submitAnswer(page, locale, { scenario: scenario.id, choice: [wrong.id] });
      const feedback = page.getByTestId('feedback');
      await expect(feedback).toHaveAttribute('data-correct', 'false');
      await expect(feedback).toContainText(wrong.feedback[locale]);
      await expect(feedback).toContainText(right.feedback[locale]);
      await expect(feedback.locator('blockquote').first()).toContainText(wrong.source.quote.lv.slice(0, 30));
      await expect(page.getByTestId('quiz-announcer')).toContainText(wrong.feedback[locale]);
    });

    test('plays out a branching scenario to an ending', async ({ page }) => {
      const index = first!.scenarios.findIndex((s) => s.kind === 'branching');
      const log = bestAnswers(first!);
      const before = log.filter((e) => first!.scenarios.findIndex((s) => s.id === e.scenario) < index);
      const branch = log.filter((e) => e.scenario === first!.scenarios[index]!.id);
      await openModule(page, locale, first!.moduleId);
      await page.getByTestId('quiz-start').click();
      for (const entry of before) {
        await submitAnswer(page, locale, entry);
        await next(page);
      }
      for (const [i, entry] of branch.entries()) {
        await submitAnswer(page, locale, entry);
        if (i < branch.length - 1) {
          await expect(page.getByTestId('ending')).toHaveCount(0);
          await next(page);
        }
      }
      await expect(page.getByTestId('ending')).toHaveAttribute('data-outcome', 'best');
    });
  });
}
