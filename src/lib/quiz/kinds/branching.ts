import { shuffled } from '../random';
import type { AnswerEntry, AnswerLog, BranchingScenario, Ending, Step } from '../types';
import { shuffleOptions, type ScenarioKindModule } from './kind';

export const stepOf = (scenario: BranchingScenario, id: string | undefined): Step | undefined => scenario.steps.find((s) => s.id === id);
export const best = (scenario: BranchingScenario) => Math.max(...scenario.endings.map((e) => e.points));

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
};
