import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { readQuizzes } from '../../src/lib/course/read-sources';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { t } from '../../src/lib/i18n/translate';
import { bestAnswers, worstAnswers } from '../../src/lib/quiz/answer-key';
import type { AnswerEntry, Quiz } from '../../src/lib/quiz/types';

const root = join(import.meta.dirname, '..', '..');

/** The course's quizzes, read from the content files as the build reads them. */
export const quizzes: Quiz[] = readQuizzes(root);

export const LOCALES: Locale[] = ['lv', 'en'];
export const modulePath = (locale: Locale, id: string) => pathTo(locale, { page: 'module', id });
export const homePath = (locale: Locale) => pathTo(locale, { page: 'home' });
export const progressPath = (locale: Locale) => pathTo(locale, { page: 'progress' });
export { bestAnswers, t, worstAnswers };

/** Opens a module page and waits for its quiz island to be ready. */
export async function openModule(page: Page, locale: Locale, id: string) {
  await page.goto(modulePath(locale, id));
  await expect(page.getByTestId('quiz')).toBeVisible();
}

/** Ticks the options of one answer and submits it (mouse). */
export async function submitAnswer(page: Page, locale: Locale, entry: AnswerEntry) {
  for (const id of entry.choice) await page.locator(`input[name="answer"][value="${id}"]`).check();
  await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
  await expect(page.getByTestId('feedback')).toBeVisible();
}

/** Moves on from feedback to whatever comes next. */
export async function next(page: Page) {
  await page.getByTestId('feedback').getByRole('button').click();
}

/** Starts the quiz and answers every entry of a log, ending on the result screen. */
export async function answerAll(page: Page, locale: Locale, log: AnswerEntry[]) {
  await page.getByTestId('quiz-start').click();
  for (const entry of log) {
    await submitAnswer(page, locale, entry);
    await next(page);
  }
  await expect(page.getByTestId('result')).toBeVisible();
}
