import type { Locale } from '../i18n/locales';
import { consequenceOf, correctAt, endingReached, leadsOn, questionOf, type QuizOption } from '../quiz/scenario';
import type { Ending, Scenario } from '../quiz/types';
import { scenariosIn, type PlanItem, type PlannableModule, type WorkshopPlan } from './plan';
import { optionsOf, roomChoice, type Slide } from './presenter-machine';

/**
 * The slides of a workshop run: the plan's scenarios, options in the order the module data gives
 * (the printed order, `printedScenario`), so the letters are the facilitator guide's in every run.
 */
export function slidesFor(plan: WorkshopPlan, modules: readonly { id: string; scenarios: readonly Scenario[] }[]): Slide[] {
  return plan.flatMap((item) => {
    const module = modules.find((m) => m.id === item.module);
    return module ? slidesOfItem(item, module) : [];
  });
}

/**
 * One plan item's slides, from its module's scenarios: what the presenter appends when a module's
 * data arrives. The same as that item's part of `slidesFor`, whatever order modules load in.
 */
export function slidesOfItem(item: PlanItem, module: { id: string; scenarios: readonly Scenario[] }): Slide[] {
  const plannable: PlannableModule = { id: module.id, minutes: 0, scenarios: module.scenarios.map((s) => s.id) };
  const chosen = scenariosIn(item, [plannable]);
  return module.scenarios.filter((s) => chosen.includes(s.id)).map((s, i) => ({ module: module.id, scenario: s, question: i }));
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
