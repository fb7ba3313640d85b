import { attemptQuiz, drawnIds, type RecordedAttempt } from './attempt';
import { bestAnswersOf, worstAnswersOf } from './scenario';
import type { AnswerLog, QuizFile } from './types';

/**
 * The answers a quiz counts as best: the correct options, and in branching scenarios the path to
 * the best ending. For one attempt, pass the attempt's quiz (see attemptQuiz). Used by trainers'
 * answer reveal and by tests that complete the course.
 */
export function bestAnswers(quiz: QuizFile): AnswerLog {
  return quiz.scenarios.flatMap(bestAnswersOf);
}

/** The answers that earn nothing: a wrong option, the path to a zero-point ending. */
export function worstAnswers(quiz: QuizFile): AnswerLog {
  return quiz.scenarios.flatMap(worstAnswersOf);
}

/**
 * One whole attempt with this seed answered with the key (or the worst answers): the seed, the
 * scenarios it draws and the log, as the player would store it. What tests and the benchmark use to
 * complete a quiz that draws from a pool (a log over the whole pool is not an attempt).
 */
export function keyedAttempt(pool: QuizFile, seed: number, aim: 'best' | 'worst' = 'best'): RecordedAttempt & { seed: number; drawn: string[] } {
  const drawn = drawnIds(pool, { seed });
  const shown = attemptQuiz(pool, { seed, drawn });
  return { seed, drawn, log: aim === 'best' ? bestAnswers(shown) : worstAnswers(shown) };
}
