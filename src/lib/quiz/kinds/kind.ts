import type { LocalizedText } from '../../i18n/locales';
import type { Random } from '../random';
import type { AnswerEntry, AnswerOption, BranchOption, Ending, Scenario } from '../types';

/** An option as any kind offers it. */
export type QuizOption = AnswerOption | BranchOption;

export interface ScenarioScore {
  scenario: string;
  earned: number;
  max: number;
  /** The ending reached, for kinds whose choices lead to endings. */
  ending?: Ending;
}

export interface FeedbackItem {
  option: QuizOption;
  chosen: boolean;
  /** Undefined where a choice leads on instead of being right or wrong. */
  correct: boolean | undefined;
}

export interface Feedback {
  /** Undefined where a choice leads on instead of being right or wrong. */
  correct: boolean | undefined;
  items: FeedbackItem[];
  /** Whether each option shown gets its own right/wrong mark (several answers allowed). */
  marksEach: boolean;
  ending: Ending | undefined;
  /** What would have been better, when the path reached an ending below the best one. */
  betterMove?: LocalizedText;
}

/**
 * Everything that differs between scenario kinds, in one place per kind (`kinds/<kind>.ts`).
 * `scenario.ts` picks the module with an exhaustive switch; nothing else looks at `kind`.
 * A step is `undefined` for kinds that ask one question.
 */
export interface ScenarioKindModule<S extends Scenario> {
  /** Several options may be chosen at once. */
  readonly multiple: boolean;
  /** A choice leads the story on (to a step or an ending) rather than being right or wrong. */
  readonly leadsOn: boolean;
  /** The option ids this kind fixes (standard labels from the UI strings), if any. */
  readonly fixedOptionIds: readonly string[] | undefined;
  /** Every step in authoring order; `[undefined]` for one-question kinds. */
  steps(scenario: S): (string | undefined)[];
  start(scenario: S): string | undefined;
  options(scenario: S, step: string | undefined): readonly QuizOption[];
  question(scenario: S, step: string | undefined): LocalizedText;
  /** What happens now, in a later step of a story; undefined at the start. */
  consequence(scenario: S, step: string | undefined): LocalizedText | undefined;
  /** One line naming the scenario in lists (results review, planner, summary). */
  title(scenario: S): LocalizedText;
  /** The step a choice leads to within the scenario; undefined when the scenario is over. */
  next(scenario: S, step: string | undefined, choice: readonly string[]): string | undefined;
  /** The right options at a step; empty where choices lead on. */
  correct(scenario: S, step: string | undefined): string[];
  endings(scenario: S): readonly Ending[];
  /** The better course of action the story teaches, for kinds whose choices lead to endings. */
  betterMove(scenario: S): LocalizedText | undefined;
  /** The ending the answers reach, for kinds that have endings. */
  ending(scenario: S, entries: readonly AnswerEntry[]): Ending | undefined;
  maxPoints(scenario: S): number;
  score(scenario: S, entries: readonly AnswerEntry[]): ScenarioScore;
  feedback(scenario: S, entry: AnswerEntry, entries: readonly AnswerEntry[]): Feedback;
  /** The same scenario with each option list in an order drawn from `random`; pinned options stay last. */
  shuffle(scenario: S, random: (step: string | undefined) => Random): S;
  /** A choice as one small number for suspend data, by position in `ids`, and back. */
  encodeChoice(ids: readonly string[], choice: readonly string[]): number;
  decodeChoice(ids: readonly string[], code: number): string[];
  /** Answers that earn the most, and answers that earn the least. */
  bestAnswers(scenario: S): AnswerEntry[];
  worstAnswers(scenario: S): AnswerEntry[];
}

/** Shuffles options, keeping the pinned ones last in their authored order. */
export function shuffleOptions<O extends { pinLast?: boolean }>(options: readonly O[], random: Random, shuffle: (items: O[], random: Random) => O[]): O[] {
  return [...shuffle(options.filter((o) => !o.pinLast), random), ...options.filter((o) => o.pinLast)];
}

export function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}
