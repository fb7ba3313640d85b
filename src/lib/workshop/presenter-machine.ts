import { leadsOn, nextStepOf, optionsAt, startOf as scenarioStart } from '../quiz/scenario';
import type { Scenario } from '../quiz/types';

/** One scenario on the projector, with the module it comes from and its position there. */
export interface Slide {
  module: string;
  scenario: Scenario;
  /** The scenario's position among the plan item's slides (its discussion question is its own, `discussion`). */
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
  | { type: 'summary.close' }
  /** A reload of the presenter's tab: back to the slide, step, phase, votes and story path it had. */
  | { type: 'run.restore'; saved: SavedRun };

/** What a presenter tab keeps of its run (sessionStorage), so a reload comes back where it was. */
export interface SavedRun {
  index: number;
  step: string | undefined;
  phase: PresenterPhase;
  votes: Record<string, number[]>;
  path: Record<number, { step: string; choice: string }[]>;
  clockMs: number;
  /** The summary was open (a reload comes back to it, once every slide is in); `phase` is where closing it goes. */
  summary?: boolean;
}

export const savedRunOf = (snapshot: PresenterSnapshot): SavedRun | undefined => {
  const phase = phaseOf(snapshot.value) ?? (snapshot.value === 'summary' ? snapshot.resume : undefined);
  if (!phase) return undefined;
  const { index, step, votes, path, clockMs } = snapshot.context;
  return { index, step, phase, votes, path, clockMs, ...(snapshot.value === 'summary' ? { summary: true } : {}) };
};

/** Whether a saved run fits the slides loaded so far: its slide is there, its step is one of that slide's. */
function fits(c: PresenterContext, saved: SavedRun): boolean {
  const slide = c.slides[saved.index];
  if (!slide) return false;
  if (saved.step === undefined) return !leadsOn(slide.scenario);
  return leadsOn(slide.scenario) && optionsAt(slide.scenario, saved.step).length > 0;
}

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

/** Where the presenter is: xstate-shaped values, so `matches` reads as it did with the machine. */
export type PresenterPhase = 'voting' | 'revealed';
export type PresenterValue = 'loading' | 'empty' | 'summary' | { presenting: PresenterPhase };

export interface PresenterSnapshot {
  value: PresenterValue;
  context: PresenterContext;
  /** Where "close the summary" goes back to (the machine's history state): the slide as it was left. */
  resume: PresenterPhase;
}

/** What the run does besides changing the snapshot: the timer's clock runs while a slide is on screen. */
export type PresenterEffect = { type: 'ticker.start' } | { type: 'ticker.stop' };

export interface PresenterStep {
  snapshot: PresenterSnapshot;
  effects: PresenterEffect[];
}

export interface PresenterInput {
  slides: Slide[];
  complete?: boolean;
}

const countsAt = (c: PresenterContext) => c.votes[voteKey(c.index, c.step)];
const presenting = (phase: PresenterPhase): PresenterValue => ({ presenting: phase });
const phaseOf = (value: PresenterValue): PresenterPhase | undefined => (typeof value === 'object' ? value.presenting : undefined);

// The machine's guards, by name.
const canReveal = (c: PresenterContext) => {
  const slide = c.slides[c.index];
  return !slide || !leadsOn(slide.scenario) || majority(countsAt(c)) !== undefined;
};
const continuesStory = (c: PresenterContext) => {
  const slide = c.slides[c.index];
  return !!slide && nextStep(slide, c.step, countsAt(c)) !== undefined;
};
const optionExists = (c: PresenterContext, option: number) => option >= 0 && option < optionsOf(c.slides[c.index], c.step).length;

// The machine's actions: each returns the next context.
function addVote(c: PresenterContext, option: number, change: 1 | -1): PresenterContext {
  const key = voteKey(c.index, c.step);
  const counts = [...(c.votes[key] ?? optionsOf(c.slides[c.index], c.step).map(() => 0))];
  counts[option] = Math.max(0, counts[option]! + change);
  return { ...c, votes: { ...c.votes, [key]: counts } };
}
function recordChoice(c: PresenterContext): PresenterContext {
  const option = roomChoice(c.slides[c.index], c.step, countsAt(c));
  if (!option || !c.step) return c;
  const taken = (c.path[c.index] ?? []).filter((p) => p.step !== c.step);
  return { ...c, path: { ...c.path, [c.index]: [...taken, { step: c.step, choice: option.id }] } };
}
function stepBack(c: PresenterContext): PresenterContext {
  const taken = c.path[c.index] ?? [];
  const previous = taken.at(-1)!;
  return { ...c, step: previous.step, path: { ...c.path, [c.index]: taken.slice(0, -1) } };
}
function previousSlide(c: PresenterContext): PresenterContext {
  const index = c.index - 1;
  const taken = c.path[index] ?? [];
  // Back onto a branching scenario: its last step, as revealed.
  return { ...c, index, step: taken.at(-1)?.step ?? startOf(c.slides[index]), path: { ...c.path, [index]: taken.slice(0, -1) }, timer: { running: c.timer.running, elapsedMs: 0 } };
}
const nextSlide = (c: PresenterContext): PresenterContext => ({ ...c, index: c.index + 1, step: startOf(c.slides[c.index + 1]), timer: { running: c.timer.running, elapsedMs: 0 } });
const addSlides = (c: PresenterContext, slides: Slide[], complete: boolean): PresenterContext => ({ ...c, slides: [...c.slides, ...slides], complete });

/** The machine's `checking` state: where a context with (or without) slides starts. */
function settle(context: PresenterContext, resume: PresenterPhase): PresenterStep {
  if (context.slides.length > 0) return { snapshot: { value: presenting('voting'), context, resume }, effects: [{ type: 'ticker.start' }] };
  return { snapshot: { value: context.complete ? 'empty' : 'loading', context, resume }, effects: [] };
}

/** The snapshot a run starts in, and whether its clock starts with it. */
export function initialPresenterStep(input: PresenterInput): PresenterStep {
  return settle(
    {
      slides: input.slides,
      index: 0,
      step: startOf(input.slides[0]),
      votes: {},
      path: {},
      timer: { running: false, elapsedMs: 0 },
      clockMs: 0,
      complete: input.complete ?? true,
    },
    'voting',
  );
}

/**
 * The trainer's run through a workshop, as a pure transition: for each scenario the room votes, the
 * trainer reveals the answer, and moves on; branching scenarios follow the room's majority; later
 * modules' slides arrive while the trainer presents. Returns the next snapshot and the effects to
 * run (the timer's clock runs while a slide is on screen, not in the summary), or undefined when
 * the event changes nothing in this state. The same states, events and guards as the xstate machine
 * it replaces (presenter-machine.test.ts): a function because xstate's runtime alone is 12 KB gzip
 * of the presenter's first load.
 */
export function presenterTransition(snapshot: PresenterSnapshot, event: PresenterEvent): PresenterStep | undefined {
  const { value, context: c, resume } = snapshot;
  const to = (next: PresenterValue, context: PresenterContext = c, effects: PresenterEffect[] = []): PresenterStep => ({
    snapshot: { value: next, context, resume: phaseOf(next) ?? phaseOf(value) ?? resume },
    effects,
  });
  if (event.type === 'slides.add') {
    const context = addSlides(c, event.slides, event.complete);
    // Nothing was on screen yet: the first slides start the workshop.
    if (value === 'loading') return settle({ ...context, index: 0, step: startOf(context.slides[0]) }, resume);
    // Later modules' slides go to the end, whatever is on screen.
    return to(value, context);
  }
  if (event.type === 'run.restore') {
    if (value === 'loading' || value === 'empty' || !fits(c, event.saved)) return undefined;
    const { index, step, phase, votes, path, clockMs } = event.saved;
    // The summary covers the whole plan: it comes back only once every module's slides are in.
    if (event.saved.summary) {
      if (!c.complete) return undefined;
      return { snapshot: { value: 'summary', context: { ...c, index, step, votes, path, clockMs, timer: { running: false, elapsedMs: 0 } }, resume: phase }, effects: [{ type: 'ticker.stop' }] };
    }
    return to(presenting(phase), { ...c, index, step, votes, path, clockMs, timer: { running: false, elapsedMs: 0 } }, [{ type: 'ticker.start' }]);
  }
  if (value === 'summary') return event.type === 'summary.close' || event.type === 'nav.back' ? to(presenting(resume), c, [{ type: 'ticker.start' }]) : undefined;
  const phase = phaseOf(value);
  if (!phase) return undefined;
  switch (event.type) {
    case 'timer.toggle':
      return to(value, { ...c, timer: { ...c.timer, running: !c.timer.running } });
    case 'timer.reset':
      return to(value, { ...c, timer: { running: false, elapsedMs: 0 } });
    case 'clock.reset':
      return to(value, { ...c, clockMs: 0 });
    case 'timer.tick':
      // The workshop clock runs while a slide is on screen, whether or not the scenario timer does.
      return to(value, { ...c, timer: c.timer.running ? { running: true, elapsedMs: c.timer.elapsedMs + event.ms } : c.timer, clockMs: c.clockMs + event.ms });
    case 'summary.open':
      return to('summary', c, [{ type: 'ticker.stop' }]);
  }
  if (phase === 'voting') {
    switch (event.type) {
      case 'vote.add':
      case 'vote.remove':
        return optionExists(c, event.option) ? to(value, addVote(c, event.option, event.type === 'vote.add' ? 1 : -1)) : undefined;
      case 'answer.reveal':
      case 'nav.next':
        return canReveal(c) ? to(presenting('revealed'), recordChoice(c)) : undefined;
      case 'nav.back':
        if ((c.path[c.index]?.length ?? 0) > 0) return to(presenting('revealed'), stepBack(c));
        if (c.index > 0) return to(presenting('revealed'), previousSlide(c));
        return undefined;
    }
    return undefined;
  }
  switch (event.type) {
    case 'nav.next':
      if (continuesStory(c)) return to(presenting('voting'), { ...c, step: nextStep(c.slides[c.index]!, c.step, countsAt(c)) });
      if (c.index < c.slides.length - 1) return to(presenting('voting'), nextSlide(c));
      // Not the end of the workshop yet: stay until the next module is in (the view says so).
      if (waitingForSlides(c)) return undefined;
      return to('summary', c, [{ type: 'ticker.stop' }]);
    case 'nav.back':
      return to(presenting('voting'));
  }
  return undefined;
}

/** A snapshot as the page reads it: state, context, and whether an event would change anything. */
export interface PresenterRunSnapshot extends PresenterSnapshot {
  can(event: PresenterEvent): boolean;
  matches(value: PresenterValue | 'presenting'): boolean;
}

function matchesValue(value: PresenterValue, wanted: PresenterValue | 'presenting'): boolean {
  if (typeof wanted === 'string') return wanted === 'presenting' ? typeof value === 'object' : value === wanted;
  return typeof value === 'object' && value.presenting === wanted.presenting;
}

function view(snapshot: PresenterSnapshot): PresenterRunSnapshot {
  return { ...snapshot, can: (event) => presenterTransition(snapshot, event) !== undefined, matches: (wanted) => matchesValue(snapshot.value, wanted) };
}

/** The timer's clock: calls `tick` with the time passed, returns how to stop it. */
export type Ticker = (tick: (ms: number) => void) => () => void;

/**
 * Each tick reports the time really passed: a browser slows intervals in a background tab (the
 * trainer switching to slides of their own), and the clocks must not lose those minutes.
 */
export const intervalTicker: Ticker = (tick) => {
  let last = Date.now();
  const id = setInterval(() => {
    const now = Date.now();
    tick(Math.max(0, now - last));
    last = now;
  }, 1000);
  return () => clearInterval(id);
};

export interface PresenterRun {
  getSnapshot(): PresenterRunSnapshot;
  /** Applies an event; one that changes nothing (or after stop) is dropped. */
  send(event: PresenterEvent): void;
  subscribe(listener: (snapshot: PresenterRunSnapshot) => void): { unsubscribe(): void };
  start(): PresenterRun;
  stop(): void;
}

/** Runs the transition for the presenter page: holds the snapshot, runs the clock, notifies listeners. */
export function createPresenterRun(input: PresenterInput, ticker: Ticker = intervalTicker): PresenterRun {
  const initial = initialPresenterStep(input);
  let current = view(initial.snapshot);
  let running = false;
  let stopTicker: (() => void) | undefined;
  const listeners = new Set<(snapshot: PresenterRunSnapshot) => void>();
  const apply = (effects: PresenterEffect[]) => {
    for (const effect of effects) {
      stopTicker?.();
      stopTicker = effect.type === 'ticker.start' ? ticker((ms) => run.send({ type: 'timer.tick', ms })) : undefined;
    }
  };
  const run: PresenterRun = {
    getSnapshot: () => current,
    send(event) {
      if (!running) return;
      const step = presenterTransition(current, event);
      if (!step) return;
      current = view(step.snapshot);
      apply(step.effects);
      for (const listener of [...listeners]) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return { unsubscribe: () => void listeners.delete(listener) };
    },
    start() {
      if (running) return run;
      running = true;
      // Started on a slide: its clock runs from now.
      if (phaseOf(current.value)) apply([{ type: 'ticker.start' }]);
      return run;
    },
    stop() {
      running = false;
      stopTicker?.();
      stopTicker = undefined;
      listeners.clear();
    },
  };
  return run;
}
