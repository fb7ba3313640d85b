import { shuffled } from '../random';
import type { AnswerEntry, SingleStepScenario } from '../types';
import { shuffleOptions, type ScenarioKindModule } from './kind';

/** Right means exactly the set of correct options: nothing missing, nothing extra. */
export function isCorrectChoice(scenario: SingleStepScenario, choice: readonly string[]): boolean {
  const correct = scenario.options.filter((o) => o.correct).map((o) => o.id);
  return choice.length === correct.length && correct.every((id) => choice.includes(id));
}

interface SingleAnswerRules {
  multiple: boolean;
  /** Option ids the kind fixes; options then take their labels from the UI strings. */
  fixedOptionIds?: readonly string[];
}

/**
 * The kinds that ask one question with right and wrong options (account, disclosure, choice,
 * multi) share this behaviour; each kind's file states its own rules.
 */
export function singleAnswerKind<S extends SingleStepScenario>(kind: S['kind'], rules: SingleAnswerRules): ScenarioKindModule<S> {
  const one = (scenario: S, entries: readonly AnswerEntry[]) => entries[0] && isCorrectChoice(scenario, entries[0].choice);
  return {
    multiple: rules.multiple,
    leadsOn: false,
    fixedOptionIds: rules.fixedOptionIds,
    steps: () => [undefined],
    start: () => undefined,
    options: (scenario) => scenario.options,
    question: (scenario) => scenario.question,
    consequence: () => undefined,
    title: (scenario) => scenario.question,
    next: () => undefined,
    correct: (scenario) => scenario.options.filter((o) => o.correct).map((o) => o.id),
    endings: () => [],
    betterMove: () => undefined,
    ending: () => undefined,
    maxPoints: (scenario) => scenario.points,
    score: (scenario, entries) => ({ scenario: scenario.id, earned: one(scenario, entries) ? scenario.points : 0, max: scenario.points }),
    feedback(scenario, entry) {
      const correct = isCorrectChoice(scenario, entry.choice);
      // Several answers: every option with its mark. One answer: the learner's, then the right one missed.
      const shown = rules.multiple ? scenario.options : scenario.options.filter((o) => entry.choice.includes(o.id) || (!correct && o.correct));
      const items = shown.map((option) => ({ option, chosen: entry.choice.includes(option.id), correct: option.correct }));
      if (!rules.multiple) items.sort((a, b) => Number(b.chosen) - Number(a.chosen));
      return { correct, items, marksEach: rules.multiple, ending: undefined };
    },
    shuffle: (scenario, random) => ({ ...scenario, options: shuffleOptions(scenario.options, random(undefined), shuffled) }),
    encodeChoice: (ids, choice) =>
      rules.multiple ? choice.reduce((bits, id) => bits | (1 << ids.indexOf(id)), 0) : ids.indexOf(choice[0] ?? ''),
    decodeChoice: (ids, code) => (rules.multiple ? ids.filter((_, i) => code & (1 << i)) : ids[code] !== undefined ? [ids[code]!] : []),
    bestAnswers(scenario) {
      const right = scenario.options.filter((o) => o.correct).map((o) => o.id);
      return [{ scenario: scenario.id, choice: rules.multiple ? right : [right[0]!] }];
    },
    worstAnswers: (scenario) => [{ scenario: scenario.id, choice: [scenario.options.find((o) => !o.correct)!.id] }],
  };
}
