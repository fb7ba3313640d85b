import type { Locale } from '../i18n/locales';
import { allowsSeveral, consequenceOf, leadsOn, nextStepOf, optionsAt, questionOf, shuffleScenario, startOf } from '../quiz/scenario';
import { optionLabel } from '../quiz/view';
import type { AnswerEntry, Scenario } from '../quiz/types';

/**
 * A final-test item as the browser gets it: texts in one locale, options in the attempt's order,
 * and nothing that tells the answer — no feedback, no sources, no right marks, no points, no
 * endings, and no ids from the bank (option and step ids can hint, "slogan-name"): options are
 * `a`, `b`, `c`… in the order shown, steps `s1`, `s2`… by how deep in the story they are.
 * A story comes one step at a time: the browser gets its first step only, and each next step from
 * the server (`POST /api/final-test/step/`), which fixes the answer that led there — so where an
 * option leads cannot be probed by trying the options one after another.
 */
export interface PublicStep {
  id: string;
  /** What happens now, in steps after the first. */
  consequence?: string;
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
}

export interface PublicItem {
  situation: string;
  /** A story: answering a step asks the server for the next one (or its end). */
  story: boolean;
  /** The steps served so far, in order: the first, then one per answer the server has fixed. */
  steps: PublicStep[];
  /** Set when the server has said the story ends after the last answered step. */
  ended?: boolean;
}

const optionId = (i: number) => String.fromCharCode(97 + i);
export const publicStepId = (depth: number) => `s${depth + 1}`;

/** The step at `bankStep` in the attempt's order, with its public id from its depth. */
function stepView(shown: Scenario, bankStep: string | undefined, depth: number, locale: Locale, standard: Record<string, string>): PublicStep {
  const consequence = consequenceOf(shown, bankStep)?.[locale];
  return {
    id: publicStepId(depth),
    ...(consequence && { consequence }),
    question: questionOf(shown, bankStep)[locale],
    multiple: allowsSeveral(shown),
    options: optionsAt(shown, bankStep).map((o, i) => ({ id: optionId(i), label: optionLabel(o, locale, standard) })),
  };
}

export function publicItem(scenario: Scenario, seed: number, locale: Locale, standard: Record<string, string>): PublicItem {
  const shown = shuffleScenario(scenario, seed);
  return { situation: shown.situation[locale], story: leadsOn(shown), steps: [stepView(shown, startOf(shown), 0, locale, standard)] };
}

/**
 * The step that follows this answered path (every step answered, in order), or `null` where the
 * path ends the item; undefined when the path is not one the item has.
 */
export function stepAfter(scenario: Scenario, seed: number, path: readonly PublicAnswer[], locale: Locale, standard: Record<string, string>): PublicStep | null | undefined {
  const walked = walk(scenario, seed, path);
  if (!walked) return undefined;
  return walked.next === undefined ? null : stepView(walked.shown, walked.next, path.length, locale, standard);
}

/** A learner's answer to one item in public ids: each step answered, in order. */
export interface PublicAnswer {
  step: string;
  choice: string[];
}

/**
 * The answer in the bank's ids, checked against the item: known steps and options only, one option
 * where one is asked, a story's steps in the order its choices lead. Undefined for anything else
 * (a forged or garbled answer scores nothing rather than something). Nothing may follow the last
 * step of a path (or the one question of a single-answer item).
 */
export function bankAnswer(scenario: Scenario, seed: number, answer: readonly PublicAnswer[]): AnswerEntry[] | undefined {
  const walked = walk(scenario, seed, answer);
  return walked && walked.next === undefined ? walked.entries : undefined;
}

/** Follows a path of public answers from the start: its entries in bank ids and the bank step after it. */
function walk(scenario: Scenario, seed: number, answer: readonly PublicAnswer[]) {
  const shown = shuffleScenario(scenario, seed);
  const entries: AnswerEntry[] = [];
  let at: string | undefined = startOf(shown);
  for (const [n, a] of answer.entries()) {
    if (n > 0 && at === undefined) return undefined;
    if (a.step !== publicStepId(n)) return undefined;
    const options = optionsAt(shown, at);
    const ids = a.choice.map((c) => (/^[a-z]$/.test(c) ? options[c.charCodeAt(0) - 97]?.id : undefined));
    if (!ids.length || ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return undefined;
    if (!allowsSeveral(shown) && ids.length !== 1) return undefined;
    entries.push({ scenario: scenario.id, ...(at !== undefined && { step: at }), choice: ids as string[] });
    at = at === undefined ? undefined : nextStepOf(shown, at, ids as string[]);
  }
  return answer.length ? { shown, entries, next: at } : undefined;
}
