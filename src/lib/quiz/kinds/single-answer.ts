import { shuffled } from '../random';
import type { AnswerEntry, SingleStepScenario } from '../types';
import { duplicates, shuffleOptions, type ScenarioKindModule } from './kind';

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
    writingProblems(scenario) {
      if (!rules.multiple) return [];
      // Right options all at the top or all at the bottom of the file's list: the print guide and file order give them away.
      const right = scenario.options.flatMap((o, i) => (o.correct ? [i] : []));
      const n = scenario.options.length;
      const letters = right.map((i) => String.fromCharCode(65 + i)).join('');
      if (right.every((position, i) => position === i)) return [`scenario "${scenario.id}" › options: the correct options are all first (${letters}); interleave them with wrong ones`];
      if (right.every((position, i) => position === n - right.length + i)) return [`scenario "${scenario.id}" › options: the correct options are all last (${letters}); interleave them with wrong ones`];
      return [];
    },
    validate(scenario) {
      const at = `scenario "${scenario.id}"`;
      const problems = duplicates(scenario.options.map((o) => o.id)).map((id) => `${at} › option "${id}" › id: duplicate option id`);
      for (const option of scenario.options) {
        if (rules.fixedOptionIds && !rules.fixedOptionIds.includes(option.id))
          problems.push(`${at} › option "${option.id}" › id: a ${kind} option must be one of ${rules.fixedOptionIds.join(', ')}`);
        if (!rules.fixedOptionIds && !option.label) problems.push(`${at} › option "${option.id}" › label: missing (required for ${kind})`);
      }
      const correct = scenario.options.filter((o) => o.correct).length;
      if (rules.multiple && correct < 2) problems.push(`${at} › options: a ${kind} scenario needs at least two correct options, found ${correct}`);
      if (rules.multiple && correct === scenario.options.length)
        problems.push(`${at} › options: a ${kind} scenario needs at least one wrong option, or ticking everything passes`);
      if (!rules.multiple && correct !== 1) problems.push(`${at} › options: exactly one option must be correct, found ${correct}`);
      return problems;
    },
  };
}
