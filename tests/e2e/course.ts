import { join } from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { readQuizzes } from '../../src/lib/course/read-sources';
import { fillText } from '../../src/lib/content/placeholders';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { t } from '../../src/lib/i18n/translate';
import { bestAnswers, keyedAttempt, worstAnswers } from '../../src/lib/quiz/answer-key';
import { scenariosPerAttempt, twinPairs } from '../../src/lib/quiz/draw';
import { bestAnswersOf, worstAnswersOf } from '../../src/lib/quiz/scenario';
import type { AnswerEntry, Quiz } from '../../src/lib/quiz/types';

const root = join(import.meta.dirname, '..', '..');

/** The course's quizzes, read from the content files as the build reads them. */
export const quizzes: Quiz[] = readQuizzes(root);

/**
 * A content text as the general edition shows it: the data files keep `{contact}` where an
 * institution's edition puts its communication unit; the general edition drops it with its space.
 * Compare any feedback or better move on a page through this, or a drawn scenario whose text holds
 * the placeholder fails the test (it did: a story's better move, one draw in several).
 */
export const generalText = (text: string): string => fillText(text, {});

export const LOCALES: Locale[] = ['lv', 'en'];
export const modulePath = (locale: Locale, id: string) => pathTo(locale, { page: 'module', id });
export const homePath = (locale: Locale) => pathTo(locale, { page: 'home' });
export const progressPath = (locale: Locale) => pathTo(locale, { page: 'progress' });
export { bestAnswers, keyedAttempt, scenariosPerAttempt, t, worstAnswers };

/** Opens a module page and waits for its quiz island to be ready. */
export async function openModule(page: Page, locale: Locale, id: string) {
  await page.goto(modulePath(locale, id));
  await expect(page.getByTestId('quiz')).toBeVisible();
}

/** Ticks the options of one answer and submits it (mouse). */
export async function submitAnswer(page: Page, locale: Locale, entry: AnswerEntry) {
  for (const id of entry.choice) await page.locator(`input[name="answer"][value="${id}"]`).check();
  await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
  await expect(answered(page)).toBeVisible();
}

/** What follows an answer: its feedback, or (a pair's first twin) the note that it waits for the twin. */
export const answered = (page: Page) => page.getByTestId('feedback').or(page.getByTestId('feedback-held'));

/**
 * Answers (with the key) each question on screen that is the first of a twin pair in this attempt,
 * whose feedback waits for its twin, so that the next answer shows feedback. Returns the ids passed.
 */
export async function passFirstTwins(page: Page, locale: Locale, quiz: Quiz): Promise<string[]> {
  const partner = new Map(twinPairs(quiz.scenarios).flatMap(([a, b]) => [[quiz.scenarios[a]!.id, quiz.scenarios[b]!.id], [quiz.scenarios[b]!.id, quiz.scenarios[a]!.id]] as [string, string][]));
  const passed: string[] = [];
  for (let guard = 0; guard < 10; guard++) {
    const entry = await entryShown(page, quiz, 'best');
    if (!partner.has(entry.scenario) || passed.includes(partner.get(entry.scenario)!)) return passed;
    await submitAnswer(page, locale, entry);
    await expect(page.getByTestId('feedback-held')).toBeVisible();
    passed.push(entry.scenario);
    await next(page);
  }
  throw new Error('too many first twins in a row');
}

/** Moves on from feedback (or a held twin's note) to whatever comes next. */
export async function next(page: Page) {
  await answered(page).getByRole('button').click();
}

/** Starts the quiz and answers whatever it shows with the key (or the worst answers), ending on the result screen. */
export async function answerAll(page: Page, locale: Locale, quiz: Quiz, aim: 'best' | 'worst') {
  await page.getByTestId('quiz-start').click();
  const met = await answerShown(page, locale, quiz, aim);
  await expect(page.getByTestId('result')).toBeVisible();
  return met;
}

/** The key's (or the worst) answer to the question on screen. */
export async function entryShown(page: Page, quiz: Quiz, aim: 'best' | 'worst'): Promise<AnswerEntry> {
  const { scenario, step } = await shownQuestion(page);
  const s = quiz.scenarios.find((x) => x.id === scenario)!;
  return (aim === 'best' ? bestAnswersOf(s) : worstAnswersOf(s)).find((e) => e.step === step)!;
}

/**
 * A module's stored record as the quiz player leaves it after a passed attempt with this seed:
 * what tests put in storage to start from a passed module (the server re-grades it by its draw).
 */
export function passedRecord(quiz: Quiz, seed = 1) {
  const { seed: s, drawn, log } = keyedAttempt(quiz, seed);
  return { status: 'passed', bestPercent: 100, attempts: 1, current: null, bestLog: log, bestDraw: { seed: s, drawn }, startedAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', passedAt: '2026-11-01T10:00:00Z' };
}

/**
 * The scenario and step on screen. The page names no scenario (ids can tell twins apart), so the
 * scenario is the one whose situation is shown, in either locale; the step is the form's.
 */
export async function shownQuestion(page: Page | FrameLocator, among: readonly Quiz[] = quizzes): Promise<{ scenario: string; step: string | undefined }> {
  const form = page.getByTestId('quiz').locator('form');
  const situation = ((await form.locator('.situation p').first().textContent()) ?? '').trim();
  const found = among.flatMap((q) => q.scenarios).filter((s) => LOCALES.some((l) => s.situation[l].trim() === situation));
  if (found.length !== 1) throw new Error(`${found.length} scenarios have the situation on screen: „${situation.slice(0, 80)}…”`);
  const step = (await form.getAttribute('data-step')) || undefined;
  return { scenario: found[0]!.id, step };
}

/** The option ids on screen, in the order shown. */
export async function shownOrder(page: Page): Promise<string[]> {
  return page.locator('input[name="answer"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/**
 * Answers whatever the quiz shows (drawn scenarios, shuffled options) with the key, or with the
 * worst answers, until the result; returns the scenario ids met, in order.
 */
export async function answerShown(page: Page, locale: Locale, quiz: Quiz, aim: 'best' | 'worst'): Promise<string[]> {
  const met: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const form = page.getByTestId('quiz').locator('form');
    await expect(form.or(page.getByTestId('result'))).toBeVisible();
    if (await page.getByTestId('result').isVisible()) return met;
    const entry = await entryShown(page, quiz, aim);
    if (met.at(-1) !== entry.scenario) met.push(entry.scenario);
    await submitAnswer(page, locale, entry);
    await next(page);
  }
  throw new Error('the quiz did not end');
}
