import type { Locale } from '../i18n/locales';
import { consequenceOf, endingReached, leadsOn, questionOf, type QuizOption } from '../quiz/scenario';
import type { Ending, Scenario } from '../quiz/types';
import { scenariosIn, type PlanItem, type PlannableModule, type WorkshopPlan } from './plan';
import { optionsOf, roomChoice, type Slide } from './presenter-machine';
import { revealKey } from './reveal-key';

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
  /** `right`: after the reveal, the right option (a story's step: a better one, the key the phones get). */
  options: { option: QuizOption; right: boolean; picked: boolean }[];
  /** A story: its marks say „Labākā izvēle”, not „Pareizā atbilde”. */
  story: boolean;
  /** The options the reveal explains: the right ones, or the room's choice where choices lead on. */
  explained: QuizOption[];
  ending: Ending | undefined;
  /** Choices here lead on, so the room must vote before the reveal. */
  needsVotes: boolean;
  /**
   * After a story step's reveal, when the room's votes tie at the top: the tied options' indexes
   * (the machine goes on with the earliest, `roomChoice`); empty otherwise. The projector says so.
   */
  tie: number[];
  /**
   * After the reveal, the scenario's own question for the room (`discussion` in its quiz file). A
   * story asks it with its ending, once the room has made every choice: asked at an earlier step
   * it would talk about moves the room has not voted on yet.
   */
  discussion: string | undefined;
}

/** What the presenter shows for a slide at a step, before or after the reveal. */
export function slideView(slide: Slide, step: string | undefined, counts: readonly number[], revealed: boolean, lang: Locale): SlideView {
  const s = slide.scenario;
  const options = optionsOf(slide, step);
  // The same key the phones get with the reveal (reveal-key.ts): a story's step marks its better options.
  const right = new Set(revealKey(s, step).right);
  const room = roomChoice(slide, step, counts);
  const ending = revealed && room ? endingReached(s, [{ scenario: s.id, step, choice: [room.id] }]) : undefined;
  return {
    consequence: consequenceOf(s, step)?.[lang],
    question: questionOf(s, step)[lang],
    options: options.map((option) => ({ option, right: revealed && right.has(option.id), picked: revealed && room?.id === option.id })),
    story: leadsOn(s),
    explained: leadsOn(s) ? (room ? [room] : []) : options.filter((o) => right.has(o.id)),
    ending,
    needsVotes: leadsOn(s) && !revealed && room === undefined,
    tie: revealed && room ? tiedAtTop(counts) : [],
    discussion: revealed && (!leadsOn(s) || ending) ? s.discussion?.[lang] : undefined,
  };
}

/** The options sharing the most votes when more than one does (a tie), else none. */
function tiedAtTop(counts: readonly number[]): number[] {
  const most = Math.max(0, ...counts);
  const tied = counts.flatMap((c, i) => (most > 0 && c === most ? [i] : []));
  return tied.length > 1 ? tied : [];
}
