import { passChance, type PairGamble } from './gambler';

/**
 * The attempt the draw rules allow that suits the gambler best, exactly. The gambler's chance on an
 * attempt depends only on the points of the items they answer right (`full`) and on which pairs it
 * holds, and grows with `full` for a given set of pairs (those points count in the total and in
 * what they earn, and the pass mark is below 100 %). So a table over the groups of the rules (kinds
 * for a module quiz, modules for the final test) keeps, for every count of items, of stories and of
 * pairs of each kind (full points, swapped points), the most `full` points; the chance is then
 * computed once per table cell. Small: pairs of one kind of gamble are interchangeable.
 */

/** An item the gambler answers right: its points, and whether it is a branching story. */
export interface SureItem {
  points: number;
  story: boolean;
}

/** A part of the pool the rules count on its own (a kind, a module): how many it gives, from what. */
export interface DrawGroup {
  min: number;
  max: number;
  singles: readonly SureItem[];
  pairs: readonly PairGamble[];
}

export interface GamblerRules {
  /** Items per attempt (a pair counts two). */
  count: number;
  /** At least this many twin pairs. */
  twins: number;
  /** At least this many stories (single items with `story`). */
  stories: number;
  passPercent: number;
}

export interface BestDraw {
  chance: number;
  /** The best attempt's make-up: points the gambler is sure of, and its pairs. */
  full: number;
  pairs: PairGamble[];
}

const typeKey = (p: PairGamble) => `${p.max}/${p.swapped}/${p.common}`;
const prefix = (values: number[]) => values.reduce((sums, v) => [...sums, sums.at(-1)! + v], [0]);

/** Undefined when no attempt meets the rules. */
export function bestGamblerDraw(groups: readonly DrawGroup[], rules: GamblerRules): BestDraw | undefined {
  const types = [...new Map(groups.flatMap((g) => g.pairs).map((p) => [typeKey(p), p])).values()];
  // state "items|stories (capped at the rule)|pairs of each type" → the most sure points
  let table = new Map<string, number>([[`0|0|${types.map(() => 0).join(',')}`, 0]]);
  for (const group of groups) {
    const desc = (story: boolean) => group.singles.filter((s) => s.story === story).map((s) => s.points).sort((a, b) => b - a);
    const [stories, others] = [prefix(desc(true)), prefix(desc(false))];
    const have = types.map((t) => group.pairs.filter((p) => typeKey(p) === typeKey(t)).length);
    // Every count of pairs of each type this group could give.
    let choices: number[][] = [[]];
    for (const n of have) choices = choices.flatMap((c) => Array.from({ length: n + 1 }, (_, k) => [...c, k]));
    const next = new Map<string, number>();
    for (const [state, sure] of table) {
      const [n0, s0, p0] = state.split('|') as [string, string, string];
      const counts0 = p0 ? p0.split(',').map(Number) : [];
      for (const c of choices) {
        const pairItems = 2 * c.reduce((a, b) => a + b, 0);
        for (let st = 0; st < stories.length; st++)
          for (let o = 0; o < others.length; o++) {
            const items = pairItems + st + o;
            const n = Number(n0) + items;
            if (items < group.min || items > group.max || n > rules.count) continue;
            const key = `${n}|${Math.min(rules.stories, Number(s0) + st)}|${counts0.map((k, i) => k + c[i]!).join(',')}`;
            const value = sure + stories[st]! + others[o]!;
            if (value > (next.get(key) ?? -1)) next.set(key, value);
          }
      }
    }
    table = next;
  }
  let best: BestDraw | undefined;
  for (const [state, full] of table) {
    const [n, st, p] = state.split('|') as [string, string, string];
    const counts = p ? p.split(',').map(Number) : [];
    if (Number(n) !== rules.count || Number(st) < rules.stories || counts.reduce((a, b) => a + b, 0) < rules.twins) continue;
    const pairs = types.flatMap((t, i) => Array.from({ length: counts[i]! }, () => t));
    const chance = passChance(full, pairs, rules.passPercent);
    if (!best || chance > best.chance) best = { chance, full, pairs };
  }
  return best;
}
