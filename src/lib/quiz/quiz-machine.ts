import { assign, setup } from 'xstate';
import { advance, entryAt, firstPosition, isValidChoice, replay, type Position } from './position';
import { scoreQuiz, type QuizScore } from './scoring';
import type { AnswerLog, QuizFile } from './types';

/** Where a saved attempt stopped: on a question, or reading the feedback to the last answer. */
export type AttemptPhase = 'answering' | 'feedback';

export interface QuizMachineInput {
  quiz: QuizFile;
  /** A saved, unfinished attempt to continue. A log that does not fit the quiz starts afresh. */
  resume?: { log: AnswerLog; phase: AttemptPhase };
}

export interface QuizContext {
  quiz: QuizFile;
  log: AnswerLog;
  /** The question on screen or next; undefined once every scenario is answered. */
  position: Position | undefined;
  /** The question the last answer was given to, whose feedback is shown. */
  answered: Position | undefined;
  score: QuizScore | undefined;
  /** The phase a resumed attempt was saved in; decides where restoring lands. */
  resumePhase: AttemptPhase | undefined;
}

export type QuizEvent =
  | { type: 'quiz.start' }
  | { type: 'answer.submit'; choice: string[] }
  | { type: 'quiz.next' }
  | { type: 'quiz.retry' };

function restore(input: QuizMachineInput): QuizContext {
  const fresh: QuizContext = { quiz: input.quiz, log: [], position: firstPosition(input.quiz), answered: undefined, score: undefined, resumePhase: input.resume?.phase };
  const log = input.resume?.log ?? [];
  const walked = replay(input.quiz, log);
  if (!walked.ok || log.length === 0) return fresh;
  const before = replay(input.quiz, log.slice(0, -1));
  return { ...fresh, log, position: walked.position, answered: before.ok ? before.position : undefined };
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
    hasAnswers: ({ context }) => context.log.length > 0,
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
    startOver: assign(({ context }) => ({ log: [], position: firstPosition(context.quiz), answered: undefined, score: undefined })),
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
        { guard: 'hasAnswers', target: 'answering' },
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
