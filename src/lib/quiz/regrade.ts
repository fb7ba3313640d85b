import { replay } from './position';
import { scoreQuiz, type QuizScore } from './scoring';
import type { AnswerLog, QuizFile } from './types';

export type Regrade = { ok: true; score: QuizScore } | { ok: false; reason: string };

/**
 * Grades an answer log from scratch against the quiz, as the server does before it signs anything:
 * the log must answer every scenario, in order, following the branches it chose, and nothing more.
 */
export function regrade(quiz: QuizFile, log: unknown): Regrade {
  if (!isAnswerLog(log)) return { ok: false, reason: 'the answer log is not a list of {scenario, step?, choice[]} entries' };
  const walked = replay(quiz, log);
  if (!walked.ok) return { ok: false, reason: walked.reason };
  if (walked.position) {
    const missing = quiz.scenarios[walked.position.scenario]!.id;
    return { ok: false, reason: `missing answers: the log stops before scenario "${missing}" is finished` };
  }
  return { ok: true, score: scoreQuiz(quiz, log) };
}

export function isAnswerLog(value: unknown): value is AnswerLog {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        e !== null &&
        typeof e === 'object' &&
        typeof e.scenario === 'string' &&
        (e.step === undefined || typeof e.step === 'string') &&
        Array.isArray(e.choice) &&
        e.choice.every((c: unknown) => typeof c === 'string'),
    )
  );
}
