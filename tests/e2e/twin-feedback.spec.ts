import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { twinPairs } from '../../src/lib/quiz/draw';
import type { Quiz, SingleStepScenario } from '../../src/lib/quiz/types';
import { entryShown, generalText, LOCALES, next, openModule, quizzes, submitAnswer, t } from './course';

// A pair's first twin: its feedback names the deciding fact and the key, so it waits until the twin
// is answered (a note instead), a reload keeps it waiting, and then both feedbacks show, the first
// twin's first. No scenario id is in the page outside the island's own props.

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** Everything the page holds as text or attribute values, but the island's props (the practice quiz's shell, key included by design). */
const pageText = (page: Page) =>
  page.evaluate(() =>
    [document.documentElement.textContent ?? '', ...[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => !(e.tagName === 'ASTRO-ISLAND' && a.name === 'props')).map((a) => a.value))].join('\n'),
  );

const quiz: Quiz = quizzes.find((q) => twinPairs(q.scenarios).length > 0)!;
const partnerOf = new Map(twinPairs(quiz.scenarios).flatMap(([a, b]) => [[quiz.scenarios[a]!.id, quiz.scenarios[b]!.id], [quiz.scenarios[b]!.id, quiz.scenarios[a]!.id]] as [string, string][]));
const scenario = (id: string) => quiz.scenarios.find((s) => s.id === id) as SingleStepScenario;

for (const locale of LOCALES) {
  test(`a twin's feedback waits for its pair, also across a reload, then both show in order (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    // Answer (with the key) up to the first twin the attempt shows.
    let entry = await entryShown(page, quiz, 'best');
    for (let guard = 0; !partnerOf.has(entry.scenario); guard++) {
      expect(guard).toBeLessThan(10);
      await submitAnswer(page, locale, entry);
      await next(page);
      entry = await entryShown(page, quiz, 'best');
    }
    const first = scenario(entry.scenario);
    const second = scenario(partnerOf.get(first.id)!);
    // A wrong answer to the first twin: its feedback would name the right one.
    const wrong = first.options.find((o) => !o.correct)!;
    await submitAnswer(page, locale, { scenario: first.id, choice: [wrong.id] });
    const note = page.getByTestId('feedback-held');
    await expect(note.locator('h3')).toHaveText(t(locale, 'player.twinHeld'));
    await expect(note.locator('h3')).toBeFocused();
    await expect(note).toContainText(t(locale, 'player.twinHeldText'));
    await expect(page.getByTestId('quiz-announcer')).toContainText(t(locale, 'player.twinHeldText'));
    await expect(page.getByTestId('feedback')).toHaveCount(0);
    const firstFeedback = first.options.map((o) => generalText(o.feedback[locale]));
    for (const text of firstFeedback) expect(await pageText(page)).not.toContain(text);
    // No scenario id anywhere in the page (attributes, ids, text) outside the island's props.
    const everything = await pageText(page);
    for (const s of quiz.scenarios) expect(everything, s.id).not.toContain(s.id);
    await axe(page, 'held twin note');

    // A reload between the twins keeps the feedback waiting.
    await page.reload();
    await expect(page.getByTestId('feedback-held')).toBeVisible();
    await expect(page.getByTestId('feedback')).toHaveCount(0);
    for (const text of firstFeedback) expect(await pageText(page)).not.toContain(text);

    // The twin next; once answered, both feedbacks, the first twin's above, each under its situation.
    await next(page);
    expect((await entryShown(page, quiz, 'best')).scenario).toBe(second.id);
    await submitAnswer(page, locale, await entryShown(page, quiz, 'best'));
    const earlier = page.getByTestId('feedback-earlier');
    await expect(earlier).toContainText(generalText(wrong.feedback[locale]));
    await expect(earlier).toContainText(generalText(first.options.find((o) => o.correct)!.feedback[locale]));
    await expect(earlier.locator('h3')).toBeFocused();
    await expect(page.getByTestId('feedback-question-earlier')).toContainText(first.situation[locale]);
    await expect(page.getByTestId('feedback-question')).toContainText(second.situation[locale]);
    await expect(page.getByTestId('feedback')).toContainText(generalText(second.options.find((o) => o.correct)!.feedback[locale]));
    const boxes = await Promise.all(['feedback-question-earlier', 'feedback-earlier', 'feedback-question', 'feedback'].map(async (id) => (await page.getByTestId(id).boundingBox())!.y));
    expect([...boxes].sort((a, b) => a - b)).toEqual(boxes);
    await expect(page.getByTestId('quiz-announcer')).toContainText(generalText(wrong.feedback[locale]));
    await axe(page, 'both twins’ feedback');
    // One button on, under the second.
    await expect(earlier.getByRole('button')).toHaveCount(0);
    await next(page);
    await expect(page.getByTestId('feedback')).toHaveCount(0);
  });
}
