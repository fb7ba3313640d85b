import { twinPairs } from '../quiz/draw';
import { meanChance, pairGamble, passChance, type PairGamble } from '../quiz/gambler';
import { GAMBLER_SEEDS, type GamblerBound } from '../quiz/gambler-bound';
import { bestGamblerDraw } from '../quiz/gambler-best-draw';
import { leadsOn, maxPoints } from '../quiz/scenario';
import type { Scenario } from '../quiz/types';
import { drawFinalTest, scenarioOf, type Bank, type FinalTestRules } from './draw';

/**
 * The final test attests what the learner knows, so a gambler (full points on every item but the
 * twins, a coin per pair: see quiz/gambler.ts) must pass an attempt rarely: at most one in twenty,
 * even on the draw that suits them best (exact, so no sampling error decides the build). The server
 * draws, so a learner meets the mean over the draws, which is never above the best draw's chance.
 */
export const FINAL_TEST_GAMBLER_LIMIT = 0.05;

/** The gambler's chance on one drawn attempt: pairs are found within each module (ids are unique only there). */
function drawnChance(bank: Bank, seed: number, rules: FinalTestRules): number {
  const refs = drawFinalTest(bank, seed, rules);
  let full = 0;
  const gambles: PairGamble[] = [];
  for (const quiz of bank) {
    const items = refs.filter((r) => r.module === quiz.moduleId).map((r) => scenarioOf(bank, r)!);
    const pairs = twinPairs(items);
    const paired = new Set(pairs.flat());
    full += items.reduce((n, s, i) => n + (paired.has(i) ? 0 : maxPoints(s)), 0);
    gambles.push(...pairs.map(([a, b]) => pairGamble(items[a]!, items[b]!)));
  }
  return passChance(full, gambles, rules.passPercent);
}

/** The gambler's chance on the final test: on its best draw (exact), and over the draws of `attempts` seeds (none: `mean` is the best draw's). */
export function finalTestGambler(bank: Bank, rules: FinalTestRules, attempts = GAMBLER_SEEDS): GamblerBound {
  const groups = bank.map((quiz) => {
    const pairs = twinPairs(quiz.scenarios);
    const paired = new Set(pairs.flat());
    const single = (s: Scenario, i: number) => !paired.has(i);
    return {
      min: rules.perModule,
      max: rules.count,
      singles: quiz.scenarios.filter(single).map((s) => ({ points: maxPoints(s), story: leadsOn(s) })),
      pairs: pairs.map(([a, b]) => pairGamble(quiz.scenarios[a]!, quiz.scenarios[b]!)),
    };
  });
  const best = bestGamblerDraw(groups, { count: rules.count, twins: rules.twins, stories: rules.branching, passPercent: rules.passPercent });
  if (!attempts) return { best: best?.chance ?? 0, mean: best?.chance ?? 0, error: 0, attempts };
  const chances = Array.from({ length: attempts }, (_, seed) => drawnChance(bank, seed, rules));
  return { best: best?.chance ?? 0, ...meanChance(chances), attempts };
}

/** The build's check: why these rules let the gambler pass the final test too often, or undefined. */
export function finalTestGamblerProblem(bank: Bank, rules: FinalTestRules): string | undefined {
  const { best } = finalTestGambler(bank, rules, 0);
  if (best <= FINAL_TEST_GAMBLER_LIMIT) return undefined;
  return (
    `quizzes/final-test: a learner who knows the lessons and both keys of every twin pair, and tosses a coin for which twin gets which, ` +
    `passes ${(best * 100).toFixed(1)} % of attempts on the best draw for them (${rules.count} items, at least ${rules.twins} twin pairs, pass ${rules.passPercent} %); ` +
    `at most ${FINAL_TEST_GAMBLER_LIMIT * 100} % is allowed: raise FINAL_TEST_TWINS or add twin pairs to the bank`
  );
}
