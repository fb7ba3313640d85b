import type { Locale } from '../i18n/locales';
import { allowsSeveral, consequenceOf, nextStepOf, optionsAt, questionOf, shuffleScenario, startOf, stepsOf } from '../quiz/scenario';
import { optionLabel } from '../quiz/view';
import type { AnswerEntry, Scenario } from '../quiz/types';

/**
 * A final-test item as the browser gets it: texts in one locale, options in the attempt's order,
 * and nothing that tells the answer — no feedback, no sources, no right marks, no points, no
 * endings, and no ids from the bank (option and step ids can hint, "slogan-name"): options are
 * `a`, `b`, `c`… in the order shown, steps `s1`, `s2`… The server maps them back with the same seed.
 */
export interface PublicStep {
  id: string;
  /** What happens now, in steps after the first. */
  consequence?: string;
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
  /** For stories: the step each option leads to, or null where the story ends. */
  next?: Record<string, string | null>;
}

export interface PublicItem {
  situation: string;
  start: string;
  steps: PublicStep[];
}

const optionId = (i: number) => String.fromCharCode(97 + i);

/** The item in the order the attempt's seed gives it, with the maps between public and bank ids. */
function ordered(scenario: Scenario, seed: number) {
  const shown = shuffleScenario(scenario, seed);
  const steps = stepsOf(shown);
  const stepId = new Map(steps.map((step, i) => [step, `s${i + 1}`]));
  return { shown, steps, stepId };
}

export function publicItem(scenario: Scenario, seed: number, locale: Locale, standard: Record<string, string>): PublicItem {
  const { shown, steps, stepId } = ordered(scenario, seed);
  return {
    situation: shown.situation[locale],
    start: stepId.get(startOf(shown))!,
    steps: steps.map((step) => {
      const options = optionsAt(shown, step);
      const consequence = consequenceOf(shown, step)?.[locale];
      const view: PublicStep = {
        id: stepId.get(step)!,
        ...(consequence && { consequence }),
        question: questionOf(shown, step)[locale],
        multiple: allowsSeveral(shown),
        options: options.map((o, i) => ({ id: optionId(i), label: optionLabel(o, locale, standard) })),
      };
      if (step !== undefined)
        view.next = Object.fromEntries(options.map((o, i) => [optionId(i), ((n) => (n === undefined ? null : stepId.get(n)!))(nextStepOf(shown, step, [o.id]))]));
      return view;
    }),
  };
}

/** A learner's answer to one item in public ids: each step answered, in order. */
export interface PublicAnswer {
  step: string;
  choice: string[];
}

/**
 * The answer in the bank's ids, checked against the item: known steps and options only, one option
 * where one is asked, a story's steps in the order its choices lead. Undefined for anything else
 * (a forged or garbled answer scores nothing rather than something).
 */
export function bankAnswer(scenario: Scenario, seed: number, answer: readonly PublicAnswer[]): AnswerEntry[] | undefined {
  const { shown, stepId } = ordered(scenario, seed);
  const stepOf = new Map([...stepId].map(([bankStep, id]) => [id, bankStep]));
  const entries: AnswerEntry[] = [];
  let expected: string | undefined = startOf(shown);
  for (const [n, a] of answer.entries()) {
    if (!stepOf.has(a.step) || stepOf.get(a.step) !== expected) return undefined;
    const options = optionsAt(shown, expected);
    const ids = a.choice.map((c) => (/^[a-z]$/.test(c) ? options[c.charCodeAt(0) - 97]?.id : undefined));
    if (!ids.length || ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return undefined;
    if (!allowsSeveral(shown) && ids.length !== 1) return undefined;
    entries.push({ scenario: scenario.id, ...(expected !== undefined && { step: expected }), choice: ids as string[] });
    expected = nextStepOf(shown, expected, ids as string[]);
    // Nothing may follow the last step of a path (or the one question of a single-answer item).
    if (expected === undefined && n !== answer.length - 1) return undefined;
  }
  return entries;
}
