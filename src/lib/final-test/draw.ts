import { randomFor, shuffled } from '../quiz/random';
import { twinPairs } from '../quiz/draw';
import { leadsOn } from '../quiz/scenario';
import type { Quiz, Scenario } from '../quiz/types';

/** The final test's bank: one quiz file per module (`quizzes/final-test/<module>.yaml`), server only. */
export type Bank = readonly Quiz[];

/** A drawn item: which module's bank and which scenario. */
export interface ItemRef {
  module: string;
  scenario: string;
}

export interface FinalTestRules {
  /** Items per attempt. */
  count: number;
  /** At least this many items from every module's bank. */
  perModule: number;
  /** At least this many branching stories per attempt. */
  branching: number;
  /**
   * At least this many twin PAIRS per attempt (a pair is drawn together and counts two items). The
   * default, eight pairs in seventeen items, is one pair from every module and one story: a learner
   * who knows the lessons and both keys of every pair but tosses a coin for which twin gets which
   * (final-test/gambler.ts) needs seven of eight tosses, 3.5 % of attempts on any draw. With sixteen
   * items at most seven pairs fit beside the story (6.25 %), and the old five pairs gave 18.75 %.
   */
  twins: number;
  /** The pass mark, in percent of the attempt's points. */
  passPercent: number;
}

export const DEFAULT_RULES: FinalTestRules = { count: 23, perModule: 2, branching: 1, twins: 11, passPercent: 80 };

export const itemKey = (item: ItemRef) => `${item.module}/${item.scenario}`;

/** The scenario an item names, or undefined when the bank has no such item. */
export function scenarioOf(bank: Bank, item: ItemRef): Scenario | undefined {
  return bank.find((q) => q.moduleId === item.module)?.scenarios.find((s) => s.id === item.scenario);
}

/** A unit of the final test's draw: one item, or a twin pair drawn together (always within one module's file). */
export interface BankUnit {
  module: string;
  scenarios: Scenario[];
  story: boolean;
}

/** The bank's units: every module's items, each twin pair as one unit (at its first twin). */
export function bankUnits(bank: Bank): BankUnit[] {
  return bank.flatMap((quiz) => {
    const pairs = twinPairs(quiz.scenarios);
    const partner = new Map(pairs.flatMap(([a, b]) => [[a, b], [b, a]] as [number, number][]));
    return quiz.scenarios.flatMap((s, i) => {
      const j = partner.get(i);
      if (j !== undefined && j < i) return [];
      return [{ module: quiz.moduleId, scenarios: j === undefined ? [s] : [s, quiz.scenarios[j]!], story: leadsOn(s) }];
    });
  });
}

/**
 * The units with the largest total value that the rules allow: `count` items, at least `perModule`
 * from every module (a pair counts two), at least `branching` stories and `twins` pairs. Exact: per
 * module the best choice of p pairs, s stories and o other items is the best of each, and a table
 * over (items, pairs, stories) combines the modules. Undefined when the rules cannot be met. Drawing
 * uses seeded random values; the lesson-reader bound uses scores.
 */
export function selectUnits<U extends BankUnit = BankUnit>(bank: Bank, rules: FinalTestRules, value: (unit: U) => number, units: readonly U[] = bankUnits(bank) as U[]): U[] | undefined {
  const byValue = (a: { v: number }, b: { v: number }) => b.v - a.v;
  const prefix = (list: { v: number }[]) => {
    const sums = [0];
    for (const x of list) sums.push(sums.at(-1)! + x.v);
    return sums;
  };
  const modules = bank.map((quiz) => {
    const mine = units.filter((u) => u.module === quiz.moduleId).map((u) => ({ u, v: value(u) }));
    const pairs = mine.filter((x) => x.u.scenarios.length === 2).sort(byValue);
    const stories = mine.filter((x) => x.u.scenarios.length === 1 && x.u.story).sort(byValue);
    const others = mine.filter((x) => x.u.scenarios.length === 1 && !x.u.story).sort(byValue);
    return { pairs, stories, others, sums: [prefix(pairs), prefix(stories), prefix(others)] as const };
  });
  // table[cell(n, p, s)]: the best value with n items, min(p, twins) pairs, min(s, branching) stories.
  const [P, S] = [rules.twins + 1, rules.branching + 1];
  const cell = (n: number, p: number, st: number) => (n * P + p) * S + st;
  const size = (rules.count + 1) * P * S;
  let table = new Float64Array(size).fill(-Infinity);
  table[0] = 0;
  const layers: { from: Int32Array; pick: Int32Array }[] = [];
  for (const m of modules) {
    const next = new Float64Array(size).fill(-Infinity);
    const from = new Int32Array(size).fill(-1);
    const pick = new Int32Array(size);
    for (let n0 = 0; n0 <= rules.count; n0++)
      for (let p0 = 0; p0 < P; p0++)
        for (let s0 = 0; s0 < S; s0++) {
          const here = table[cell(n0, p0, s0)]!;
          if (here === -Infinity) continue;
          for (let p = 0; p <= m.pairs.length; p++)
            for (let st = 0; st <= m.stories.length; st++)
              for (let o = 0; o <= m.others.length; o++) {
                const items = 2 * p + st + o;
                if (items < rules.perModule || n0 + items > rules.count) continue;
                const to = cell(n0 + items, Math.min(rules.twins, p0 + p), Math.min(rules.branching, s0 + st));
                const v = here + m.sums[0][p]! + m.sums[1][st]! + m.sums[2][o]!;
                if (v > next[to]!) {
                  next[to] = v;
                  from[to] = cell(n0, p0, s0);
                  pick[to] = (p * 64 + st) * 64 + o;
                }
              }
        }
    layers.push({ from, pick });
    table = next;
  }
  let at = cell(rules.count, rules.twins, rules.branching);
  if (table[at] === -Infinity) return undefined;
  const chosen: U[] = [];
  for (let i = modules.length - 1; i >= 0; i--) {
    const m = modules[i]!;
    const code = layers[i]!.pick[at]!;
    const [p, st, o] = [Math.floor(code / 4096), Math.floor(code / 64) % 64, code % 64];
    chosen.unshift(...[...m.pairs.slice(0, p), ...m.stories.slice(0, st), ...m.others.slice(0, o)].map((x) => x.u));
    at = layers[i]!.from[at]!;
  }
  return chosen;
}

/** Why the rules cannot be met by this bank, or undefined when they can. */
export function bankProblem(bank: Bank, rules: FinalTestRules): string | undefined {
  if (!bank.length) return 'the final test bank is empty';
  const thin = bank.find((q) => q.scenarios.length < rules.perModule);
  if (thin) return `the bank of "${thin.moduleId}" has ${thin.scenarios.length} items, fewer than the ${rules.perModule} every attempt takes from each module`;
  if (bank.length * rules.perModule > rules.count) return `${bank.length} modules × ${rules.perModule} items is more than the ${rules.count} items of an attempt`;
  const all = bank.reduce((n, q) => n + q.scenarios.length, 0);
  if (all < rules.count) return `the bank has ${all} items, fewer than the ${rules.count} of an attempt`;
  const stories = bank.reduce((n, q) => n + q.scenarios.filter(leadsOn).length, 0);
  if (stories < rules.branching) return `the bank has ${stories} branching stories, fewer than the ${rules.branching} every attempt needs`;
  const pairs = bank.reduce((n, q) => n + twinPairs(q.scenarios).length, 0);
  if (pairs < rules.twins) return `the bank has ${pairs} twin pairs, fewer than the ${rules.twins} every attempt needs`;
  if (!selectUnits(bank, rules, () => 0)) return `no attempt of ${rules.count} items meets the rules (${rules.perModule} per module, ${rules.branching} stories, ${rules.twins} twin pairs)`;
  return undefined;
}

/**
 * The items of the attempt with this seed: at least `perModule` from every module's bank, at least
 * `branching` stories and `twins` twin pairs (a pair drawn together, both counting toward its
 * module), `count` in all, in a shuffled order. Each unit's chance comes from the seed and its own
 * id (a pair's from its first twin). The server picks the seed, and the signed attempt token
 * carries the result, so the learner cannot choose the draw.
 *
 * `given` (item key → times this client was given it lately) makes the draw prefer what the client
 * has seen least: a unit's value is its random value less `count` times the times its items were
 * given (an attempt's random values add up to less than `count`), so the rules are met first and,
 * among the draws that meet them, one with fewer repeats always wins; ties are random.
 */
export function drawFinalTest(bank: Bank, seed: number, rules: FinalTestRules = DEFAULT_RULES, given?: ReadonlyMap<string, number>): ItemRef[] {
  const problem = bankProblem(bank, rules);
  if (problem) throw new Error(problem);
  const repeats = (u: BankUnit) => (given ? u.scenarios.reduce((n, s) => n + (given.get(itemKey({ module: u.module, scenario: s.id })) ?? 0), 0) : 0);
  const chosen = selectUnits(bank, rules, (u) => u.scenarios.length * randomFor(seed, 'final-test', u.module, u.scenarios[0]!.id)() - rules.count * repeats(u))!;
  const refs = chosen.flatMap((u) => u.scenarios.map((s) => ({ module: u.module, scenario: s.id })));
  return shuffled(refs, randomFor(seed, 'final-test', 'order'));
}

/**
 * Which bank items the rules can ever draw: an item is drawable when some attempt that meets the
 * rules holds it (the exact selection with that item's unit as the only value). An item that can
 * never be drawn is in the bank but tests nothing — for example a plain single item when every
 * slot of an attempt is taken by a pair or the story. Printed by bench-blind and item-stats, not
 * a build failure (the content can be turned into pairs later).
 */
export function drawableItems(bank: Bank, rules: FinalTestRules): { drawable: string[]; never: string[] } {
  const drawable: string[] = [];
  const never: string[] = [];
  const units = bankUnits(bank);
  for (const unit of units) {
    const chosen = selectUnits(bank, rules, (u) => (u === unit ? 1 : 0), units);
    const keys = unit.scenarios.map((s) => itemKey({ module: unit.module, scenario: s.id }));
    (chosen?.includes(unit) ? drawable : never).push(...keys);
  }
  return { drawable, never };
}
