import { attemptProblem, attemptQuiz, type AttemptSpec } from './attempt';
import { replay } from './position';
import { isAnswerLog, readAttemptSpec } from './attempt-shape';
import { scoreQuiz, type QuizScore } from './scoring';
import type { QuizFile } from './types';

export type Regrade = { ok: true; score: QuizScore } | { ok: false; reason: string };

/**
 * Grades an answer log from scratch against the quiz, as the server does before it signs anything:
 * the attempt's scenarios must be a set the quiz could have drawn, and the log must answer every
 * one of them, in order, following the branches it chose, and nothing more. Option order never
 * matters: logs name options by id.
 */
export function regrade(pool: QuizFile, log: unknown, attempt: unknown = { seed: null }): Regrade {
  if (!isAnswerLog(log)) return { ok: false, reason: 'the answer log is not a list of {scenario, step?, choice[]} entries' };
  const spec = readAttemptSpec(attempt);
  if (!spec) return { ok: false, reason: 'the attempt is not {seed, drawn?}: seed a whole number 0–4294967295 or null, drawn a list of scenario ids' };
  const problem = attemptProblem(pool, spec);
  if (problem) return { ok: false, reason: problem };
  const quiz = attemptQuiz(pool, spec);
  const walked = replay(quiz, log);
  if (!walked.ok) return { ok: false, reason: walked.reason };
  if (walked.position) {
    const missing = quiz.scenarios[walked.position.scenario]!.id;
    return { ok: false, reason: `missing answers: the log stops before scenario "${missing}" is finished` };
  }
  return { ok: true, score: scoreQuiz(quiz, log) };
}

// The shape checks live apart so the progress store (loaded on every page) does not pull in the quiz engine.
export { isAnswerLog, readAttemptSpec };
