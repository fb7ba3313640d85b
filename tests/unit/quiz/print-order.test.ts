import { describe, expect, it } from 'vitest';
import { PRINT_SEED, printedScenario } from '../../../src/lib/quiz/print-order';
import { correctAt, leadsOn, optionsAt, stepsOf } from '../../../src/lib/quiz/scenario';
import type { Scenario } from '../../../src/lib/quiz/types';
import { guideScenario } from '../../../src/lib/workshop/guide';
import { quizzes } from '../course/content';
import { fixtureData, fixtureQuiz } from '../helpers';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { seeds } from '../helpers';

const ids = (s: Scenario) => stepsOf(s).map((step) => optionsAt(s, step).map((o) => o.id));
const standard = { 'option.official': 'Oficiālais konts', 'option.personal': 'Personīgais konts', 'option.none': 'Nekur', 'option.public': 'Publisks', 'option.internal': 'Iekšējs', 'option.restricted': 'Ierobežots' };

/** The fixture scenarios copied under 20 ids, for properties that need many scenarios. */
function manyScenarios(): Scenario[] {
  const data = fixtureData();
  data.scenarios = Array.from({ length: 20 }, (_, n) => data.scenarios.map((s: any) => ({ ...structuredClone(s), id: `${s.id}-${n}` }))).flat();
  data.draw = undefined;
  const result = validateQuiz(data, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz.scenarios;
}

describe('the printed option order', () => {
  it('is the same every time a scenario is printed, and is a seed like any other', () => {
    for (const s of fixtureQuiz().scenarios) expect(ids(printedScenario(s))).toEqual(ids(printedScenario(structuredClone(s))));
    expect(Number.isInteger(PRINT_SEED) && PRINT_SEED >= 0 && PRINT_SEED <= 0xffffffff).toBe(true);
  });

  it('keeps every option and differs from the file order for some scenarios', () => {
    const scenarios = manyScenarios();
    let differs = 0;
    for (const s of scenarios) {
      const printed = ids(printedScenario(s));
      const authored = ids(s);
      expect(printed.map((step) => [...step].sort())).toEqual(authored.map((step) => [...step].sort()));
      if (JSON.stringify(printed) !== JSON.stringify(authored)) differs++;
    }
    expect(differs).toBeGreaterThan(scenarios.length / 2);
  });

  it('depends on the scenario id, not on the file order', () => {
    // The same options under different ids print in different orders: nothing about the author's
    // order survives, and two copies of a scenario in the guide do not print alike by accident.
    const orders = new Set(manyScenarios().filter((s) => s.kind === 'multi').map((s) => ids(printedScenario(s)).join('|')));
    expect(orders.size).toBeGreaterThanOrEqual(4); // of the 3! = 6 orders of its three options
  });

  it('is the facilitator guide order, with letters that follow it', () => {
    for (const s of fixtureQuiz().scenarios) {
      const guide = guideScenario(s, 'lv', standard);
      const printed = printedScenario(s);
      expect(guide.steps.map((step) => step.options.map((o) => o.id))).toEqual(ids(printed));
      for (const step of guide.steps) expect(step.options.map((o) => o.letter)).toEqual(step.options.map((_, i) => 'ABCDEFGH'[i]));
      if (!leadsOn(s)) {
        const right = correctAt(printed, undefined);
        expect(guide.right.map((o) => o.letter)).toEqual(right.map((id) => 'ABCDEFGH'[optionsAt(printed, undefined).findIndex((o) => o.id === id)]));
      }
    }
  });
});

describe('over the real course', () => {
  it('spreads the right option over the printed positions: no position holds more than half', () => {
    const at: number[] = [];
    for (const quiz of quizzes)
      for (const s of quiz.scenarios) {
        const printed = printedScenario(s);
        for (const step of stepsOf(printed)) {
          const options = optionsAt(printed, step);
          for (const id of correctAt(printed, step)) at.push(options.findIndex((o) => o.id === id));
        }
      }
    expect(at.length).toBeGreaterThan(0);
    const counts = new Map<number, number>();
    for (const i of at) counts.set(i, (counts.get(i) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(at.length / 2);
    expect(counts.size).toBeGreaterThan(1);
  });
});
