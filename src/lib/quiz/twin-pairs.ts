import type { ScenarioKind } from './types';

/**
 * The twin pairs of a pool, as index pairs in file order (first, second). A pair is declared by
 * `twin` on one side or both; a declaration the checks refuse (no such partner, itself, another
 * kind, a scenario in two pairs) forms no pair here, so the draw never breaks on it: the build
 * reports it (see twin.ts).
 */
export function twinPairs(scenarios: readonly { id: string; kind: ScenarioKind; twin?: string }[]): [number, number][] {
  const index = new Map(scenarios.map((s, i) => [s.id, i]));
  const partners = new Map<number, Set<number>>();
  scenarios.forEach((s, i) => {
    const j = s.twin === undefined ? undefined : index.get(s.twin);
    if (j === undefined || j === i || scenarios[j]!.kind !== s.kind) return;
    for (const [a, b] of [
      [i, j],
      [j, i],
    ] as const)
      partners.set(a, (partners.get(a) ?? new Set()).add(b));
  });
  const pairs: [number, number][] = [];
  for (const [a, set] of partners) {
    const b = [...set][0]!;
    if (set.size === 1 && partners.get(b)!.size === 1 && a < b) pairs.push([a, b]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}
