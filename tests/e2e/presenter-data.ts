import { everyOption, leadsOn, optionsAt, questionOf, consequenceOf, correctAt, stepsOf } from '../../src/lib/quiz/scenario';
import type { Locale } from '../../src/lib/i18n/locales';
import type { Quiz, Scenario } from '../../src/lib/quiz/types';

/**
 * How much text a scenario puts on the projector at its fullest step: situation, question and every
 * option, plus what the reveal explains (the right options' reasoning and source, or for a story the
 * longest choice's) and the scenario's discussion question. Used to find the hardest slide to fit, whatever the content says today.
 */
export function screenLength(s: Scenario, locale: Locale): number {
  return Math.max(
    ...stepsOf(s).map((step) => {
      const options = optionsAt(s, step);
      const right = new Set(correctAt(s, step));
      const explained = leadsOn(s) ? [options.reduce((a, b) => (a.feedback[locale].length >= b.feedback[locale].length ? a : b))] : options.filter((o) => right.has(o.id));
      const labels = options.reduce((n, o) => n + (o.label?.[locale].length ?? 30), 0);
      const reveal = explained.reduce((n, o) => n + o.feedback[locale].length + o.source.quote[locale].length, 0);
      return s.situation[locale].length + (consequenceOf(s, step)?.[locale].length ?? 0) + questionOf(s, step)[locale].length + labels + reveal + (s.discussion?.[locale].length ?? 0);
    }),
  );
}

/** The quiz holding the longest scenario in a locale, and that scenario's id. */
export function longestScenario(quizzes: readonly Quiz[], locale: Locale): { quiz: Quiz; scenario: string; length: number } {
  let best = { quiz: quizzes[0]!, scenario: '', length: -1 };
  for (const quiz of quizzes)
    for (const s of quiz.scenarios) {
      const length = screenLength(s, locale);
      if (length > best.length) best = { quiz, scenario: s.id, length };
    }
  return best;
}

/** Every option of a scenario counts, for tests that also want the most options. */
export const optionCount = (s: Scenario) => everyOption(s).length;
