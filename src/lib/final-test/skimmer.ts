import { twinPairs } from '../quiz/draw';
import { pairGamble, passChance, type PairGamble } from '../quiz/gambler';
import { maxPoints } from '../quiz/scenario';
import { skimOutcomes } from '../quiz/twin-skim';
import type { Scenario } from '../quiz/types';
import { drawFinalTest, scenarioOf, type Bank, type FinalTestRules } from './draw';
import { FINAL_TEST_GAMBLER_LIMIT } from './gambler';

/**
 * The skimmer on the final test: the gambler (knows the lessons and both keys of every twin pair,
 * see quiz/gambler.ts) who, instead of a coin, assigns a pair's keys by one of the skimmer's
 * mechanical rules (quiz/twin-skim.ts), and plays the gambler's best mix where the rule cannot tell. Its
 * chance over the draws learners meet, per rule; the best rule's figure is what a text tell is
 * worth to someone who does not read. (Measured after the fact on known keys, so it is an upper
 * bound on what any one fixed rule earns.)
 */
/**
 * The draws the skimmer's mean is taken over (seeds 0, 1, …, so the figure is the same on every
 * run). Measured on the bank: over blocks of 300 seeds a rule's figure moved by up to three points
 * (3.5–6.5 % for one rule over eight blocks), over blocks of 2000 by a quarter of a point at most
 * (its standard deviation ≤ 0.11 over five blocks), so the limit is not decided by which seeds were drawn.
 */
export const FINAL_TEST_SKIMMER_ATTEMPTS = 2000;

export interface SkimmerFigure {
  rule: string;
  locale: 'lv' | 'en';
  mean: number;
}

/** The chance to pass when decided pairs earn their full or swapped points for sure and the others get the gambler's best mix of coins and common answers. */
function chanceWith(full: number, pairs: readonly { gamble: PairGamble; outcome: 1 | -1 | 0 }[], passPercent: number): number {
  let earned = full;
  let missed = 0;
  for (const { gamble, outcome } of pairs)
    if (outcome === 1) earned += gamble.max;
    else if (outcome === -1) (earned += gamble.swapped), (missed += gamble.max - gamble.swapped);
  return passChance(earned, pairs.filter((p) => p.outcome === 0).map((p) => p.gamble), passPercent, missed);
}

export function finalTestSkimmers(bank: Bank, rules: FinalTestRules, attempts = FINAL_TEST_SKIMMER_ATTEMPTS): SkimmerFigure[] {
  // Every pair of the bank, with the verdict of every rule on it.
  const pairKey = (module: string, a: Scenario) => `${module}/${a.id}`;
  // A learner may take the test in either locale: the rules read each locale's text.
  const verdicts = new Map<string, { rule: string; locale: 'lv' | 'en'; byPair: Map<string, 1 | -1 | 0 | undefined> }>();
  for (const locale of ['lv', 'en'] as const)
    for (const quiz of bank) {
      const pairs = twinPairs(quiz.scenarios).map(([a, b]) => [quiz.scenarios[a]!, quiz.scenarios[b]!] as const);
      for (const { rule, outcomes } of skimOutcomes(pairs, locale)) {
        const entry = verdicts.get(`${locale} ${rule}`) ?? { rule, locale, byPair: new Map() };
        outcomes.forEach((o, i) => entry.byPair.set(pairKey(quiz.moduleId, pairs[i]![0]), o));
        verdicts.set(`${locale} ${rule}`, entry);
      }
    }
  // The draws, once: the single items' points and the drawn pairs.
  const draws = Array.from({ length: attempts }, (_, seed) => {
    const refs = drawFinalTest(bank, seed, rules);
    let full = 0;
    const pairs: { key: string; gamble: PairGamble }[] = [];
    for (const quiz of bank) {
      const items = refs.filter((r) => r.module === quiz.moduleId).map((r) => scenarioOf(bank, r)!);
      const drawn = twinPairs(items);
      const paired = new Set(drawn.flat());
      full += items.reduce((n, s, i) => n + (paired.has(i) ? 0 : maxPoints(s)), 0);
      for (const [a, b] of drawn) {
        // The pair's key is its first twin in the file's order.
        const first = quiz.scenarios.findIndex((s) => s.id === items[a]!.id) < quiz.scenarios.findIndex((s) => s.id === items[b]!.id) ? items[a]! : items[b]!;
        pairs.push({ key: pairKey(quiz.moduleId, first), gamble: pairGamble(items[a]!, items[b]!) });
      }
    }
    return { full, pairs };
  });
  // Many draws and rules come to the same sure points, lost points and tossed pairs: each such attempt is computed once.
  const known = new Map<string, number>();
  const chance = (full: number, pairs: { gamble: PairGamble; outcome: 1 | -1 | 0 }[]) => {
    const key = `${full} ${pairs.map(({ gamble: g, outcome }) => `${outcome}:${g.max}/${g.swapped}/${g.common}`).sort().join(' ')}`;
    let c = known.get(key);
    if (c === undefined) known.set(key, (c = chanceWith(full, pairs, rules.passPercent)));
    return c;
  };
  return [...verdicts.values()].map(({ rule, locale, byPair }) => ({
    rule,
    locale,
    mean: draws.reduce((n, d) => n + chance(d.full, d.pairs.map((p) => ({ gamble: p.gamble, outcome: byPair.get(p.key) ?? 0 }))), 0) / attempts,
  }));
}

/**
 * The build's check: the skimmer is held to the gambler's bound (FINAL_TEST_GAMBLER_LIMIT), for every
 * rule in every locale — a text tell must not make passing by gambling more likely than the coin is
 * allowed to. Undefined when every rule stays within it, else the rules over it, worst first.
 */
export function finalTestSkimmerProblem(bank: Bank, rules: FinalTestRules, attempts = FINAL_TEST_SKIMMER_ATTEMPTS): string | undefined {
  const over = finalTestSkimmers(bank, rules, attempts)
    .filter((f) => f.mean > FINAL_TEST_GAMBLER_LIMIT)
    .sort((a, b) => b.mean - a.mean);
  if (!over.length) return undefined;
  return (
    `quizzes/final-test: a learner who knows the lessons and both keys of every twin pair, and tells which twin gets which by a mechanical cue of the text (src/lib/quiz/twin-skim.ts), ` +
    `passes more than ${FINAL_TEST_GAMBLER_LIMIT * 100} % of attempts (mean over ${attempts} draws; ${rules.count} items, at least ${rules.twins} twin pairs, pass ${rules.passPercent} %): ` +
    over.map((f) => `„${f.rule}” (${f.locale}) ${(f.mean * 100).toFixed(1)} %`).join(', ') +
    `; rewrite the twin pairs that rule decides (npm run bench prints the figures) so both twins carry the cue alike`
  );
}
