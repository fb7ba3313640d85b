import type { LocalizedText } from '../i18n/locales';
import { account } from './kinds/account';
import { branching } from './kinds/branching';
import { choice } from './kinds/choice';
import { disclosure } from './kinds/disclosure';
import type { Feedback, QuizOption, ScenarioKindModule, ScenarioScore } from './kinds/kind';
import { multi } from './kinds/multi';
import { randomFor } from './random';
import type { AnswerEntry, Ending, Scenario } from './types';

export type { Feedback, FeedbackItem, QuizOption, ScenarioScore } from './kinds/kind';

function assertNever(value: never): never {
  throw new Error(`unknown scenario kind: ${JSON.stringify(value)}`);
}

/**
 * The module for a scenario's kind: the one place that looks at `kind`. A new kind is a new file
 * in `kinds/` and a case here; the compiler then lists what else it needs.
 */
export function kindOf<S extends Scenario>(scenario: S): ScenarioKindModule<S> {
  const s = scenario as Scenario;
  switch (s.kind) {
    case 'account':
      return account as unknown as ScenarioKindModule<S>;
    case 'disclosure':
      return disclosure as unknown as ScenarioKindModule<S>;
    case 'choice':
      return choice as unknown as ScenarioKindModule<S>;
    case 'multi':
      return multi as unknown as ScenarioKindModule<S>;
    case 'branching':
      return branching as unknown as ScenarioKindModule<S>;
    default:
      return assertNever(s);
  }
}

// The questions everyone asks of a scenario, answered by its kind.
export const startOf = (s: Scenario): string | undefined => kindOf(s).start(s);
export const stepsOf = (s: Scenario): (string | undefined)[] => kindOf(s).steps(s);
export const optionsAt = (s: Scenario, step: string | undefined): readonly QuizOption[] => kindOf(s).options(s, step);
export const questionOf = (s: Scenario, step: string | undefined): LocalizedText => kindOf(s).question(s, step);
export const consequenceOf = (s: Scenario, step: string | undefined): LocalizedText | undefined => kindOf(s).consequence(s, step);
export const titleOf = (s: Scenario): LocalizedText => kindOf(s).title(s);
export const allowsSeveral = (s: Scenario): boolean => kindOf(s).multiple;
export const leadsOn = (s: Scenario): boolean => kindOf(s).leadsOn;
export const nextStepOf = (s: Scenario, step: string | undefined, choice: readonly string[]): string | undefined => kindOf(s).next(s, step, choice);
export const correctAt = (s: Scenario, step: string | undefined): string[] => kindOf(s).correct(s, step);
export const endingsOf = (s: Scenario): readonly Ending[] => kindOf(s).endings(s);
export const betterMoveOf = (s: Scenario): LocalizedText | undefined => kindOf(s).betterMove(s);
export const endingReached = (s: Scenario, entries: readonly AnswerEntry[]): Ending | undefined => kindOf(s).ending(s, entries);
export const maxPoints = (s: Scenario): number => kindOf(s).maxPoints(s);
export const scoreScenario = (s: Scenario, entries: readonly AnswerEntry[]): ScenarioScore => kindOf(s).score(s, entries);
export const feedbackOf = (s: Scenario, entry: AnswerEntry, entries: readonly AnswerEntry[]): Feedback => kindOf(s).feedback(s, entry, entries);
export const bestAnswersOf = (s: Scenario): AnswerEntry[] => kindOf(s).bestAnswers(s);
export const worstAnswersOf = (s: Scenario): AnswerEntry[] => kindOf(s).worstAnswers(s);
export const encodeChoice = (s: Scenario, ids: readonly string[], choice: readonly string[]): number => kindOf(s).encodeChoice(ids, choice);
export const decodeChoice = (s: Scenario, ids: readonly string[], code: number): string[] => kindOf(s).decodeChoice(ids, code);
export const fixedOptionIds = (s: Scenario): readonly string[] | undefined => kindOf(s).fixedOptionIds;

/** Every option of every step, for checks over a whole scenario (quotes, sources). */
export function everyOption(s: Scenario): { step: string | undefined; option: QuizOption }[] {
  return stepsOf(s).flatMap((step) => optionsAt(s, step).map((option) => ({ step, option })));
}

/** The scenario with its options in the order an attempt with this seed shows them. */
export function shuffleScenario<S extends Scenario>(s: S, seed: number): S {
  return kindOf(s).shuffle(s, (step) => randomFor(seed, s.id, step ?? ''));
}
