import { twinPairs } from './draw';
import type { AnswerEntry, QuizFile } from './types';

/**
 * What the player shows after an answer. The first twin's feedback names the fact that decides it
 * and the right answer, which gives its twin away, so it is held: the learner sees a short note and
 * goes on, and once the twin is answered too both feedbacks show, the first twin's first. Derived
 * from the attempt and its log alone, so a reload between the twins holds it as well.
 */
export type FeedbackPlan =
  /** The answer is saved; its feedback waits for the twin, still unanswered in this attempt. */
  | { held: true }
  /** The answers whose feedback shows now, in the order answered, with the scenario index of each. */
  | { held: false; shown: { entry: AnswerEntry; scenario: number }[] };

/** Undefined before the first answer. `quiz` is the attempt's quiz (its drawn scenarios, twins side by side). */
export function feedbackPlan(quiz: QuizFile, log: readonly AnswerEntry[]): FeedbackPlan | undefined {
  const last = log.at(-1);
  if (!last) return undefined;
  const at = quiz.scenarios.findIndex((s) => s.id === last.scenario);
  const pair = twinPairs(quiz.scenarios).find((p) => p.includes(at));
  const here = { entry: last, scenario: at };
  if (!pair) return { held: false, shown: [here] };
  const partner = pair[0] === at ? pair[1] : pair[0];
  const before = log.findLast((e) => e.scenario === quiz.scenarios[partner]!.id);
  return before ? { held: false, shown: [{ entry: before, scenario: partner }, here] } : { held: true };
}
