import { shuffled } from '../random';
import type { AnswerEntry, AnswerLog, BranchingScenario, Ending, Step } from '../types';
import { duplicates, shuffleOptions, type ScenarioKindModule } from './kind';

const stepOf = (scenario: BranchingScenario, id: string | undefined): Step | undefined => scenario.steps.find((s) => s.id === id);
const best = (scenario: BranchingScenario) => Math.max(...scenario.endings.map((e) => e.points));

function endingReached(scenario: BranchingScenario, entries: readonly AnswerEntry[]): Ending | undefined {
  const last = entries.at(-1);
  const next = stepOf(scenario, last?.step)?.options.find((o) => o.id === last?.choice[0])?.next;
  return scenario.endings.find((e) => e.id === next);
}

/** The steps and choices from the start to the first ending worth `points` (graphs are acyclic). */
function pathTo(scenario: BranchingScenario, points: number): AnswerLog {
  const search = (stepId: string): AnswerLog | undefined => {
    for (const option of stepOf(scenario, stepId)!.options) {
      const here = { scenario: scenario.id, step: stepId, choice: [option.id] };
      const ending = scenario.endings.find((e) => e.id === option.next);
      if (ending) {
        if (ending.points === points) return [here];
        continue;
      }
      const rest = search(option.next);
      if (rest) return [here, ...rest];
    }
    return undefined;
  };
  return search(scenario.start)!;
}

/** A small story: each option leads to another step or to an ending worth some points. */
export const branching: ScenarioKindModule<BranchingScenario> = {
  multiple: false,
  leadsOn: true,
  fixedOptionIds: undefined,
  steps: (scenario) => scenario.steps.map((s) => s.id),
  start: (scenario) => scenario.start,
  options: (scenario, step) => stepOf(scenario, step)?.options ?? [],
  question: (scenario, step) => stepOf(scenario, step)!.question,
  consequence: (scenario, step) => (step === scenario.start ? undefined : stepOf(scenario, step)?.situation),
  title: (scenario) => scenario.situation,
  next(scenario, step, choice) {
    const next = stepOf(scenario, step)?.options.find((o) => o.id === choice[0])?.next;
    return next && stepOf(scenario, next) ? next : undefined;
  },
  correct: () => [],
  endings: (scenario) => scenario.endings,
  betterMove: (scenario) => scenario.betterMove,
  ending: endingReached,
  maxPoints: best,
  score(scenario, entries) {
    const ending = endingReached(scenario, entries);
    return { scenario: scenario.id, earned: ending?.points ?? 0, max: best(scenario), ending };
  },
  feedback(scenario, entry, entries) {
    const items = branching.options(scenario, entry.step).filter((o) => entry.choice.includes(o.id)).map((option) => ({ option, chosen: true, correct: undefined }));
    const ending = endingReached(scenario, entries);
    const betterMove = ending && ending.points < best(scenario) ? scenario.betterMove : undefined;
    return { correct: undefined, items, marksEach: false, ending, ...(betterMove && { betterMove }) };
  },
  shuffle: (scenario, random) => ({ ...scenario, steps: scenario.steps.map((s) => ({ ...s, options: shuffleOptions(s.options, random(s.id), shuffled) })) }),
  encodeChoice: (ids, choice) => ids.indexOf(choice[0] ?? ''),
  decodeChoice: (ids, code) => (ids[code] !== undefined ? [ids[code]!] : []),
  bestAnswers: (scenario) => pathTo(scenario, best(scenario)),
  worstAnswers: (scenario) => pathTo(scenario, Math.min(...scenario.endings.map((e) => e.points))),
  validate: validateGraph,
  writingProblems: (scenario) =>
    mistakesReachingBest(scenario).map(
      (m) => `scenario "${scenario.id}" › step "${m.step}" › option "${m.option}" › mistake: a path through this mistake still reaches the best ending "${m.ending}" with full points`,
    ),
};

function validateGraph(scenario: BranchingScenario): string[] {
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
