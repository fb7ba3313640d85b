import type { BranchingScenario } from '../types';
import { best, stepOf } from './branching';
import { duplicates } from './kind';

// The build's checks of a story scenario, kept out of the kind module the browser loads: the
// page never validates content, so neither the graph walk nor its messages ship to it.

/** Problems a schema cannot see: duplicate ids, dangling `next`, loops, unreachable steps. */
export function branchingProblems(scenario: BranchingScenario): string[] {
  const at = `scenario "${scenario.id}"`;
  const problems: string[] = [];
  const nodeIds = [...scenario.steps.map((s) => s.id), ...scenario.endings.map((e) => e.id)];
  problems.push(...duplicates(nodeIds).map((id) => `${at} › step "${id}" › id: duplicate step or ending id`));
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const endings = new Set(scenario.endings.map((e) => e.id));
  if (!steps.has(scenario.start)) problems.push(`${at} › start: "${scenario.start}" is not a step of this scenario`);
  for (const step of scenario.steps) {
    problems.push(...duplicates(step.options.map((o) => o.id)).map((id) => `${at} › step "${step.id}" › option "${id}" › id: duplicate option id`));
    for (const option of step.options)
      if (!steps.has(option.next) && !endings.has(option.next))
        problems.push(`${at} › step "${step.id}" › option "${option.id}" › next: "${option.next}" is neither a step nor an ending of this scenario`);
  }
  if (problems.length) return problems;

  // Walk the graph from the start: grey = on the current path, so meeting grey again is a loop,
  // a path that never reaches an ending.
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string): void => {
    if (endings.has(id)) {
      colour.set(id, 'black');
      return;
    }
    colour.set(id, 'grey');
    for (const option of steps.get(id)!.options) {
      const seen = colour.get(option.next);
      if (seen === 'grey') problems.push(`${at} › step "${id}" › option "${option.id}" › next: leads back to "${option.next}", a path with no ending`);
      else if (!seen) visit(option.next);
    }
    colour.set(id, 'black');
  };
  visit(scenario.start);
  for (const id of nodeIds)
    if (!colour.has(id)) problems.push(`${at} › ${endings.has(id) ? 'ending' : 'step'} "${id}": unreachable from start "${scenario.start}"`);
  return problems;
}

/**
 * Options marked as mistakes from which the story can still reach an ending with the best points:
 * a learner who chose wrongly would then be scored as if they had not. Assumes a valid graph.
 */
export function mistakesReachingBest(scenario: BranchingScenario): { step: string; option: string; ending: string }[] {
  const top = best(scenario);
  const memo = new Map<string, string | undefined>();
  /** The id of a full-points ending reachable from a node, if any. */
  const bestFrom = (id: string): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    const ending = scenario.endings.find((e) => e.id === id);
    const found = ending ? (ending.points === top ? ending.id : undefined) : stepOf(scenario, id)!.options.map((o) => bestFrom(o.next)).find(Boolean);
    memo.set(id, found);
    return found;
  };
  return scenario.steps.flatMap((step) =>
    step.options.flatMap((option) => {
      const ending = option.mistake ? bestFrom(option.next) : undefined;
      return ending ? [{ step: step.id, option: option.id, ending }] : [];
    }),
  );
}

/** Item-writing faults of a story: a path through a marked mistake that still reaches full points. */
export const branchingWritingProblems = (scenario: BranchingScenario): string[] =>
  mistakesReachingBest(scenario).map(
    (m) => `scenario "${scenario.id}" › step "${m.step}" › option "${m.option}" › mistake: a path through this mistake still reaches the best ending "${m.ending}" with full points`,
  );
