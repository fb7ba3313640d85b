import { randomFor } from './random';
import { twinPairs } from './twin-pairs';
import type { QuizFile, Scenario, ScenarioKind } from './types';

// The one definition of twins, in a module of its own so that naming scenarios (scenario-names.ts, the
// presenter's summary) does not load the draw.
export { twinPairs };

export type DrawRules = NonNullable<QuizFile['draw']>;

/** The kinds a draw rule can count: `twins` in `atLeast` counts pairs, not a kind. */
type KindRules = Omit<DrawRules['atLeast'], 'twins'>;

/** How many of a kind one attempt may hold, given the rules and the pool. */
function bounds(rules: DrawRules, kind: ScenarioKind, inPool: number): { min: number; max: number } {
  return { min: (rules.atLeast as KindRules)[kind] ?? 0, max: Math.min(inPool, rules.atMost ?? Infinity) };
}

/** A unit of the draw: one scenario, or a twin pair drawn together (indices into the pool). */
type Unit = { at: number[]; kind: ScenarioKind; value: number };

function unitsOf<T extends { kind: ScenarioKind }>(items: readonly T[], value: (item: T) => number, pairs: readonly [number, number][]): Unit[] {
  const paired = new Map<number, number>(pairs.flatMap(([a, b]) => [[a, b], [b, a]] as [number, number][]));
  const units: Unit[] = [];
  items.forEach((item, i) => {
    const j = paired.get(i);
    if (j !== undefined && j < i) return;
    const at = j === undefined ? [i] : [i, j];
    units.push({ at, kind: item.kind, value: at.reduce((sum, k) => sum + value(items[k]!), 0) });
  });
  return units;
}

const byValue = (a: Unit, b: Unit) => b.value - a.value || a.at[0]! - b.at[0]!;

/**
 * Picks `rules.count` of the items with the largest total value that the rules allow, a twin pair
 * (given as index pairs) counting as one unit of two items of its kind: the kind minimums and
 * maximums, `atLeast.twins` pairs, the exact count. Within a kind the best choice of n items with p
 * pairs is its p best pairs and n − 2p best single items, so a small table per kind over (n, p),
 * combined across kinds, finds the optimum exactly. Undefined when the rules cannot be met. Used
 * with random values to draw, and with scores to find a learner's best draw. The result keeps the
 * pool's order, each pair at its first twin's place (first twin first).
 */
export function selectBest<T extends { kind: ScenarioKind }>(
  items: readonly T[],
  value: (item: T) => number,
  rules: DrawRules,
  pairs: readonly [number, number][] = [],
): T[] | undefined {
  const units = unitsOf(items, value, pairs);
  const needPairs = rules.atLeast.twins ?? 0;
  const kinds = [...new Set(items.map((i) => i.kind))];
  for (const kind of Object.keys(rules.atLeast) as (keyof DrawRules['atLeast'])[])
    if (kind !== 'twins' && (rules.atLeast[kind] ?? 0) > 0 && !kinds.includes(kind)) return undefined;
  // Per kind: the best value of n items holding p pairs (p capped at the pairs still needed).
  const perKind = kinds.map((kind) => {
    const singles = units.filter((u) => u.kind === kind && u.at.length === 1).sort(byValue);
    const twins = units.filter((u) => u.kind === kind && u.at.length === 2).sort(byValue);
    const { min, max } = bounds(rules, kind, singles.length + 2 * twins.length);
    const options: { n: number; p: number; value: number }[] = [];
    for (let p = 0; p <= twins.length; p++)
      for (let s = 0; s <= singles.length; s++) {
        const n = s + 2 * p;
        if (n < min || n > max || n > rules.count) continue;
        const v = twins.slice(0, p).reduce((a, u) => a + u.value, 0) + singles.slice(0, s).reduce((a, u) => a + u.value, 0);
        options.push({ n, p, value: v });
      }
    return { kind, singles, twins, options };
  });
  // Across kinds: table[n][p] = best total with n items and min(p, needPairs) pairs, with its choices.
  type State = { value: number; choice: { n: number; p: number }[] };
  let table = new Map<string, State>([['0 0', { value: 0, choice: [] }]]);
  for (const k of perKind) {
    const next = new Map<string, State>();
    for (const [key, state] of table) {
      const [n0, p0] = key.split(' ').map(Number) as [number, number];
      for (const o of k.options) {
        const n = n0 + o.n;
        if (n > rules.count) continue;
        const p = Math.min(needPairs, p0 + o.p);
        const v = state.value + o.value;
        const at = `${n} ${p}`;
        const had = next.get(at);
        if (!had || v > had.value) next.set(at, { value: v, choice: [...state.choice, { n: o.n, p: o.p }] });
      }
    }
    table = next;
  }
  const best = table.get(`${rules.count} ${needPairs}`);
  if (!best) return undefined;
  const chosen = perKind.flatMap((k, i) => {
    const { n, p } = best.choice[i]!;
    return [...k.twins.slice(0, p), ...k.singles.slice(0, n - 2 * p)];
  });
  return chosen.sort((a, b) => a.at[0]! - b.at[0]!).flatMap((u) => u.at.map((i) => items[i]!));
}

/** Whether the pair whose first twin (in file order) is `first` shows its second twin first in this attempt. */
const secondFirst = (seed: number, first: string) => randomFor(seed, 'twin-order', first)() < 0.5;

/**
 * The scenarios an attempt with this seed shows, in the pool's order, a twin pair side by side at
 * its first twin's place, which of the two comes first decided by the seed: all of them, in file
 * order, when the quiz has no `draw`. Each unit's chance comes from the seed and its own id (a
 * pair's from its first twin's id), so adding a scenario to the pool leaves the others' chances as
 * they were.
 */
export function drawScenarios(quiz: QuizFile, seed: number): Scenario[] {
  if (!quiz.draw) return quiz.scenarios;
  const pairs = twinPairs(quiz.scenarios);
  const firstOf = new Map(pairs.flatMap(([a, b]) => [[a, a], [b, a]] as [number, number][]));
  const index = new Map(quiz.scenarios.map((s, i) => [s, i]));
  const chance = (s: Scenario) => randomFor(seed, 'draw', quiz.scenarios[firstOf.get(index.get(s)!) ?? index.get(s)!]!.id)();
  const picked = selectBest(quiz.scenarios, chance, quiz.draw, pairs);
  if (!picked) throw new Error(`the draw rules cannot be met by this pool`);
  const firsts = new Set(pairs.map(([a]) => quiz.scenarios[a]!.id));
  for (let i = 0; i < picked.length - 1; i++) {
    if (!firsts.has(picked[i]!.id)) continue;
    if (secondFirst(seed, picked[i]!.id)) [picked[i], picked[i + 1]] = [picked[i + 1]!, picked[i]!];
    i++;
  }
  return picked;
}

/** Why a set of scenario ids could not have been drawn from this quiz, or undefined when it could. */
export function drawProblem(quiz: QuizFile, ids: readonly string[]): string | undefined {
  const scenarios = ids.map((id) => quiz.scenarios.find((s) => s.id === id));
  const unknown = ids.find((_, i) => !scenarios[i]);
  if (unknown) return `the quiz has no scenario "${unknown}"`;
  if (new Set(ids).size !== ids.length) return 'a scenario is drawn twice';
  const rules = quiz.draw;
  if (!rules) {
    if (ids.length !== quiz.scenarios.length) return `this quiz shows all ${quiz.scenarios.length} scenarios, not ${ids.length}`;
    return ids.some((id, i) => quiz.scenarios[i]!.id !== id) ? 'the scenarios are not in the quiz order' : undefined;
  }
  const pairs = twinPairs(quiz.scenarios);
  const partner = new Map(pairs.flatMap(([a, b]) => [[a, b], [b, a]] as [number, number][]));
  const order = scenarios.map((s) => quiz.scenarios.indexOf(s!));
  // Each pair side by side; then the units (a pair at its first twin's place) in the pool's order.
  const places: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const j = partner.get(order[i]!);
    if (j === undefined) {
      places.push(order[i]!);
      continue;
    }
    const twin = quiz.scenarios[j]!.id;
    if (!ids.includes(twin)) return `scenario "${ids[i]}" is drawn without its twin "${twin}" (a pair is drawn together or not at all)`;
    if (order[i + 1] !== j) return `the twins "${ids[i]}" and "${twin}" are not side by side`;
    places.push(Math.min(order[i]!, j));
    i++;
  }
  if (places.some((n, i) => i > 0 && n < places[i - 1]!)) return 'the scenarios are not in the quiz order';
  if (ids.length !== rules.count) return `an attempt draws ${rules.count} scenarios, not ${ids.length}`;
  for (const kind of new Set(quiz.scenarios.map((s) => s.kind))) {
    const { min, max } = bounds(rules, kind, Infinity);
    const n = scenarios.filter((s) => s!.kind === kind).length;
    if (n < min) return `an attempt has at least ${min} ${kind} scenario(s), this one ${n}`;
    if (n > max) return `an attempt has at most ${max} ${kind} scenario(s), this one ${n}`;
  }
  const twins = ids.length - places.length;
  if (twins < (rules.atLeast.twins ?? 0)) return `an attempt has at least ${rules.atLeast.twins} twin pair(s), this one ${twins}`;
  return undefined;
}

/** Problems with a quiz's draw rules that would make some attempt impossible (for the build). */
export function drawRuleProblems(quiz: QuizFile): string[] {
  const rules = quiz.draw;
  if (!rules) return [];
  if (rules.count > quiz.scenarios.length) return [`draw › count: ${rules.count} is more than the ${quiz.scenarios.length} scenarios in the pool`];
  const problems: string[] = [];
  for (const [kind, n] of Object.entries(rules.atLeast)) {
    if (kind === 'twins') continue;
    const have = quiz.scenarios.filter((s) => s.kind === kind).length;
    if ((n ?? 0) > have) problems.push(`draw › atLeast.${kind}: ${n} asked, the pool has ${have}`);
    if (rules.atMost !== undefined && (n ?? 0) > rules.atMost) problems.push(`draw › atLeast.${kind}: ${n} is more than atMost ${rules.atMost}`);
  }
  const pairs = twinPairs(quiz.scenarios);
  const wanted = rules.atLeast.twins ?? 0;
  if (wanted > pairs.length) problems.push(`draw › atLeast.twins: ${wanted} pair(s) asked, the pool has ${pairs.length}`);
  if (wanted * 2 > rules.count) problems.push(`draw › atLeast.twins: ${wanted} pair(s) is ${wanted * 2} scenarios, more than the ${rules.count} of an attempt`);
  if (!problems.length && !selectBest(quiz.scenarios, () => 0, rules, pairs)) problems.push(`draw: no set of ${rules.count} scenarios meets the rules${wanted ? ` with ${wanted} twin pair(s)` : ''}`);
  return problems;
}

/** How many scenarios one attempt shows. */
export function scenariosPerAttempt(quiz: QuizFile): number {
  return quiz.draw?.count ?? quiz.scenarios.length;
}
