import { keyedAttempt } from '../../../src/lib/quiz/answer-key';
import { attemptQuiz } from '../../../src/lib/quiz/attempt';
import { scoreQuiz } from '../../../src/lib/quiz/scoring';
import type { Quiz } from '../../../src/lib/quiz/types';
import { emptyProgress, type Progress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, saveAttempt } from '../../../src/lib/progress/progress-updates';

const now = new Date('2026-11-21T10:00:00Z');
/** The attempts of these journeys: one seed, so each module's draw and order are fixed. */
export const SEED = 20_261_121;

/** A module passed (or failed) at once, as stored after its result page. */
export function finish(progress: Progress, quiz: Quiz, aim: 'best' | 'worst' = 'best'): Progress {
  const attempt = keyedAttempt(quiz, SEED, aim);
  return completeAttempt(progress, quiz.moduleId, attempt, scoreQuiz(attemptQuiz(quiz, attempt), attempt.log), now);
}

/** The first `count` modules passed with 100 %. */
export function passedFirst(quizzes: readonly Quiz[], count: number): Progress {
  return quizzes.slice(0, count).reduce((p, quiz) => finish(p, quiz), emptyProgress());
}

/**
 * Every progress the quiz player stores while a learner takes one module with the best answers,
 * in order, as the machine persists them: start, then each answer (feedback) and each "next".
 */
export function moduleJourney(start: Progress, quiz: Quiz): Progress[] {
  const { seed, drawn, log: answers } = keyedAttempt(quiz, SEED);
  const shown = attemptQuiz(quiz, { seed, drawn });
  const states: Progress[] = [];
  let progress = saveAttempt(start, quiz.moduleId, { seed, drawn, log: [], phase: 'answering' }, now);
  states.push(progress);
  answers.forEach((_, i) => {
    const log = answers.slice(0, i + 1);
    progress = saveAttempt(progress, quiz.moduleId, { seed, drawn, log, phase: 'feedback' }, now);
    states.push(progress);
    progress =
      i < answers.length - 1
        ? saveAttempt(progress, quiz.moduleId, { seed, drawn, log, phase: 'answering' }, now)
        : completeAttempt(progress, quiz.moduleId, { seed, drawn, log }, scoreQuiz(shown, log), now);
    states.push(progress);
  });
  return states;
}
