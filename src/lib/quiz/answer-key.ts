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
