import { scoreScenario, type ScenarioScore } from './scenario';
import type { AnswerLog, QuizFile } from './types';

export { endingReached, maxPoints, scoreScenario, type ScenarioScore } from './scenario';
export { isCorrectChoice } from './kinds/single-answer';

/** Passing compares integers, so exactly the pass mark passes and nothing rounds across it. */
export function isPass(earned: number, max: number, passPercent: number): boolean {
  return max > 0 && earned * 100 >= passPercent * max;
}

export function percentOf(earned: number, max: number): number {
  return max > 0 ? Math.round((earned * 100) / max) : 0;
}

export interface QuizScore {
  earned: number;
  max: number;
  percent: number;
  passed: boolean;
  scenarios: ScenarioScore[];
}

/** Scores a complete, well-formed answer log (see regrade for logs that need checking first). */
export function scoreQuiz(quiz: QuizFile, log: AnswerLog): QuizScore {
  const scenarios = quiz.scenarios.map((s) => scoreScenario(s, log.filter((e) => e.scenario === s.id)));
  const earned = scenarios.reduce((sum, s) => sum + s.earned, 0);
  const max = scenarios.reduce((sum, s) => sum + s.max, 0);
  return { earned, max, percent: percentOf(earned, max), passed: isPass(earned, max, quiz.passPercent), scenarios };
}
