import { allowsSeveral, nextStepOf, optionsAt, startOf } from './scenario';
import type { AnswerEntry, AnswerLog, QuizFile, Scenario } from './types';

export { startOf };

/** Where a learner is in a quiz: a scenario, and for kinds with several steps the step within it. */
export interface Position {
  scenario: number;
  step?: string;
}

export function firstPosition(quiz: QuizFile): Position {
  return { scenario: 0, step: startOf(quiz.scenarios[0]!) };
}

/** The ids of the options a learner may pick at a position, in the order shown. */
export function optionIdsAt(quiz: QuizFile, position: Position): string[] {
  const scenario = quiz.scenarios[position.scenario];
  return scenario ? optionsAt(scenario, position.step).map((o) => o.id) : [];
}

/** A choice fits a position when it names known options, once each, and the right number of them. */
export function isValidChoice(quiz: QuizFile, position: Position, choice: readonly string[]): boolean {
  const scenario = quiz.scenarios[position.scenario];
  if (!scenario || choice.length === 0 || new Set(choice).size !== choice.length) return false;
  if (!allowsSeveral(scenario) && choice.length !== 1) return false;
  const ids = optionIdsAt(quiz, position);
  return choice.every((id) => ids.includes(id));
}

export function entryAt(quiz: QuizFile, position: Position, choice: readonly string[]): AnswerEntry {
  const scenario = quiz.scenarios[position.scenario]!;
  return position.step === undefined ? { scenario: scenario.id, choice: [...choice] } : { scenario: scenario.id, step: position.step, choice: [...choice] };
}

/** The position after answering; undefined once the last scenario is answered. */
export function advance(quiz: QuizFile, position: Position, choice: readonly string[]): Position | undefined {
  const next = nextStepOf(quiz.scenarios[position.scenario]!, position.step, choice);
  if (next !== undefined) return { scenario: position.scenario, step: next };
  const following = quiz.scenarios[position.scenario + 1];
  return following ? { scenario: position.scenario + 1, step: startOf(following) } : undefined;
}

export type Replay = { ok: true; position: Position | undefined } | { ok: false; reason: string; index: number };

/**
 * Walks a log from the start, checking each entry is the one the quiz expects next. The reason
 * names the entry and what was expected, for re-grading and for discarding a stale saved attempt.
 */
export function replay(quiz: QuizFile, log: AnswerLog): Replay {
  let position: Position | undefined = firstPosition(quiz);
  for (const [index, entry] of log.entries()) {
    const n = `answer ${index + 1}`;
    if (!position) return { ok: false, index, reason: `${n}: extra answer after the last scenario` };
    const expected: Scenario = quiz.scenarios[position.scenario]!;
    if (!quiz.scenarios.some((s) => s.id === entry.scenario)) return { ok: false, index, reason: `${n}: unknown scenario "${entry.scenario}"` };
    if (entry.scenario !== expected.id)
      return { ok: false, index, reason: `${n}: expected scenario "${expected.id}", got "${entry.scenario}"` };
    if ((entry.step ?? undefined) !== position.step)
      return { ok: false, index, reason: `${n}: expected step "${position.step ?? '(none)'}" in scenario "${expected.id}", got "${entry.step ?? '(none)'}"` };
    if (!isValidChoice(quiz, position, entry.choice))
      return { ok: false, index, reason: `${n}: choice [${entry.choice.join(', ')}] is not a valid answer to scenario "${expected.id}"` };
    position = advance(quiz, position, entry.choice);
  }
  return { ok: true, position };
}
