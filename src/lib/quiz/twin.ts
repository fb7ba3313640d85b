import { LOCALES, type Locale } from '../i18n/locales';
import { pickStrings } from '../i18n/translate';
import { twinPairs } from './draw';
import { allowsSeveral, leadsOn, maxPoints, optionsAt, questionOf, scoreScenario, startOf } from './scenario';
import type { AnswerEntry, Scenario, SingleStepScenario } from './types';
import { optionLabel } from './view';

/**
 * Twins: two scenarios of one pool with the same question and the same option labels whose key
 * differs because of one fact in the situation. A learner who answers from the labels gives both
 * the same answer and gets at most one right; the draw takes a pair together or not at all.
 */

export type StandardLabels = Record<Locale, Record<string, string>>;

let standardCache: StandardLabels | undefined;
/** The standard option labels (account and disclosure options without a label of their own). */
export const standardOptionLabels = (): StandardLabels => (standardCache ??= { lv: pickStrings('lv', ['option.']), en: pickStrings('en', ['option.']) });

const single = (s: Scenario): s is SingleStepScenario => !leadsOn(s);

/** The labels learners see, sorted, per locale: what "the same option labels" compares. */
function labelSet(s: Scenario, locale: Locale, standard: StandardLabels): string[] {
  return optionsAt(s, startOf(s))
    .map((o) => optionLabel(o, locale, standard[locale]).replace(/\s+/g, ' ').trim())
    .sort();
}

/** Every answer a learner can give to a single-step scenario: each option, or (several answers) each non-empty set of options. */
export function answersOf(s: Scenario): string[][] {
  const ids = optionsAt(s, startOf(s)).map((o) => o.id);
  if (!allowsSeveral(s)) return ids.map((id) => [id]);
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++) out.push(ids.filter((_, i) => mask & (1 << i)));
  return out;
}

const earned = (s: Scenario, choice: string[]) => scoreScenario(s, [{ scenario: s.id, choice } satisfies AnswerEntry]).earned;

/** The most points one answer, given to both twins, earns on the two together: a learner who ignores the situations. */
export function commonAnswerPoints(a: Scenario, b: Scenario): number {
  return Math.max(0, ...answersOf(a).map((choice) => earned(a, choice) + earned(b, choice)));
}

/** The same question and option labels, in every locale: what makes two scenarios look alike. */
function lookAlike(a: Scenario, b: Scenario, standard: StandardLabels): boolean {
  return (
    single(a) &&
    single(b) &&
    a.kind === b.kind &&
    LOCALES.every((l) => questionOf(a, undefined)[l].trim() === questionOf(b, undefined)[l].trim() && labelSet(a, l, standard).join('\n') === labelSet(b, l, standard).join('\n'))
  );
}

/**
 * What is wrong with the pool's `twin` declarations, for the build: each problem names the
 * scenario as `scenarios[i] (id) › twin` and says what to change.
 */
export function twinProblems(scenarios: readonly Scenario[], standard: StandardLabels = standardOptionLabels()): string[] {
  const problems: string[] = [];
  const at = (i: number) => `scenarios[${i}] (${scenarios[i]!.id}) › twin`;
  const index = new Map(scenarios.map((s, i) => [s.id, i]));
  const declared = (s: Scenario) => (single(s) ? s.twin : undefined);
  // Who is named as whose twin, from either side.
  const named = new Map<number, Set<number>>();
  scenarios.forEach((s, i) => {
    const twin = declared(s);
    if (twin === undefined) return;
    const j = index.get(twin);
    if (j === undefined) return void problems.push(`${at(i)}: "${twin}" is not a scenario of this pool (a twin is in the same file)`);
    if (j === i) return void problems.push(`${at(i)}: a scenario cannot be its own twin`);
    const back = declared(scenarios[j]!);
    if (back !== undefined && back !== s.id) problems.push(`${at(i)}: names "${twin}", but "${twin}" names "${back}" as its twin; the two must agree`);
    for (const [x, y] of [
      [i, j],
      [j, i],
    ] as const)
      named.set(x, (named.get(x) ?? new Set()).add(y));
  });
  for (const [i, set] of named)
    if (set.size > 1)
      problems.push(`${at(i)}: in more than one pair (${[...set].map((j) => `"${scenarios[j]!.id}"`).join(', ')}); a scenario has at most one twin`);
  const reported = new Set<string>();
  for (const [i, set] of named) {
    if (set.size !== 1) continue;
    const j = [...set][0]!;
    const [first, second] = i < j ? [i, j] : [j, i];
    if (reported.has(`${first} ${second}`) || named.get(j)!.size !== 1) continue;
    reported.add(`${first} ${second}`);
    const a = scenarios[first]!;
    const b = scenarios[second]!;
    const where = at(declared(b) === a.id ? second : first);
    const other = declared(b) === a.id ? a.id : b.id;
    if (!single(a) || !single(b)) {
      problems.push(`${where}: "${other}" is a branching story; only single-question scenarios can be twins`);
      continue;
    }
    if (a.kind !== b.kind) {
      problems.push(`${where}: "${a.id}" is ${a.kind} and "${b.id}" is ${b.kind}; twins are of one kind`);
      continue;
    }
    for (const l of LOCALES)
      if (a.question[l].trim() !== b.question[l].trim()) problems.push(`${where}: the question (${l}) differs from "${other}"'s; twins ask the same question, word for word`);
    const ids = (s: SingleStepScenario) => s.options.map((o) => o.id).sort().join(', ');
    if (ids(a) !== ids(b)) problems.push(`${where}: the option ids differ from "${other}"'s (${ids(b)} vs ${ids(a)}); twins have the same options`);
    for (const l of LOCALES) {
      const [la, lb] = [labelSet(a, l, standard), labelSet(b, l, standard)];
      const odd = [...lb.filter((x) => !la.includes(x)), ...la.filter((x) => !lb.includes(x))];
      if (odd.length) problems.push(`${where}: the option labels (${l}) differ from "${other}"'s: ${odd.map((x) => `„${x.slice(0, 60)}”`).join(', ')}; twins show the same labels`);
    }
    if (a.points !== b.points) problems.push(`${where}: ${b.points} point(s) here, ${a.points} on "${a.id}"; twins are worth the same`);
    if (ids(a) === ids(b)) {
      const both = answersOf(a).find((choice) => earned(a, choice) === maxPoints(a) && earned(b, choice) === maxPoints(b));
      if (both) problems.push(`${where}: the answer ${both.join(' + ')} earns full points on both "${a.id}" and "${b.id}"; the key of twins must differ`);
    }
  }
  return problems;
}

/** Two scenarios that look like twins (same question, same labels) but are not marked as a pair: guessable from the labels. */
export function unmarkedTwinProblems(scenarios: readonly Scenario[], standard: StandardLabels = standardOptionLabels()): string[] {
  const pairs = new Set(twinPairs(scenarios).map(([a, b]) => `${a} ${b}`));
  const problems: string[] = [];
  for (let b = 1; b < scenarios.length; b++)
    for (let a = 0; a < b; a++)
      if (!pairs.has(`${a} ${b}`) && lookAlike(scenarios[a]!, scenarios[b]!, standard)) {
        const [x, y] = [scenarios[a]!.id, scenarios[b]!.id];
        problems.push(`unmarked twin: "${y}" looks like the twin of "${x}" (same question and option labels): mark it \`twin: ${x}\`, or change the question`);
        break;
      }
  return problems;
}

/** The shorter twin's situation is at least this share of the longer's, in characters, in every locale. */
export const TWIN_LENGTH_RATIO = 0.9;

/**
 * Twins whose situations differ in length: a learner who does not read can tell them apart by it
 * ("the one with the complication is longer: share the short one"). Each problem names the second
 * twin of the pair (file order) as `scenarios[i] (id) › twin` and both lengths.
 */
export function twinLengthProblems(scenarios: readonly Scenario[]): string[] {
  const problems: string[] = [];
  for (const [a, b] of twinPairs(scenarios)) {
    const [x, y] = [scenarios[a]!, scenarios[b]!];
    for (const l of LOCALES) {
      const [lx, ly] = [x.situation[l].trim().length, y.situation[l].trim().length];
      if (Math.min(lx, ly) >= TWIN_LENGTH_RATIO * Math.max(lx, ly)) continue;
      problems.push(
        `scenarios[${b}] (${y.id}) › twin: the situation (${l}) has ${ly} characters, "${x.id}"'s ${lx} (${(Math.min(lx, ly) / Math.max(lx, ly)).toFixed(2)}); twins' situations are within 10 % in length (the shorter at least ${TWIN_LENGTH_RATIO * 100} % of the longer), so the length does not tell them apart`,
      );
    }
  }
  return problems;
}
