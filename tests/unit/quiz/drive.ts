import { createQuizRun, type SavedAttempt } from '../../../src/lib/quiz/quiz-machine';
import type { QuizFile } from '../../../src/lib/quiz/types';

/**
 * Runs the quiz machine as the player does, recording what it asks the page to save. Tests that
 * answer by position pass seed `null` in a resume or use the default: seed 7 shuffles, so they
 * answer by option id.
 */
export function startQuiz(quiz: QuizFile, resume?: SavedAttempt, seed = 7) {
  const saved: SavedAttempt[] = [];
  const results: number[] = [];
  const actor = createQuizRun(
    { quiz, seed, resume },
    {
      persistAttempt: (context, phase) => saved.push({ ...context.attempt, log: context.log, phase }),
      reportResult: (context) => results.push(context.score!.percent),
    },
  ).start();
  const answer = (...choice: string[]) => {
    actor.send({ type: 'answer.submit', choice });
    actor.send({ type: 'quiz.next' });
  };
  return { actor, saved, results, answer, state: () => actor.getSnapshot().value, context: () => actor.getSnapshot().context };
}

/** Every branching path of the fixture: the choices and the ending they reach. */
export const FIXTURE_PATHS = {
  best: [['reply'], ['email']],
  acceptable: [['reply'], ['argue'], ['apologise']],
  poorEarly: [['delete']],
  poorLate: [['reply'], ['argue'], ['ignore']],
} as const;

/** Answers every scenario of the fixture; `wrong` names the ones answered wrongly. */
export function answerFixture(answer: (...c: string[]) => void, opts: { wrong?: string[]; path?: readonly (readonly string[])[] } = {}) {
  const w = new Set(opts.wrong ?? []);
  answer(w.has('evening-question') ? 'personal-private' : 'official');
  answer(w.has('letter-content') ? 'share' : 'withhold');
  if (w.has('good-principles')) answer('polite');
  else answer('polite', 'accurate');
  answer(w.has('press-release') ? 'release' : 'same-media');
  for (const choice of opts.path ?? FIXTURE_PATHS.best) answer(...choice);
}
