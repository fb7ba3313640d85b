import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, drawableItems, drawFinalTest, itemKey, type Bank } from '../../../src/lib/final-test/draw';
import type { Scenario } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';
import { finalBank } from '../../support/final-bank';

const fixture = fixtureQuiz();
const first = fixture.scenarios[0] as Extract<Scenario, { kind: 'account' }>;
const twin = { ...first, id: `${first.id}-twin`, twin: first.id, options: first.options.map((o) => ({ ...o, correct: !o.correct })) } as Scenario;
/** Eight modules, each with the fixture's five items and a twin of its account item: one pair a module. */
const bank: Bank = Array.from({ length: 8 }, (_, m) => ({ ...fixture, moduleId: `m${m + 1}`, scenarios: [...fixture.scenarios, twin] }));

describe('the items the draw rules can ever draw', () => {
  it('leaves out the plain single items when every slot is a pair or the story, and takes them in when there is room', () => {
    // 17 items with 8 pairs: the eight pairs and one story fill every attempt.
    const tight = drawableItems(bank, { ...DEFAULT_RULES, count: 17, twins: 8 });
    const plain = fixture.scenarios.filter((s) => s.id !== first.id && s.kind !== 'branching').map((s) => s.id);
    expect(plain.length).toBeGreaterThan(0);
    for (const m of bank) for (const id of plain) expect(tight.never).toContain(itemKey({ module: m.moduleId, scenario: id }));
    for (const m of bank) for (const id of [first.id, twin.id]) expect(tight.drawable).toContain(itemKey({ module: m.moduleId, scenario: id }));
    // Eighteen items leave one slot beside the pairs and the story: now every item can be drawn.
    const roomy = drawableItems(bank, { ...DEFAULT_RULES, count: 18, twins: 8 });
    expect(roomy.never).toEqual([]);
    expect(roomy.drawable).toHaveLength(8 * 6);
  });

  it('agrees with the draw: no seed ever draws an item it calls never drawn', () => {
    const rules = { ...DEFAULT_RULES, count: 17, twins: 8 };
    const { never } = drawableItems(bank, rules);
    for (let seed = 0; seed < 60; seed++) for (const i of drawFinalTest(bank, seed, rules)) expect(never).not.toContain(itemKey(i));
  });

  it('draws, in the real bank under the defaults, every item (an item the rules can never draw is dead text: make it a twin pair)', () => {
    const { drawable, never } = drawableItems(finalBank, DEFAULT_RULES);
    const all = finalBank.reduce((n, q) => n + q.scenarios.length, 0);
    expect(drawable.length + never.length).toBe(all);
    expect(never).toEqual([]);
  });
});
