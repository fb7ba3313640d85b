import type { Locale } from '../i18n/locales';
import { isSeed } from '../quiz/random';
import { consequenceOf, correctAt, endingReached, leadsOn, questionOf, shuffleScenario, type QuizOption } from '../quiz/scenario';
import type { Ending, Scenario } from '../quiz/types';
import { scenariosIn, type PlanItem, type PlannableModule, type WorkshopPlan } from './plan';
import { optionsOf, roomChoice, type Slide } from './presenter-machine';

/**
 * The slides of a workshop run: the plan's scenarios, each with its options in the order this
 * run's seed gives, so the letters stay the same for the whole run (and after a reload, since the
 * seed is in the presenter's address).
 */
export function slidesFor(plan: WorkshopPlan, modules: readonly { id: string; scenarios: readonly Scenario[] }[], seed: number): Slide[] {
  return plan.flatMap((item) => {
    const module = modules.find((m) => m.id === item.module);
    return module ? slidesOfItem(item, module, seed) : [];
  });
}

/**
 * One plan item's slides, from its module's scenarios: what the presenter appends when a module's
 * data arrives. The same as that item's part of `slidesFor`, whatever order modules load in.
 */
export function slidesOfItem(item: PlanItem, module: { id: string; scenarios: readonly Scenario[] }, seed: number): Slide[] {
  const plannable: PlannableModule = { id: module.id, minutes: 0, scenarios: module.scenarios.map((s) => s.id) };
  const chosen = scenariosIn(item, [plannable]);
  return module.scenarios.filter((s) => chosen.includes(s.id)).map((s, i) => ({ module: module.id, scenario: shuffleScenario(s, seed), question: i }));
}

/** The run's seed from the presenter's address (`seed=`), or undefined when it has none yet. */
export function seedFromQuery(value: string | null): number | undefined {
  const seed = value === null || !/^\d{1,10}$/.test(value) ? NaN : Number(value);
  return isSeed(seed) ? seed : undefined;
}

export interface SlideView {
  consequence: string | undefined;
  question: string;
  options: { option: QuizOption; right: boolean; picked: boolean }[];
  /** The options the reveal explains: the right ones, or the room's choice where choices lead on. */
  explained: QuizOption[];
  ending: Ending | undefined;
  /** Choices here lead on, so the room must vote before the reveal. */
  needsVotes: boolean;
}

/** What the presenter shows for a slide at a step, before or after the reveal. */
export function slideView(slide: Slide, step: string | undefined, counts: readonly number[], revealed: boolean, lang: Locale): SlideView {
  const s = slide.scenario;
  const options = optionsOf(slide, step);
  const right = new Set(correctAt(s, step));
  const room = roomChoice(slide, step, counts);
  return {
    consequence: consequenceOf(s, step)?.[lang],
    question: questionOf(s, step)[lang],
    options: options.map((option) => ({ option, right: revealed && right.has(option.id), picked: revealed && room?.id === option.id })),
    explained: leadsOn(s) ? (room ? [room] : []) : options.filter((o) => right.has(o.id)),
    ending: revealed && room ? endingReached(s, [{ scenario: s.id, step, choice: [room.id] }]) : undefined,
    needsVotes: leadsOn(s) && !revealed && room === undefined,
  };
}
