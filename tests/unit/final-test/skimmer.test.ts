import { describe, expect, it } from 'vitest';
import { finalTestGambler } from '../../../src/lib/final-test/gambler';
import { finalTestSkimmerProblem, finalTestSkimmers } from '../../../src/lib/final-test/skimmer';
import type { Bank } from '../../../src/lib/final-test/draw';
import type { Quiz, Scenario } from '../../../src/lib/quiz/types';

// The skimmer on the final test: a cue that sorts every pair turns the gambler's coin into a sure
// pass; a bank without such a cue leaves the skimmer where the coin is.
const twin = (id: string, situation: string, key: string, partner?: string): Scenario =>
  ({
    id,
    kind: 'disclosure',
    points: 1,
    ...(partner ? { twin: partner } : {}),
    situation: { lv: situation, en: situation },
    question: { lv: 'Ko darīt?', en: 'What to do?' },
    options: ['share', 'withhold', 'ask'].map((o) => ({ id: o, correct: o === key, feedback: { lv: 'x', en: 'x' } })),
  }) as unknown as Scenario;

function bank(restrictive: (i: number) => string, permissive: (i: number) => string): Bank {
  return Array.from({ length: 4 }, (_, m) => ({
    moduleId: `m${m}`,
    passPercent: 80,
    scenarios: Array.from({ length: 3 }, (_, p) => {
      const i = m * 3 + p;
      return [twin(`a${i}`, permissive(i), 'share'), twin(`b${i}`, restrictive(i), 'withhold', `a${i}`)];
    }).flat(),
  })) as unknown as Quiz[];
}
const rules = { count: 16, perModule: 2, branching: 0, twins: 8, passPercent: 80 };

describe('the skimmer on the final test', () => {
  it('passes every attempt when one cue sorts every pair', () => {
    const tell = bank((i) => `Pārskats ${i} būs publicēts tikai rīt.`, (i) => `Pārskats ${i} ir publicēts šodien.`);
    const best = finalTestSkimmers(tell, rules, 40).sort((a, b) => b.mean - a.mean)[0]!;
    expect(best.rule).toMatch(/tikai|future|pending|pēc/);
    expect(best.mean).toBe(1);
    // The build's check names the rule, its locale and its figure.
    const problem = finalTestSkimmerProblem(tell, rules, 40);
    expect(problem).toMatch(/passes more than 5 % of attempts \(mean over 40 draws.*„more „tikai” → more cautious key” \(lv\) 100\.0 %/);
  });

  it('does no better than the coin when the twins carry the same cues', () => {
    const fair = bank((i) => `Pārskats ${i} ir slēpts, un tikai rīt būs sēde.`, (i) => `Pārskats ${i} ir atvērts, un tikai rīt būs sēde.`);
    const coin = finalTestGambler(fair, rules, 40).mean;
    const best = finalTestSkimmers(fair, rules, 40).filter((f) => !/negat|length|words|label/.test(f.rule));
    for (const f of best) expect(f.mean, f.rule).toBeCloseTo(coin, 6);
  });
});
