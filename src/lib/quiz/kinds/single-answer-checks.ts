import type { SingleStepScenario } from '../types';
import { duplicates } from './kind';

// The build's checks of a one-question scenario, kept out of the kind module the browser loads:
// the page never validates content, so neither the checks nor their messages ship to it.

interface Rules {
  multiple: boolean;
  fixedOptionIds?: readonly string[];
}

/** Problems a schema cannot see: duplicate ids, ids or labels the kind requires, the number of right options. */
export function singleAnswerProblems(scenario: SingleStepScenario, rules: Rules): string[] {
  const kind = scenario.kind;
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
}

/** Item-writing faults: right options of a several-answers scenario all first or all last in the file. */
export function singleAnswerWritingProblems(scenario: SingleStepScenario, rules: Rules): string[] {
  if (!rules.multiple) return [];
  // Right options all at the top or all at the bottom of the file's list: the print guide and file order give them away.
  const right = scenario.options.flatMap((o, i) => (o.correct ? [i] : []));
  const n = scenario.options.length;
  const letters = right.map((i) => String.fromCharCode(65 + i)).join('');
  if (right.every((position, i) => position === i)) return [`scenario "${scenario.id}" › options: the correct options are all first (${letters}); interleave them with wrong ones`];
  if (right.every((position, i) => position === n - right.length + i)) return [`scenario "${scenario.id}" › options: the correct options are all last (${letters}); interleave them with wrong ones`];
  return [];
}
