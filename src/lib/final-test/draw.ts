import { randomFor, shuffled } from '../quiz/random';
import { leadsOn } from '../quiz/scenario';
import type { Quiz, Scenario } from '../quiz/types';

/** The final test's bank: one quiz file per module (`quizzes/final-test/<module>.yaml`), server only. */
export type Bank = readonly Quiz[];

/** A drawn item: which module's bank and which scenario. */
export interface ItemRef {
  module: string;
  scenario: string;
}

export interface FinalTestRules {
  /** Items per attempt. */
  count: number;
  /** At least this many items from every module's bank. */
  perModule: number;
  /** At least this many branching stories per attempt. */
  branching: number;
  /** The pass mark, in percent of the attempt's points. */
  passPercent: number;
}

export const DEFAULT_RULES: FinalTestRules = { count: 16, perModule: 2, branching: 1, passPercent: 80 };

export const itemKey = (item: ItemRef) => `${item.module}/${item.scenario}`;

/** The scenario an item names, or undefined when the bank has no such item. */
export function scenarioOf(bank: Bank, item: ItemRef): Scenario | undefined {
  return bank.find((q) => q.moduleId === item.module)?.scenarios.find((s) => s.id === item.scenario);
}

/** Why the rules cannot be met by this bank, or undefined when they can. */
export function bankProblem(bank: Bank, rules: FinalTestRules): string | undefined {
  if (!bank.length) return 'the final test bank is empty';
  const thin = bank.find((q) => q.scenarios.length < rules.perModule);
  if (thin) return `the bank of "${thin.moduleId}" has ${thin.scenarios.length} items, fewer than the ${rules.perModule} every attempt takes from each module`;
  if (bank.length * rules.perModule > rules.count) return `${bank.length} modules × ${rules.perModule} items is more than the ${rules.count} items of an attempt`;
  const all = bank.reduce((n, q) => n + q.scenarios.length, 0);
  if (all < rules.count) return `the bank has ${all} items, fewer than the ${rules.count} of an attempt`;
  const stories = bank.reduce((n, q) => n + q.scenarios.filter(leadsOn).length, 0);
  if (stories < rules.branching) return `the bank has ${stories} branching stories, fewer than the ${rules.branching} every attempt needs`;
  return undefined;
}

/**
 * The items of the attempt with this seed: `perModule` from every module's bank, the rest from
 * what is left, at least `branching` stories, in a shuffled order. The server picks the seed, and
 * the signed attempt token carries the result, so the learner cannot choose the draw.
 */
export function drawFinalTest(bank: Bank, seed: number, rules: FinalTestRules = DEFAULT_RULES): ItemRef[] {
  const problem = bankProblem(bank, rules);
  if (problem) throw new Error(problem);
  type Pick = { ref: ItemRef; story: boolean };
  const perModule = bank.map((quiz) => {
    const order: Pick[] = shuffled(quiz.scenarios, randomFor(seed, 'final-test', quiz.moduleId)).map((s) => ({ ref: { module: quiz.moduleId, scenario: s.id }, story: leadsOn(s) }));
    return { taken: order.slice(0, rules.perModule), left: order.slice(rules.perModule) };
  });
  const stories = () => perModule.reduce((n, m) => n + m.taken.filter((p) => p.story).length, 0);
  // Too few stories among the per-module picks: a module swaps a non-story pick for one of its own
  // stories (so every module keeps its minimum), modules taken in a seeded order.
  for (const m of shuffled(perModule, randomFor(seed, 'final-test', 'swap'))) {
    if (stories() >= rules.branching) break;
    const story = m.left.findIndex((p) => p.story);
    const plain = m.taken.findLastIndex((p) => !p.story);
    if (story >= 0 && plain >= 0) [m.taken[plain], m.left[story]] = [m.left[story]!, m.taken[plain]!];
  }
  const chosen = perModule.flatMap((m) => m.taken);
  // The rest of the attempt from what is left: stories first while the minimum is not met.
  const rest = shuffled(perModule.flatMap((m) => m.left), randomFor(seed, 'final-test', 'rest'));
  while (chosen.length < rules.count) {
    const needStory = chosen.filter((p) => p.story).length < rules.branching;
    const i = needStory ? Math.max(0, rest.findIndex((p) => p.story)) : 0;
    chosen.push(...rest.splice(i, 1));
  }
  return shuffled(chosen, randomFor(seed, 'final-test', 'order')).map((c) => c.ref);
}
