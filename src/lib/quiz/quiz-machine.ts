import { attemptQuiz, drawnIds, isDrawnBySeed, type AttemptSpec } from './attempt';
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
  if (!saved || !isDrawnBySeed(input.quiz, saved)) return fresh;
  const attempt = { seed: saved.seed, drawn: drawnIds(input.quiz, saved) };
  const quiz = attemptQuiz(input.quiz, attempt);
  const walked = replay(quiz, saved.log);
  if (!walked.ok) return fresh;
  // Even with no answer yet, keep the saved attempt: a reload shows the same question, scenarios and order.
  if (saved.log.length === 0) return { ...fresh, attempt, quiz, position: firstPosition(quiz), resumed: true };
  const before = replay(quiz, saved.log.slice(0, -1));
  return { ...fresh, attempt, quiz, log: saved.log, position: walked.position, answered: before.ok ? before.position : undefined, resumed: true };
}

/** The quiz's states; "restoring" is resolved at creation and never observed. */
export type QuizPhase = 'intro' | 'answering' | 'feedback' | 'result';

export interface QuizSnapshot {
  value: QuizPhase;
  context: QuizContext;
}

/** What a transition asks the page to do: save the attempt (in a phase) or report the finished result. */
export type QuizEffect = { type: 'persistAttempt'; phase: AttemptPhase } | { type: 'reportResult' };

export interface QuizStep {
  snapshot: QuizSnapshot;
  effects: QuizEffect[];
}

/**
 * Where a run starts: the "restoring" decision of a saved attempt. A finished log whose result was
 * never shown lands on the last feedback, not on a blank question; a started attempt on its question.
 */
export function initialQuizSnapshot(input: QuizMachineInput): QuizSnapshot {
  const context = restore(input);
  if (context.log.length > 0 && (context.resumePhase === 'feedback' || !context.position)) return { value: 'feedback', context };
  if (context.resumed && context.position !== undefined) return { value: 'answering', context };
  return { value: 'intro', context };
}

/**
 * The learner's run through one quiz, as a pure transition: intro → answering ⇄ feedback → result
 * → (retry). Returns the next snapshot and the effects to run, or undefined when the event does not
 * apply in this state (an answer that does not fit the question, "next" on a question, …).
 * The same states and events as the xstate machine it replaces (see quiz-machine.test.ts and
 * quiz-machine-paths.test.ts); a function instead of xstate because xstate's runtime alone is
 * 12 KB gzip of the module page's 30 KB budget.
 */
export function quizTransition(snapshot: QuizSnapshot, event: QuizEvent): QuizStep | undefined {
  const { value, context } = snapshot;
  const persist = (phase: AttemptPhase): QuizEffect => ({ type: 'persistAttempt', phase });
  switch (value) {
    case 'intro':
      return event.type === 'quiz.start' ? { snapshot: { value: 'answering', context }, effects: [persist('answering')] } : undefined;
    case 'answering': {
      if (event.type !== 'answer.submit' || !context.position || !isValidChoice(context.quiz, context.position, event.choice)) return undefined;
      const next: QuizContext = {
        ...context,
        log: [...context.log, entryAt(context.quiz, context.position, event.choice)],
        answered: context.position,
        position: advance(context.quiz, context.position, event.choice),
      };
      return { snapshot: { value: 'feedback', context: next }, effects: [persist('feedback')] };
    }
    case 'feedback':
      if (event.type !== 'quiz.next') return undefined;
      if (context.position === undefined) {
        return { snapshot: { value: 'result', context: { ...context, score: scoreQuiz(context.quiz, context.log) } }, effects: [{ type: 'reportResult' }] };
      }
      return { snapshot: { value: 'answering', context }, effects: [persist('answering')] };
    case 'result':
      if (event.type !== 'quiz.retry') return undefined;
      return { snapshot: { value: 'answering', context: { ...context, ...freshAttempt(context.pool, event.seed) } }, effects: [persist('answering')] };
  }
}

/** What the page provides to save progress (tests provide them to observe it). */
export interface QuizEffects {
  persistAttempt?: (context: QuizContext, phase: AttemptPhase) => void;
  reportResult?: (context: QuizContext) => void;
}

/** A snapshot as the page reads it: state, context, and whether an event would be taken. */
export interface QuizRunSnapshot extends QuizSnapshot {
  can(event: QuizEvent): boolean;
  matches(value: QuizPhase): boolean;
}

export interface QuizRun {
  getSnapshot(): QuizRunSnapshot;
  /** Applies an event; one that does not apply (or after stop) changes nothing. */
  send(event: QuizEvent): void;
  subscribe(listener: (snapshot: QuizRunSnapshot) => void): { unsubscribe(): void };
  start(): QuizRun;
  stop(): void;
}

function view(snapshot: QuizSnapshot): QuizRunSnapshot {
  return { ...snapshot, can: (event) => quizTransition(snapshot, event) !== undefined, matches: (value) => snapshot.value === value };
}

/** Runs the transition for the quiz player: holds the current snapshot, runs effects, notifies listeners. */
export function createQuizRun(input: QuizMachineInput, effects: QuizEffects = {}): QuizRun {
  let current = view(initialQuizSnapshot(input));
  let running = false;
  const listeners = new Set<(snapshot: QuizRunSnapshot) => void>();
  const run: QuizRun = {
    getSnapshot: () => current,
    send(event) {
      if (!running) return;
      const step = quizTransition(current, event);
      if (!step) return;
      current = view(step.snapshot);
      for (const effect of step.effects) {
        if (effect.type === 'persistAttempt') effects.persistAttempt?.(current.context, effect.phase);
        else effects.reportResult?.(current.context);
      }
      for (const listener of [...listeners]) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return { unsubscribe: () => void listeners.delete(listener) };
    },
    start() {
      running = true;
      return run;
    },
    stop() {
      running = false;
      listeners.clear();
    },
  };
  return run;
}
