import { expect, test } from '@playwright/test';
import { answerAll, answered, passFirstTwins, entryShown, generalText, homePath, LOCALES, next, openModule, quizzes, scenariosPerAttempt, shownQuestion, submitAnswer, t } from './course';
import { leadsOn, worstAnswersOf } from '../../src/lib/quiz/scenario';

const [first, second] = quizzes;

for (const locale of LOCALES) {
  test.describe(`learner (${locale})`, () => {
    test('passes a module and sees it passed on the course home', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await answerAll(page, locale, first!, 'best');
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
      await expect(page.getByTestId('result')).toContainText(t(locale, 'quiz.passed'));
      await page.goto(homePath(locale));
      await expect(page.locator(`[data-module="${first!.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
      await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: 1, total: quizzes.length }));
    });

    test('reloads mid-quiz and resumes at the same step', async ({ page }) => {
      await openModule(page, locale, second!.moduleId);
      await page.getByTestId('quiz-start').click();
      // Three scenarios answered in full (a story may take several steps).
      const met = new Set<string>();
      while (met.size < 4) {
        const entry = await entryShown(page, second!, 'best');
        met.add(entry.scenario);
        if (met.size === 4) break;
        await submitAnswer(page, locale, entry);
        await next(page);
      }
      const legend = await page.locator('legend').textContent();
      const shown = await shownQuestion(page);
      await page.reload();
      await expect(page.locator('legend')).toHaveText(legend!);
      expect(await shownQuestion(page)).toEqual(shown);
      await expect(page.getByText(t(locale, 'quiz.counter', { current: 4, total: scenariosPerAttempt(second!) }))).toBeVisible();
      // Reading feedback when the page reloads: the same feedback comes back.
      await submitAnswer(page, locale, await entryShown(page, second!, 'best'));
      // (a pair's first twin: the note that its feedback waits comes back instead)
      const feedback = await answered(page).locator('h3').textContent();
      await page.reload();
      await expect(answered(page).locator('h3')).toHaveText(feedback!);
      await next(page);
      await finishShown(page, locale, second!);
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    });

    test('fails, reviews the scenarios and retries', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await answerAll(page, locale, first!, 'worst');
      const result = page.getByTestId('result');
      await expect(result).toHaveAttribute('data-passed', 'false');
      await expect(result.getByTestId('review').locator('li')).toHaveCount(scenariosPerAttempt(first!));
      await result.getByRole('button', { name: t(locale, 'quiz.retry') }).click();
      await expect(page.getByText(t(locale, 'quiz.counter', { current: 1, total: scenariosPerAttempt(first!) }))).toBeVisible();
      await finishShown(page, locale, first!);
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
      for (let guard = 0; guard < 60 && !(await page.getByTestId('result').isVisible()); guard++) {
        // Focus moves to the question's legend; Tab reaches the options.
        await expect(page.locator('legend')).toBeFocused();
        const entry = await entryShown(page, first!, 'best');
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
        // The feedback's heading, or the first feedback of a pair, or a held twin's note.
        await expect(answered(page).or(page.getByTestId('feedback-earlier')).locator('h3').first()).toBeFocused();
        await expect(page.getByTestId('quiz-announcer')).not.toBeEmpty();
        await page.keyboard.press('Tab');
        while (!(await page.evaluate(() => document.activeElement?.closest('[data-testid="feedback"], [data-testid="feedback-held"]') && document.activeElement.tagName === 'BUTTON')))
          await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect(answered(page)).toHaveCount(0);
      }
      await expect(page.getByTestId('result').locator('h3')).toBeFocused();
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    });

    test('shows the reasoning and the source passage in feedback', async ({ page }) => {
      await openModule(page, locale, first!.moduleId);
      await page.getByTestId('quiz-start').click();
      // Past any story (and a pair's first twin, whose feedback waits), to the first scenario with right and wrong answers.
      for (;;) {
        await passFirstTwins(page, locale, first!);
        if (!leadsOn(await scenarioShown(page, first!))) break;
        await submitAnswer(page, locale, await entryShown(page, first!, 'best'));
        await next(page);
      }
      const scenario = (await scenarioShown(page, first!));
      if (scenario.kind === 'branching') throw new Error('not a story by now');
      const wrong = scenario.options.find((o) => !o.correct)!;
      const right = scenario.options.find((o) => o.correct)!;
      await submitAnswer(page, locale, { scenario: scenario.id, choice: [wrong.id] });
      const feedback = page.getByTestId('feedback');
      await expect(feedback).toHaveAttribute('data-correct', 'false');
      await expect(feedback).toContainText(generalText(wrong.feedback[locale]));
      await expect(feedback).toContainText(generalText(right.feedback[locale]));
      await expect(feedback.locator('blockquote').first()).toContainText(wrong.source.quote.lv.slice(0, 30));
      await expect(page.getByTestId('quiz-announcer')).toContainText(generalText(wrong.feedback[locale]));
    });

    for (const aim of ['best', 'worst'] as const)
      test(`plays out a branching scenario to ${aim === 'best' ? 'its best ending' : 'a lesser ending that shows the better move'}`, async ({ page }) => {
        await openModule(page, locale, first!.moduleId);
        await page.getByTestId('quiz-start').click();
        // Every attempt draws a story; answer with the key until it comes.
        while (!leadsOn((await scenarioShown(page, first!)))) {
          await submitAnswer(page, locale, await entryShown(page, first!, 'best'));
          await next(page);
        }
        const story = (await scenarioShown(page, first!));
        for (let guard = 0; guard < 10; guard++) {
          await submitAnswer(page, locale, await entryShown(page, first!, aim));
          if (await page.getByTestId('ending').isVisible()) break;
          await next(page);
        }
        const ending = page.getByTestId('ending');
        if (aim === 'best') {
          await expect(ending).toHaveAttribute('data-outcome', 'best');
          await expect(page.getByTestId('better-move')).toHaveCount(0);
        } else {
          await expect(ending).not.toHaveAttribute('data-outcome', 'best');
          expect(worstAnswersOf(story).length).toBeGreaterThan(0);
          await expect(page.getByTestId('better-move')).toContainText('betterMove' in story ? generalText(story.betterMove![locale]) : '');
        }
      });
  });
}

/** Answers the rest of the attempt on screen with the key, to the result. */
async function finishShown(page: import('@playwright/test').Page, locale: (typeof LOCALES)[number], quiz: (typeof quizzes)[number]) {
  for (let guard = 0; guard < 60 && !(await page.getByTestId('result').isVisible()); guard++) {
    await submitAnswer(page, locale, await entryShown(page, quiz, 'best'));
    await next(page);
  }
}

/** The scenario on screen, from the quiz data. */
async function scenarioShown(page: import('@playwright/test').Page, quiz: (typeof quizzes)[number]) {
  const { scenario } = await shownQuestion(page);
  return quiz.scenarios.find((s) => s.id === scenario)!;
}
