import { assign, fromCallback, setup } from 'xstate';
import { leadsOn, nextStepOf, optionsAt, startOf as scenarioStart } from '../quiz/scenario';
import type { Scenario } from '../quiz/types';

/** One scenario on the projector, with the module it comes from and a discussion question. */
export interface Slide {
  module: string;
  scenario: Scenario;
  /** Index into the module's facilitator questions, so the same slide always asks the same. */
  question: number;
}

export interface PresenterContext {
  slides: Slide[];
  index: number;
  /** The current step of a branching scenario. */
  step: string | undefined;
  /** Show-of-hands counts per option, by `slideIndex:step`. */
  votes: Record<string, number[]>;
  /** Branching choices taken by the room's majority, per slide. */
  path: Record<number, { step: string; choice: string }[]>;
  /** The current scenario's timer: back to zero on every slide, still running if it was. */
  timer: { running: boolean; elapsedMs: number };
  /** The whole workshop's clock: runs with the timer across slides until it is reset. */
  clockMs: number;
  /** False while the plan's later modules are still loading (their slides are appended). */
  complete: boolean;
}

export type PresenterEvent =
  | { type: 'nav.next' }
  | { type: 'nav.back' }
  | { type: 'answer.reveal' }
  | { type: 'vote.add'; option: number }
  | { type: 'vote.remove'; option: number }
  | { type: 'timer.toggle' }
  | { type: 'timer.reset' }
  | { type: 'clock.reset' }
  | { type: 'slides.add'; slides: Slide[]; complete: boolean }
  | { type: 'timer.tick'; ms: number }
  | { type: 'summary.open' }
  | { type: 'summary.close' };

export const voteKey = (index: number, step: string | undefined) => `${index}:${step ?? ''}`;

/** The options on screen for the current slide and step. */
export function optionsOf(slide: Slide | undefined, step: string | undefined) {
  return slide ? optionsAt(slide.scenario, step) : [];
}

/** The room's choice: the option with most votes; a tie goes to the earlier option (A before B). */
export function majority(counts: readonly number[] | undefined): number | undefined {
  if (!counts || counts.every((c) => !c)) return undefined;
  return counts.reduce((best, c, i) => (c > counts[best]! ? i : best), 0);
}

const startOf = (slide: Slide | undefined) => (slide ? scenarioStart(slide.scenario) : undefined);

/** The option the room's majority chose at a step where choices lead on; undefined elsewhere. */
export function roomChoice(slide: Slide | undefined, step: string | undefined, counts: readonly number[] | undefined) {
  if (!slide || !leadsOn(slide.scenario)) return undefined;
  const choice = majority(counts);
  return choice === undefined ? undefined : optionsOf(slide, step)[choice];
}

function nextStep(slide: Slide, step: string | undefined, counts: number[] | undefined): string | undefined {
  const option = roomChoice(slide, step, counts);
  return option ? nextStepOf(slide.scenario, step, [option.id]) : undefined;
}

/**
 * At the end of the last slide so far (its story, if any, has nowhere further to go) while more of
 * the plan is still loading: "next" must wait for the next module instead of ending the workshop.
 */
export function waitingForSlides(context: PresenterContext): boolean {
  const slide = context.slides[context.index];
  return !context.complete && context.index >= context.slides.length - 1 && (!slide || nextStep(slide, context.step, context.votes[voteKey(context.index, context.step)]) === undefined);
}

/**
 * The trainer's run through a workshop: for each scenario the room votes, the trainer reveals the
 * answer, and moves on; branching scenarios follow the room's majority. `ticker` is the timer's
 * clock, an actor tests replace.
 */
export const presenterMachine = setup({
  types: { context: {} as PresenterContext, events: {} as PresenterEvent, input: {} as { slides: Slide[]; complete?: boolean } },
  actors: {
    // Each tick reports the time really passed: a browser slows intervals in a background tab (the
    // trainer switching to slides of their own), and the clocks must not lose those minutes.
    ticker: fromCallback<PresenterEvent>(({ sendBack }) => {
      let last = Date.now();
      const id = setInterval(() => {
        const now = Date.now();
        sendBack({ type: 'timer.tick', ms: Math.max(0, now - last) });
        last = now;
      }, 1000);
      return () => clearInterval(id);
    }),
  },
  guards: {
    hasSlides: ({ context }) => context.slides.length > 0,
    isComplete: ({ context }) => context.complete,
    awaitingSlides: ({ context }) => waitingForSlides(context),
    optionExists: ({ context, event }) =>
      (event.type === 'vote.add' || event.type === 'vote.remove') && event.option >= 0 && event.option < optionsOf(context.slides[context.index], context.step).length,
    // A branching step needs the room's choice to know where the story goes.
    canReveal: ({ context }) => {
      const slide = context.slides[context.index];
      return !slide || !leadsOn(slide.scenario) || majority(context.votes[voteKey(context.index, context.step)]) !== undefined;
    },
    continuesStory: ({ context }) => {
      const slide = context.slides[context.index];
      return !!slide && nextStep(slide, context.step, context.votes[voteKey(context.index, context.step)]) !== undefined;
    },
    hasNextSlide: ({ context }) => context.index < context.slides.length - 1,
    hasEarlierStep: ({ context }) => (context.path[context.index]?.length ?? 0) > 0,
    hasPreviousSlide: ({ context }) => context.index > 0,
  },
  actions: {
    addVote: assign(({ context, event }) => {
      if (event.type !== 'vote.add' && event.type !== 'vote.remove') return {};
      const key = voteKey(context.index, context.step);
      const counts = [...(context.votes[key] ?? optionsOf(context.slides[context.index], context.step).map(() => 0))];
      counts[event.option] = Math.max(0, counts[event.option]! + (event.type === 'vote.add' ? 1 : -1));
      return { votes: { ...context.votes, [key]: counts } };
    }),
    recordChoice: assign(({ context }) => {
      const option = roomChoice(context.slides[context.index], context.step, context.votes[voteKey(context.index, context.step)]);
      if (!option || !context.step) return {};
      const taken = (context.path[context.index] ?? []).filter((p) => p.step !== context.step);
      return { path: { ...context.path, [context.index]: [...taken, { step: context.step, choice: option.id }] } };
    }),
    followStory: assign(({ context }) => ({ step: nextStep(context.slides[context.index]!, context.step, context.votes[voteKey(context.index, context.step)]) })),
    stepBack: assign(({ context }) => {
      const taken = context.path[context.index] ?? [];
      const previous = taken.at(-1)!;
      return { step: previous.step, path: { ...context.path, [context.index]: taken.slice(0, -1) } };
    }),
    addSlides: assign(({ context, event }) => (event.type === 'slides.add' ? { slides: [...context.slides, ...event.slides], complete: event.complete } : {})),
    startAtFirst: assign(({ context }) => ({ index: 0, step: startOf(context.slides[0]) })),
    nextSlide: assign(({ context }) => ({ index: context.index + 1, step: startOf(context.slides[context.index + 1]), timer: { running: context.timer.running, elapsedMs: 0 } })),
    previousSlide: assign(({ context }) => {
      const index = context.index - 1;
      const taken = context.path[index] ?? [];
      // Back onto a branching scenario: its last step, as revealed.
      return { index, step: taken.at(-1)?.step ?? startOf(context.slides[index]), path: { ...context.path, [index]: taken.slice(0, -1) }, timer: { running: context.timer.running, elapsedMs: 0 } };
    }),
    toggleTimer: assign(({ context }) => ({ timer: { ...context.timer, running: !context.timer.running } })),
    resetTimer: assign({ timer: { running: false, elapsedMs: 0 } }),
    resetClock: assign({ clockMs: 0 }),
    tick: assign(({ context, event }) =>
      event.type === 'timer.tick' && context.timer.running
        ? { timer: { running: true, elapsedMs: context.timer.elapsedMs + event.ms }, clockMs: context.clockMs + event.ms }
        : {},
    ),
  },
}).createMachine({
  id: 'presenter',
  context: ({ input }) => ({
    slides: input.slides,
    index: 0,
    step: startOf(input.slides[0]),
    votes: {},
    path: {},
    timer: { running: false, elapsedMs: 0 },
    clockMs: 0,
    complete: input.complete ?? true,
  }),
  initial: 'checking',
  // Later modules arrive while the trainer presents; their slides go to the end.
  on: { 'slides.add': { actions: 'addSlides' } },
  states: {
    checking: { always: [{ guard: 'hasSlides', target: 'presenting' }, { guard: 'isComplete', target: 'empty' }, { target: 'loading' }] },
    // Nothing to show until the plan's first module is in.
    loading: {
      on: { 'slides.add': { target: 'checking', actions: ['addSlides', 'startAtFirst'] } },
    },
    empty: {},
    presenting: {
      invoke: { src: 'ticker' },
      initial: 'voting',
      on: {
        'timer.toggle': { actions: 'toggleTimer' },
        'timer.reset': { actions: 'resetTimer' },
        'clock.reset': { actions: 'resetClock' },
        'timer.tick': { actions: 'tick' },
        'summary.open': { target: 'summary' },
      },
      states: {
        voting: {
          on: {
            'vote.add': { guard: 'optionExists', actions: 'addVote' },
            'vote.remove': { guard: 'optionExists', actions: 'addVote' },
            'answer.reveal': { guard: 'canReveal', target: 'revealed', actions: 'recordChoice' },
            'nav.next': { guard: 'canReveal', target: 'revealed', actions: 'recordChoice' },
            'nav.back': [
              { guard: 'hasEarlierStep', target: 'revealed', actions: 'stepBack' },
              { guard: 'hasPreviousSlide', target: 'revealed', actions: 'previousSlide' },
            ],
          },
        },
        revealed: {
          on: {
            'nav.next': [
              { guard: 'continuesStory', target: 'voting', actions: 'followStory' },
              { guard: 'hasNextSlide', target: 'voting', actions: 'nextSlide' },
              // Not the end of the workshop yet: stay until the next module is in (the view says so).
              { guard: 'awaitingSlides' },
              { target: '#presenter.summary' },
            ],
            'nav.back': { target: 'voting' },
          },
        },
        hist: { type: 'history' },
      },
    },
    summary: {
      on: { 'summary.close': { target: 'presenting.hist' }, 'nav.back': { target: 'presenting.hist' } },
    },
  },
});
