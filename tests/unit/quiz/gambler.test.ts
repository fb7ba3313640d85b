import { describe, expect, it } from 'vitest';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { drawProblem, twinPairs } from '../../../src/lib/quiz/draw';
import { attemptChance, pairGamble, passChance, strategyChance } from '../../../src/lib/quiz/gambler';
import { MODULE_GAMBLER_LIMIT, quizGambler } from '../../../src/lib/quiz/gambler-bound';
import { guessabilityProblems } from '../../../src/lib/quiz/guessability';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { seeds, tripledTwinData } from '../helpers';

function valid(data: unknown): QuizFile {
  const result = validateQuiz(data, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz;
}
/** The fixture tripled (ids -1, -2, -3) with two twin pairs (an account pair, a disclosure pair), as in twins.test.ts. */
function pool(draw: object): QuizFile {
  const data = tripledTwinData();
  return valid({ ...data, passPercent: 80, draw });
}

/** Every attempt the rules allow, by brute force: units (a pair whole) in pool order, checked by the draw's own rule check. */
function everyAttempt(quiz: QuizFile): string[][] {
  const pairs = twinPairs(quiz.scenarios);
  const second = new Set(pairs.map(([, b]) => b));
  const units = quiz.scenarios.flatMap((s, i) => (second.has(i) ? [] : [[s.id, ...pairs.filter(([a]) => a === i).map(([, b]) => quiz.scenarios[b]!.id)]]));
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << units.length; mask++) {
    const ids = units.filter((_, i) => mask & (1 << i)).flat();
    if (!drawProblem(quiz, ids)) out.push(ids);
  }
  return out;
}

describe('the gambler (knows both keys of every pair, a coin for which twin gets which)', () => {
  it('counts the exact chance of the coins against the pass mark', () => {
    const pair = { max: 2, swapped: 0, common: 0 };
    // 6 points, 80 % is 4.8: all three pairs must be won.
    expect(passChance(0, [pair, pair, pair], 80)).toBe(1 / 8);
    // 4 sure points of 10: two of three pairs (8 of 10) pass.
    expect(passChance(4, [pair, pair, pair], 80)).toBe(1 / 2);
    // Exactly the pass mark passes: 8 of 10 with the coins all lost is 4 + 4 swapped points.
    expect(passChance(4, [{ max: 3, swapped: 2, common: 0 }, { max: 3, swapped: 2, common: 0 }], 80)).toBe(1);
    expect(passChance(10, [], 80)).toBe(1);
    expect(passChance(0, [pair], 80)).toBe(1 / 2);
  });

  it('agrees with tossing every coin, on random attempts', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    for (let round = 0; round < 200; round++) {
      const pairs = Array.from({ length: rnd(6) }, () => {
        const max = 2 + rnd(4);
        return { max, swapped: rnd(max), common: 0 };
      });
      const full = rnd(8);
      const total = full + pairs.reduce((n, p) => n + p.max, 0);
      let wins = 0;
      for (let mask = 0; mask < 1 << pairs.length; mask++) {
        const points = full + pairs.reduce((n, p, i) => n + (mask & (1 << i) ? p.max : p.swapped), 0);
        if (total > 0 && points * 100 >= 80 * total) wins++;
      }
      expect(passChance(full, pairs, 80)).toBeCloseTo(wins / 2 ** pairs.length, 12);
    }
  });

  it('mixes coins and common answers per pair: the attacker\'s 17 items (8 pairs and a 2-point story) pass 6.25 %', () => {
    const pair = { max: 2, swapped: 0, common: 1 };
    const eight = Array.from({ length: 8 }, () => pair);
    // 18 points, 80 % needs 15: the story's 2, one common 1, then 6 of 7 coins: 8 / 128.
    expect(passChance(2, eight, 80)).toBe(0.0625);
    // Every coin alone is worse (needs 7 of 8 coins... 13 of 16: 9 / 256), so the mix is the best.
    expect(strategyChance(2, eight, eight.map(() => true), 80)).toBe(9 / 256);
    expect(passChance(2, eight, 80)).toBeGreaterThan(strategyChance(2, eight, eight.map(() => true), 80));
  });

  it('finds the best mix exactly: a brute force over every subset of coins agrees, on random attempts', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    for (let round = 0; round < 300; round++) {
      const pairs = Array.from({ length: rnd(7) }, () => {
        const max = 2 + rnd(3);
        return { max, swapped: rnd(max), common: rnd(max) };
      });
      const full = rnd(6);
      let brute = 0;
      for (let mask = 0; mask < 1 << pairs.length; mask++) {
        const chance = strategyChance(full, pairs, pairs.map((_, i) => !!(mask & (1 << i))), 75);
        if (chance > brute) brute = chance;
      }
      expect(passChance(full, pairs, 75)).toBeCloseTo(brute, 12);
    }
  });

  it('scores a pair as both keys given the wrong way round when the coin is lost', () => {
    const quiz = pool({ count: 6, atLeast: { twins: 2 } });
    const [[a, b]] = twinPairs(quiz.scenarios) as [[number, number]];
    expect(pairGamble(quiz.scenarios[a]!, quiz.scenarios[b]!)).toEqual({ max: 2, swapped: 0, common: 1 });
  });

  it.each([1, 2])('finds the best draw the rules allow exactly (a brute force over every attempt agrees), with %i pair(s) at least', (twins) => {
    const quiz = pool({ count: 6, atLeast: { account: 1, disclosure: 1, branching: 1, twins }, atMost: 2 });
    const attempts = everyAttempt(quiz);
    expect(attempts.length).toBeGreaterThan(10);
    const brute = Math.max(...attempts.map((ids) => attemptChance(ids.map((id) => quiz.scenarios.find((s) => s.id === id)!), 80)));
    const figures = quizGambler(quiz, 300);
    expect(figures.best).toBe(brute);
    expect(figures.mean).toBeLessThanOrEqual(figures.best);
    expect(figures.mean).toBeGreaterThan(0);
  }, 60_000);

  it('fails the build for a pool where the gambler passes often, and not where the pairs hold them back', () => {
    // One pair in six items: four sure items (two of them stories worth 2) and one coin.
    const often = pool({ count: 6, atLeast: { twins: 1 } });
    const figures = quizGambler(often);
    expect(figures.mean).toBeGreaterThan(MODULE_GAMBLER_LIMIT);
    const labels = standardLabels();
    expect(guessabilityProblems(often, labels).map((p) => p.key)).toContain(`gambler: passes ${Math.round(figures.mean * 100)} % of attempts`);
    // Two pairs in four items: both coins must fall right.
    const rare = pool({ count: 4, atLeast: { twins: 2 } });
    expect(quizGambler(rare)).toMatchObject({ best: 0.25, mean: 0.25 });
    expect(guessabilityProblems(rare, labels).filter((p) => p.key.startsWith('gambler'))).toEqual([]);
  }, 60_000);
});
