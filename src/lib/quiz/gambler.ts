import { twinPairs } from './draw';
import { maxPoints, scoreScenario } from './scenario';
import { isPass } from './scoring';
import { answersOf } from './twin';
import type { Scenario } from './types';

/**
 * The gambler: a learner who knows every lesson (full points on every item that is not a twin) and
 * the two keys of every twin pair, but does not read the situations. The keys of twins differ by
 * construction, so the gambler gives them different answers, one key to each, and a fair coin
 * decides which twin gets which: both right (the pair's full points) or both swapped. This is what
 * the lesson-reader bound (one common answer per pair) misses: it caps a pair at one right answer,
 * while the gambler wins both half the time. The best gambler mixes, pair by pair, the coin and the
 * common answer (passChance).
 */

/**
 * One pair for the gambler: its full points, what the two keys given the wrong way round earn, and
 * what the best common answer (one answer to both twins, no coin) earns for certain.
 */
export interface PairGamble {
  max: number;
  swapped: number;
  common: number;
}

const earned = (s: Scenario, choice: string[]) => scoreScenario(s, [{ scenario: s.id, choice }]).earned;
/** The answer that earns a single-question scenario its full points (the first, if several do). */
const keyOf = (s: Scenario) => answersOf(s).find((choice) => earned(s, choice) === maxPoints(s)) ?? [];

export function pairGamble(a: Scenario, b: Scenario): PairGamble {
  const answers = [...answersOf(a), ...answersOf(b)];
  const common = Math.max(0, ...answers.map((c) => earned(a, c) + earned(b, c)));
  return { max: maxPoints(a) + maxPoints(b), swapped: earned(a, keyOf(b)) + earned(b, keyOf(a)), common };
}

/** The chance of passing when the pairs in `coins` are tossed and every other pair gets its common answer. */
export function strategyChance(full: number, pairs: readonly PairGamble[], coins: readonly boolean[], passPercent: number, missed = 0): number {
  const max = full + missed + pairs.reduce((n, p) => n + p.max, 0);
  const sure = full + pairs.reduce((n, p, i) => n + (coins[i] ? 0 : p.common), 0);
  let spread = new Map<number, number>([[sure, 1]]);
  pairs.forEach((pair, i) => {
    if (!coins[i]) return;
    const next = new Map<number, number>();
    for (const [points, chance] of spread)
      for (const outcome of [pair.max, pair.swapped]) next.set(points + outcome, (next.get(points + outcome) ?? 0) + chance / 2);
    spread = next;
  });
  let pass = 0;
  for (const [points, chance] of spread) if (isPass(points, max, passPercent)) pass += chance;
  return pass;
}

/**
 * The exact chance that the best gambler passes an attempt holding items worth `full` points that
 * they answer right and these pairs. Per pair the gambler chooses: toss the coin (both twins right
 * or both swapped, ½ each) or give both twins the common answer (its points for certain; with two
 * one-point twins, one right). The best choice is maximised over: pairs of one kind (same full,
 * swapped and common points) are interchangeable, so it is enough to try every count of coins per
 * kind — a small search, exact (tested against every subset on small fixtures). `missed`: points of
 * the attempt the gambler has already lost for sure (the skimmer's wrongly sorted pairs).
 */
export function passChance(full: number, pairs: readonly PairGamble[], passPercent: number, missed = 0): number {
  const kinds = [...new Map(pairs.map((p) => [`${p.max}/${p.swapped}/${p.common}`, { pair: p, n: 0 }])).values()];
  for (const p of pairs) kinds.find((k) => k.pair.max === p.max && k.pair.swapped === p.swapped && k.pair.common === p.common)!.n++;
  let best = 0;
  let counts: number[][] = [[]];
  for (const k of kinds) counts = counts.flatMap((c) => Array.from({ length: k.n + 1 }, (_, j) => [...c, j]));
  for (const c of counts) {
    const ordered = kinds.flatMap((k, i) => Array.from({ length: k.n }, (_, j) => ({ pair: k.pair, coin: j < c[i]! })));
    const chance = strategyChance(full, ordered.map((o) => o.pair), ordered.map((o) => o.coin), passPercent, missed);
    if (chance > best) best = chance;
  }
  return best;
}

/** The gambler's chance on one drawn attempt of a module quiz (its scenarios, twins side by side). */
export function attemptChance(scenarios: readonly Scenario[], passPercent: number): number {
  const pairs = twinPairs(scenarios);
  const paired = new Set(pairs.flat());
  const full = scenarios.reduce((n, s, i) => n + (paired.has(i) ? 0 : maxPoints(s)), 0);
  return passChance(full, pairs.map(([a, b]) => pairGamble(scenarios[a]!, scenarios[b]!)), passPercent);
}

/**
 * The gambler's chance over the draw distribution, from the exact chance on each of many drawn
 * attempts (attempts draw from random seeds, so the mean over many seeds is the chance per attempt
 * as learners meet it), with its standard error.
 */
export function meanChance(chances: readonly number[]): { mean: number; error: number } {
  const n = chances.length;
  const mean = chances.reduce((a, b) => a + b, 0) / n;
  const variance = chances.reduce((a, c) => a + (c - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, error: Math.sqrt(variance / n) };
}
