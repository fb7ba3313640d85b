import { drawProblem, drawScenarios } from './draw';
import { shuffleScenario } from './scenario';
import type { AnswerLog, QuizFile } from './types';

/**
 * What makes one attempt what it is: the seed that drew its scenarios and ordered their options,
 * and the scenarios drawn. `seed: null` is an attempt saved before shuffling existed (progress
 * version 1): every scenario, in file order, until it ends.
 */
export interface AttemptSpec {
  seed: number | null;
  /** Scenario ids in the order shown; derived from the seed when absent. */
  drawn?: readonly string[] | null;
}

export interface RecordedAttempt extends AttemptSpec {
  log: AnswerLog;
}

/** The drawn scenario ids of an attempt (as it says, or as its seed draws). */
export function drawnIds(pool: QuizFile, spec: AttemptSpec): string[] {
  if (spec.drawn) return [...spec.drawn];
  return spec.seed === null ? pool.scenarios.map((s) => s.id) : drawScenarios(pool, spec.seed).map((s) => s.id);
}

/**
 * Why this attempt could not have happened on this quiz, or undefined: the scenarios must be a set
 * the rules allow, and exactly the set its seed draws (a stored attempt from a pool that has
 * changed since, or a hand-picked set, is refused).
 */
export function attemptProblem(pool: QuizFile, spec: AttemptSpec): string | undefined {
  if (spec.seed === null && pool.draw) return 'this attempt has no seed, but the quiz draws its scenarios per attempt';
  const ids = drawnIds(pool, spec);
  const problem = drawProblem(pool, ids);
  if (problem) return `the scenarios of this attempt could not have been drawn: ${problem}`;
  const drawn = drawnIds(pool, { seed: spec.seed });
  if (ids.join() !== drawn.join()) return `the scenarios of this attempt are not the ones its seed draws`;
  return undefined;
}

/**
 * Whether this attempt is exactly the one its seed draws on this quiz: what the browser checks
 * before resuming a saved attempt. The same verdict as `attemptProblem(...) === undefined`, since
 * what a seed draws always meets the rules (tests/unit/quiz/attempt-verdict.test.ts puts both to the
 * course's quizzes and to altered attempts), but without drawProblem's reasons: those are for the
 * server's refusal, and the browser need not load them.
 */
export function isDrawnBySeed(pool: QuizFile, spec: AttemptSpec): boolean {
  if (spec.seed === null && pool.draw) return false;
  const ids = drawnIds(pool, spec);
  const drawn = drawnIds(pool, { seed: spec.seed });
  return ids.length === drawn.length && ids.every((id, i) => id === drawn[i]);
}

/**
 * The quiz as one attempt shows it: the drawn scenarios, each with its options in the seed's
 * order. Every engine function (position, scoring, replay) then runs on it unchanged, and answer
 * logs keep option ids, so the order never affects grading.
 */
export function attemptQuiz(pool: QuizFile, spec: AttemptSpec): QuizFile {
  const ids = drawnIds(pool, spec);
  const scenarios = ids.map((id) => pool.scenarios.find((s) => s.id === id)).filter((s) => s !== undefined);
  const { seed } = spec;
  return { ...pool, draw: undefined, scenarios: seed === null ? scenarios : scenarios.map((s) => shuffleScenario(s, seed)) };
}
