import { optionsAt, shuffleScenario } from '../../src/lib/quiz/scenario';
import type { AnswerEntry, Scenario } from '../../src/lib/quiz/types';
import type { PublicAnswer } from '../../src/lib/final-test/public-item';

/**
 * Tests only: a bank answer written in the public ids the browser sees for this attempt's seed
 * (options `a`, `b`… in the shown order, steps `s1`, `s2`… by depth). Node reads the bank; no key
 * ever goes to the browser.
 */
export function toPublic(scenario: Scenario, seed: number, entries: readonly AnswerEntry[]): PublicAnswer[] {
  const shown = shuffleScenario(scenario, seed);
  return entries.map((e, depth) => {
    const options = optionsAt(shown, e.step);
    return { step: `s${depth + 1}`, choice: e.choice.map((c) => String.fromCharCode(97 + options.findIndex((o) => o.id === c))) };
  });
}
