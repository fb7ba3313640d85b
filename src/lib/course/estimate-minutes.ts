import type { Locale } from '../i18n/locales';
import { scenariosPerAttempt } from '../quiz/draw';
import { bestAnswersOf, consequenceOf, optionsAt, questionOf } from '../quiz/scenario';
import type { QuizFile, Scenario } from '../quiz/types';

/** Careful reading of instructional text, words per minute (well below the 200–250 of leisure reading). */
export const READING_WORDS_PER_MINUTE = 160;
/** Time to weigh the options and choose, per question answered, in seconds. */
export const SECONDS_PER_DECISION = 20;
/** A fixed option's standard label ("Ask first…") counts as this many words. */
const STANDARD_LABEL_WORDS = 6;

// A placeholder ({contact}) is not counted: the general edition shows nothing there, so the time is the same in every edition.
const words = (text: string | undefined) => (text ? text.replace(/\{[^{}\s]*\}/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0);

/**
 * What a learner reads and decides in one scenario: the situation, and on the path through it each
 * question, consequence, every option's label and the feedback of the option chosen.
 */
function scenarioCost(s: Scenario, locale: Locale): { words: number; decisions: number } {
  const path = bestAnswersOf(s);
  let count = words(s.situation[locale]);
  for (const entry of path) {
    count += words(questionOf(s, entry.step)[locale]) + words(consequenceOf(s, entry.step)?.[locale]);
    for (const option of optionsAt(s, entry.step)) {
      count += 'label' in option && option.label ? words(option.label[locale]) : STANDARD_LABEL_WORDS;
      if (entry.choice.includes(option.id)) count += words(option.feedback[locale]);
    }
  }
  return { words: count, decisions: path.length };
}

/**
 * Minutes for a module: reading its lesson plus one quiz attempt (the pool's average scenario times
 * the scenarios an attempt draws), rounded up. Measured from the text, so a longer lesson or a
 * bigger attempt says so, instead of every module claiming the same.
 */
export function estimateMinutes(lesson: string, quiz: QuizFile, locale: Locale): number {
  const costs = quiz.scenarios.map((s) => scenarioCost(s, locale));
  const perAttempt = scenariosPerAttempt(quiz) / Math.max(1, costs.length);
  const quizWords = costs.reduce((sum, c) => sum + c.words, 0) * perAttempt;
  const decisions = costs.reduce((sum, c) => sum + c.decisions, 0) * perAttempt;
  const lessonWords = words(lesson.replace(/^---[\s\S]*?\n---/, ''));
  return Math.ceil((lessonWords + quizWords) / READING_WORDS_PER_MINUTE + (decisions * SECONDS_PER_DECISION) / 60);
}
