import { assign, setup } from 'xstate';
import { attemptProblem, attemptQuiz, drawnIds, type AttemptSpec } from './attempt';
import { advance, entryAt, firstPosition, isValidChoice, replay, type Position } from './position';
import { scoreQuiz, type QuizScore } from './scoring';
import type { AnswerLog, QuizFile } from './types';

/** Where a saved attempt stopped: on a question, or reading the feedback to the last answer. */
export type AttemptPhase = 'answering' | 'feedback';

/** An attempt as saved: its seed, its drawn scenarios, the answers so far and the phase. */
export interface SavedAttempt extends AttemptSpec {
  log: AnswerLog;
  phase: AttemptPhase;
}

export interface QuizMachineInput {
  /** The quiz as authored: the whole pool, options in file order. */
  quiz: QuizFile;
  /** The seed for a new attempt (the player passes a random one, tests a fixed one). */
  seed: number;
  /** A saved, unfinished attempt to continue. One that does not fit the quiz starts afresh. */
  resume?: SavedAttempt;
}

export interface QuizContext {
  pool: QuizFile;
  /** The seed and drawn scenarios of the attempt on screen. */
  attempt: { seed: number | null; drawn: string[] };
  /** The quiz as this attempt shows it: drawn scenarios, options in the seed's order. */
  quiz: QuizFile;
  log: AnswerLog;
  /** The question on screen or next; undefined once every scenario is answered. */
  position: Position | undefined;
  /** The question the last answer was given to, whose feedback is shown. */
  answered: Position | undefined;
  score: QuizScore | undefined;
  /** The phase a resumed attempt was saved in; decides where restoring lands. */
  resumePhase: AttemptPhase | undefined;
  /** A saved attempt was restored (even one with no answer yet: the learner had started it). */
  resumed: boolean;
}

export type QuizEvent =
  | { type: 'quiz.start' }
  | { type: 'answer.submit'; choice: string[] }
  | { type: 'quiz.next' }
  /** A new attempt: a new seed, so new scenarios (from a pool) and a new option order. */
  | { type: 'quiz.retry'; seed: number };

function freshAttempt(pool: QuizFile, seed: number): Pick<QuizContext, 'attempt' | 'quiz' | 'log' | 'position' | 'answered' | 'score'> {
  const attempt = { seed, drawn: drawnIds(pool, { seed }) };
  const quiz = attemptQuiz(pool, attempt);
  return { attempt, quiz, log: [], position: firstPosition(quiz), answered: undefined, score: undefined };
}

function restore(input: QuizMachineInput): QuizContext {
  const fresh: QuizContext = { pool: input.quiz, ...freshAttempt(input.quiz, input.seed), resumePhase: input.resume?.phase, resumed: false };
  const saved = input.resume;
  if (!saved || attemptProblem(input.quiz, saved)) return fresh;
  const attempt = { seed: saved.seed, drawn: drawnIds(input.quiz, saved) };
  const quiz = attemptQuiz(input.quiz, attempt);
  const walked = replay(quiz, saved.log);
  if (!walked.ok) return fresh;
  // Even with no answer yet, keep the saved attempt: a reload shows the same question, scenarios and order.
  if (saved.log.length === 0) return { ...fresh, attempt, quiz, position: firstPosition(quiz), resumed: true };
  const before = replay(quiz, saved.log.slice(0, -1));
  return { ...fresh, attempt, quiz, log: saved.log, position: walked.position, answered: before.ok ? before.position : undefined, resumed: true };
}

/**
 * The learner's run through one quiz: intro → answering ⇄ feedback → result → (retry).
 * `persistAttempt` and `reportResult` do nothing here; the quiz player provides them to save
 * progress, and tests provide them to observe it.
 */
export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizMachineInput,
  },
  guards: {
    // A finished log whose result was never shown also lands on the last feedback, not on a blank question.
    resumesAtFeedback: ({ context }) => context.log.length > 0 && (context.resumePhase === 'feedback' || !context.position),
    wasStarted: ({ context }) => context.resumed && context.position !== undefined,
    isValidChoice: ({ context, event }) =>
      event.type === 'answer.submit' && context.position !== undefined && isValidChoice(context.quiz, context.position, event.choice),
    isFinished: ({ context }) => context.position === undefined,
  },
  actions: {
    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'answer.submit' || !context.position) return {};
      return {
        log: [...context.log, entryAt(context.quiz, context.position, event.choice)],
        answered: context.position,
        position: advance(context.quiz, context.position, event.choice),
      };
    }),
    startOver: assign(({ context, event }) => (event.type === 'quiz.retry' ? freshAttempt(context.pool, event.seed) : {})),
    score: assign(({ context }) => ({ score: scoreQuiz(context.quiz, context.log) })),
    persistAttempt: (_, _params: { phase: AttemptPhase }) => {},
    reportResult: () => {},
  },
}).createMachine({
  id: 'quiz',
  context: ({ input }) => restore(input),
  initial: 'restoring',
  states: {
    restoring: {
      always: [
        { guard: 'resumesAtFeedback', target: 'feedback' },
        { guard: 'wasStarted', target: 'answering' },
        { target: 'intro' },
      ],
    },
    intro: {
      on: { 'quiz.start': { target: 'answering', actions: [{ type: 'persistAttempt', params: { phase: 'answering' } }] } },
    },
    answering: {
      on: {
        'answer.submit': {
          guard: 'isValidChoice',
          target: 'feedback',
          actions: ['recordAnswer', { type: 'persistAttempt', params: { phase: 'feedback' } }],
        },
      },
    },
    feedback: {
      on: {
        'quiz.next': [
          { guard: 'isFinished', target: 'result' },
          { target: 'answering', actions: [{ type: 'persistAttempt', params: { phase: 'answering' } }] },
        ],
      },
    },
    result: {
      entry: ['score', 'reportResult'],
      on: {
        'quiz.retry': { target: 'answering', actions: ['startOver', { type: 'persistAttempt', params: { phase: 'answering' } }] },
      },
    },
  },
});
