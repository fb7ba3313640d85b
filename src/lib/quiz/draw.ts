import { randomFor } from './random';
import type { QuizFile, Scenario, ScenarioKind } from './types';

export type DrawRules = NonNullable<QuizFile['draw']>;

/** How many of a kind one attempt may hold, given the rules and the pool. */
function bounds(rules: DrawRules, kind: ScenarioKind, inPool: number): { min: number; max: number } {
  return { min: rules.atLeast[kind] ?? 0, max: Math.min(inPool, rules.atMost ?? Infinity) };
}

/**
 * Picks `rules.count` of the items with the largest total value that the rules allow: each kind's
 * minimum first (its best items), then the best of the rest up to each kind's maximum. Because
 * each kind's values are taken in falling order, this is optimal, not just greedy. Undefined when
 * the rules cannot be met. Used with random values to draw, and with scores to find a blind
 * learner's best draw.
 */
export function selectBest<T extends { kind: ScenarioKind }>(items: readonly T[], value: (item: T) => number, rules: DrawRules): T[] | undefined {
  const byKind = new Map<ScenarioKind, { item: T; index: number; value: number }[]>();
  items.forEach((item, index) => byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), { item, index, value: value(item) }]));
  const chosen: { item: T; index: number; value: number }[] = [];
  const rest: typeof chosen = [];
  for (const [kind, list] of byKind) {
    const { min, max } = bounds(rules, kind, list.length);
    if (min > max) return undefined;
    const sorted = [...list].sort((a, b) => b.value - a.value || a.index - b.index);
    chosen.push(...sorted.slice(0, min));
    rest.push(...sorted.slice(min, max));
  }
  for (const kind of Object.keys(rules.atLeast) as ScenarioKind[]) if ((rules.atLeast[kind] ?? 0) > 0 && !byKind.has(kind)) return undefined;
  const missing = rules.count - chosen.length;
  if (missing < 0 || rest.length < missing) return undefined;
  chosen.push(...rest.sort((a, b) => b.value - a.value || a.index - b.index).slice(0, missing));
  return chosen.sort((a, b) => a.index - b.index).map((c) => c.item);
}

/**
 * The scenarios an attempt with this seed shows, in the pool's order: all of them when the quiz
 * has no `draw`. Each scenario's chance comes from the seed and its own id, so adding a scenario
 * to the pool leaves the others' chances as they were.
 */
export function drawScenarios(quiz: QuizFile, seed: number): Scenario[] {
  if (!quiz.draw) return quiz.scenarios;
  const picked = selectBest(quiz.scenarios, (s) => randomFor(seed, 'draw', s.id)(), quiz.draw);
  if (!picked) throw new Error(`the draw rules cannot be met by this pool`);
  return picked;
}

/** Why a set of scenario ids could not have been drawn from this quiz, or undefined when it could. */
export function drawProblem(quiz: QuizFile, ids: readonly string[]): string | undefined {
  const scenarios = ids.map((id) => quiz.scenarios.find((s) => s.id === id));
  const unknown = ids.find((_, i) => !scenarios[i]);
  if (unknown) return `the quiz has no scenario "${unknown}"`;
  if (new Set(ids).size !== ids.length) return 'a scenario is drawn twice';
  const order = scenarios.map((s) => quiz.scenarios.indexOf(s!));
  if (order.some((n, i) => i > 0 && n < order[i - 1]!)) return 'the scenarios are not in the quiz order';
  const rules = quiz.draw;
  if (!rules) return ids.length === quiz.scenarios.length ? undefined : `this quiz shows all ${quiz.scenarios.length} scenarios, not ${ids.length}`;
  if (ids.length !== rules.count) return `an attempt draws ${rules.count} scenarios, not ${ids.length}`;
  for (const kind of new Set(quiz.scenarios.map((s) => s.kind))) {
    const { min, max } = bounds(rules, kind, Infinity);
    const n = scenarios.filter((s) => s!.kind === kind).length;
    if (n < min) return `an attempt has at least ${min} ${kind} scenario(s), this one ${n}`;
    if (n > max) return `an attempt has at most ${max} ${kind} scenario(s), this one ${n}`;
  }
  return undefined;
}

/** Problems with a quiz's draw rules that would make some attempt impossible (for the build). */
export function drawRuleProblems(quiz: QuizFile): string[] {
  const rules = quiz.draw;
  if (!rules) return [];
  if (rules.count > quiz.scenarios.length) return [`draw › count: ${rules.count} is more than the ${quiz.scenarios.length} scenarios in the pool`];
  const problems: string[] = [];
  for (const [kind, n] of Object.entries(rules.atLeast)) {
    const have = quiz.scenarios.filter((s) => s.kind === kind).length;
    if ((n ?? 0) > have) problems.push(`draw › atLeast.${kind}: ${n} asked, the pool has ${have}`);
    if (rules.atMost !== undefined && (n ?? 0) > rules.atMost) problems.push(`draw › atLeast.${kind}: ${n} is more than atMost ${rules.atMost}`);
  }
  if (!problems.length && !selectBest(quiz.scenarios, () => 0, rules)) problems.push(`draw: no set of ${rules.count} scenarios meets the rules`);
  return problems;
}

/** How many scenarios one attempt shows. */
export function scenariosPerAttempt(quiz: QuizFile): number {
  return quiz.draw?.count ?? quiz.scenarios.length;
}
