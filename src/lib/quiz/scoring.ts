import type { AnswerEntry, AnswerLog, Ending, QuizFile, Scenario, SingleStepScenario } from './types';

/** The most a scenario can earn: its points, or its best ending's points. */
export function maxPoints(scenario: Scenario): number {
  return scenario.kind === 'branching' ? Math.max(...scenario.endings.map((e) => e.points)) : scenario.points;
}

/** Right means exactly the set of correct options: nothing missing, nothing extra. */
export function isCorrectChoice(scenario: SingleStepScenario, choice: readonly string[]): boolean {
  const correct = scenario.options.filter((o) => o.correct).map((o) => o.id);
  return choice.length === correct.length && correct.every((id) => choice.includes(id));
}

/** Passing compares integers, so exactly the pass mark passes and nothing rounds across it. */
export function isPass(earned: number, max: number, passPercent: number): boolean {
  return max > 0 && earned * 100 >= passPercent * max;
}

export function percentOf(earned: number, max: number): number {
  return max > 0 ? Math.round((earned * 100) / max) : 0;
}

export interface ScenarioScore {
  scenario: string;
  earned: number;
  max: number;
  /** The ending reached, for branching scenarios. */
  ending?: Ending;
}

export interface QuizScore {
  earned: number;
  max: number;
  percent: number;
  passed: boolean;
  scenarios: ScenarioScore[];
}

/** The ending a branching path reaches, given the entries answered in that scenario. */
export function endingReached(scenario: Scenario, entries: readonly AnswerEntry[]): Ending | undefined {
  if (scenario.kind !== 'branching') return undefined;
  const last = entries.at(-1);
  const step = scenario.steps.find((s) => s.id === last?.step);
  const next = step?.options.find((o) => o.id === last?.choice[0])?.next;
  return scenario.endings.find((e) => e.id === next);
}

export function scoreScenario(scenario: Scenario, entries: readonly AnswerEntry[]): ScenarioScore {
  const max = maxPoints(scenario);
  if (scenario.kind === 'branching') {
    const ending = endingReached(scenario, entries);
    return { scenario: scenario.id, earned: ending?.points ?? 0, max, ending };
  }
  const entry = entries[0];
  const earned = entry && isCorrectChoice(scenario, entry.choice) ? scenario.points : 0;
  return { scenario: scenario.id, earned, max };
}

/** Scores a complete, well-formed answer log (see regrade for logs that need checking first). */
export function scoreQuiz(quiz: QuizFile, log: AnswerLog): QuizScore {
  const scenarios = quiz.scenarios.map((s) => scoreScenario(s, log.filter((e) => e.scenario === s.id)));
  const earned = scenarios.reduce((sum, s) => sum + s.earned, 0);
  const max = scenarios.reduce((sum, s) => sum + s.max, 0);
  return { earned, max, percent: percentOf(earned, max), passed: isPass(earned, max, quiz.passPercent), scenarios };
}
