import { describe, expect, it } from 'vitest';
import { decodePlan, encodePlan, moveItem, planMinutes, workshopMinutes } from '../../../src/lib/workshop/plan';

const modules = [
  { id: 'a', scenarios: ['a1', 'a2', 'a3', 'a4'], minutes: 30 },
  { id: 'b', scenarios: ['b1', 'b2'], minutes: 20 },
];

describe('workshop plans', () => {
  it('round-trip through a link', () => {
    const plan = [{ module: 'b' }, { module: 'a', scenarios: ['a2', 'a4'] }];
    expect(encodePlan(plan)).toBe('b,a:a2.a4');
    expect(decodePlan(encodePlan(plan), modules)).toEqual(plan);
  });

  it('drop unknown modules and scenarios and duplicates from old links', () => {
    expect(decodePlan('x,a:a9.a1,a,b:zz', modules)).toEqual([{ module: 'a', scenarios: ['a1'] }]);
    expect(decodePlan(null, modules)).toEqual([]);
  });

  it('add up minutes, scaled to the scenarios chosen', () => {
    expect(planMinutes([{ module: 'a' }, { module: 'b' }], modules)).toBe(50);
    expect(planMinutes([{ module: 'a', scenarios: ['a1', 'a2'] }], modules)).toBe(15);
  });

  it('take a module’s workshop length from its facilitator timing', () => {
    expect(workshopMinutes([{ minutes: 5 }, { minutes: 10 }, { minutes: 15 }])).toBe(30);
  });

  it('reorder, staying within the list', () => {
    const plan = [{ module: 'a' }, { module: 'b' }];
    expect(moveItem(plan, 1, -1)).toEqual([{ module: 'b' }, { module: 'a' }]);
    expect(moveItem(plan, 0, -1)).toBe(plan);
  });
});
