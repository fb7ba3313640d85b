import { describe, expect, it } from 'vitest';
import { validateKind } from '../../../src/lib/quiz/kind-checks';
import * as scenario from '../../../src/lib/quiz/scenario';
import type { Scenario } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const byKind = (kind: Scenario['kind']) => quiz.scenarios.find((s) => s.kind === kind)!;

/** What each kind of the fixture must answer through the one interface. */
const expected = {
  account: { multiple: false, leadsOn: false, steps: [undefined], correct: ['official'], max: 1, fixed: true },
  disclosure: { multiple: false, leadsOn: false, steps: [undefined], correct: ['withhold'], max: 1, fixed: true },
  choice: { multiple: false, leadsOn: false, steps: [undefined], correct: ['same-media'], max: 2, fixed: false },
  multi: { multiple: true, leadsOn: false, steps: [undefined], correct: ['polite', 'accurate'], max: 1, fixed: false },
  branching: { multiple: false, leadsOn: true, steps: ['first', 'second', 'third'], correct: [], max: 2, fixed: false },
} as const;

describe.each(Object.keys(expected) as (keyof typeof expected)[])('the %s kind, through scenario.ts', (kind) => {
  const s = byKind(kind);
  const want = expected[kind];

  it('says how it is answered: one or several, right/wrong or leading on, its steps and right options', () => {
    expect(scenario.allowsSeveral(s)).toBe(want.multiple);
    expect(scenario.leadsOn(s)).toBe(want.leadsOn);
    expect(scenario.stepsOf(s)).toEqual(want.steps);
    expect(scenario.correctAt(s, scenario.startOf(s))).toEqual(want.correct);
    expect(scenario.maxPoints(s)).toBe(want.max);
    expect(scenario.fixedOptionIds(s) !== undefined).toBe(want.fixed);
    expect(validateKind(s)).toEqual([]);
  });

  it('scores its best answers at full points and its worst at the least', () => {
    expect(scenario.scoreScenario(s, scenario.bestAnswersOf(s)).earned).toBe(want.max);
    expect(scenario.scoreScenario(s, scenario.worstAnswersOf(s)).earned).toBe(0);
  });

  it('walks its steps: each best answer leads to the next step, the last ends the scenario', () => {
    const best = scenario.bestAnswersOf(s);
    best.forEach((entry, i) => expect(scenario.nextStepOf(s, entry.step, entry.choice)).toBe(best[i + 1]?.step));
  });

  it('encodes every possible choice as a number and back', () => {
    for (const step of scenario.stepsOf(s)) {
      const ids = scenario.optionsAt(s, step).map((o) => o.id);
      const choices = want.multiple ? [ids.slice(0, 2), [ids[0]!], ids.slice(1)] : ids.map((id) => [id]);
      for (const choice of choices) expect(scenario.decodeChoice(s, ids, scenario.encodeChoice(s, ids, choice))).toEqual(choice);
    }
  });

  it('shuffles every option list without losing or adding an option', () => {
    const shuffled = scenario.shuffleScenario(s, 12345);
    for (const step of scenario.stepsOf(s))
      expect(scenario.optionsAt(shuffled, step).map((o) => o.id).sort()).toEqual(scenario.optionsAt(s, step).map((o) => o.id).sort());
    expect(scenario.scoreScenario(shuffled, scenario.bestAnswersOf(s)).earned).toBe(want.max);
  });

  it('gives feedback that marks options right or wrong, or leads on', () => {
    const [entry] = scenario.worstAnswersOf(s);
    const feedback = scenario.feedbackOf(s, entry!, [entry!]);
    expect(feedback.correct).toBe(want.leadsOn ? undefined : false);
    expect(feedback.marksEach).toBe(want.multiple);
    expect(feedback.items.some((i) => i.chosen)).toBe(true);
  });
});

describe('the better move of a story', () => {
  const s = byKind('branching');
  const last = (entries: ReturnType<typeof scenario.bestAnswersOf>) => scenario.feedbackOf(s, entries.at(-1)!, entries);

  it('is shown at an ending below the best one, and not at the best ending', () => {
    expect(last(scenario.worstAnswersOf(s)).betterMove?.en).toBe('Reply politely and to the point.');
    expect(last(scenario.bestAnswersOf(s)).betterMove).toBeUndefined();
  });
});

describe('the dispatcher', () => {
  it('refuses a kind it does not know instead of treating it as a single answer', () => {
    expect(() => scenario.kindOf({ ...byKind('choice'), kind: 'ranking' } as unknown as Scenario)).toThrow(/unknown scenario kind/);
  });
});
