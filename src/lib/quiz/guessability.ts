import { LOCALES, type Locale } from '../i18n/locales';
import { playBlind, strategiesFor, type BlindStrategy } from './blind-strategies';
import { selectBest, twinPairs, type DrawRules } from './draw';
import { gamblerProblem } from './gambler-bound';
import { writingProblemsOf } from './kind-checks';
import { allowsSeveral, correctAt, leadsOn, maxPoints, optionsAt, startOf } from './scenario';
import { isPass, percentOf } from './scoring';
import { commonAnswerPoints, unmarkedTwinProblems } from './twin';
import type { QuizFile, Scenario } from './types';

/** A fault that makes a quiz passable without reading. `key` is stable, so it can be listed as known. */
export interface QuizProblem {
  key: string;
  detail: string;
}

export interface BlindResult {
  strategy: string;
  family: string;
  locale: Locale;
  /** The best this strategy scores: on the whole pool, or on the best draw the rules allow for it. */
  percent: number;
  passes: boolean;
}

interface Scored {
  scenario: Scenario;
  kind: Scenario['kind'];
  earned: number;
  max: number;
}

/**
 * The attempt a learner does best on, and its share of points (Dinkelbach's method: exact in a few
 * rounds), over any selection that picks the best set for given values (the module draw, the final
 * test's draw). A twin pair is one unit of the selection, so its two scores count together.
 */
export function bestRatioOver<T extends { earned: number; max: number }>(scored: readonly T[], select: ((value: (s: T) => number) => T[] | undefined) | undefined): { earned: number; max: number } {
  const sum = (list: readonly T[]) => ({ earned: list.reduce((a, s) => a + s.earned, 0), max: list.reduce((a, s) => a + s.max, 0) });
  const whole = sum(scored);
  if (!select) return whole;
  let best = { earned: 0, max: 0 };
  let ratio = 0;
  for (let round = 0; round < 30; round++) {
    const pick = select((s) => s.earned - ratio * s.max);
    if (!pick) break;
    const found = sum(pick);
    if (!best.max || found.earned * best.max > best.earned * found.max) best = found;
    const next = found.max ? found.earned / found.max : 0;
    if (next <= ratio) break;
    ratio = next;
  }
  return best;
}

function bestRatio(scored: readonly Scored[], quiz: QuizFile): { earned: number; max: number } {
  const rules: DrawRules | undefined = quiz.draw;
  const pairs = twinPairs(quiz.scenarios);
  return bestRatioOver(scored, rules && ((value) => selectBest(scored, value, rules, pairs)));
}

/**
 * Every blind strategy against a quiz in every locale, with its best score. Where the quiz draws
 * a set per attempt, a strategy's score is its best draw: the worst case the rules allow.
 */
export function blindResults(quiz: QuizFile, standard: Record<Locale, Record<string, string>>): BlindResult[] {
  const played = new Map<string, number>();
  const play = (scenario: Scenario, blind: BlindStrategy, locale: Locale) => {
    const key = `${scenario.id}\u0000${locale}\u0000${blind.variant(scenario)}`;
    if (!played.has(key)) played.set(key, playBlind(scenario, blind, locale, standard[locale]));
    return played.get(key)!;
  };
  return LOCALES.flatMap((locale) =>
    strategiesFor(quiz.scenarios).map((blind) => {
      const scored = quiz.scenarios.map((scenario) => ({ scenario, kind: scenario.kind, earned: play(scenario, blind, locale), max: maxPoints(scenario) }));
      const { earned, max } = bestRatio(scored, quiz);
      return { strategy: blind.name, family: blind.family, locale, percent: percentOf(earned, max), passes: isPass(earned, max, quiz.passPercent) };
    }),
  );
}

/** Where the right option stands in the file's order, over the single-answer scenarios. */
function positionProblems(quiz: QuizFile): QuizProblem[] {
  const single = quiz.scenarios.filter((s) => !allowsSeveral(s) && !leadsOn(s));
  if (single.length < 4) return [];
  const positions = single.map((s) => optionsAt(s, startOf(s)).findIndex((o) => correctAt(s, undefined).includes(o.id)));
  const counts = new Map<number, number>();
  for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
  const [position, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (count * 2 <= single.length) return [];
  return [{ key: `position: the correct option is at ${String.fromCharCode(65 + position)} in ${count} of ${single.length} single-answer scenarios`, detail: '' }];
}

export interface LessonReaderBound {
  earned: number;
  max: number;
  percent: number;
  passes: boolean;
}

/**
 * Per scenario, what a learner who knows every lesson but does not read the situations can earn at
 * most: full points on every scenario that is not a twin (an upper bound), and on a twin pair the
 * most one common answer earns on both (counted on the first twin, none on the second).
 */
export function lessonReaderScores(scenarios: readonly Scenario[]): { scenario: Scenario; kind: Scenario['kind']; earned: number; max: number }[] {
  const scored = scenarios.map((scenario) => ({ scenario, kind: scenario.kind, earned: maxPoints(scenario), max: maxPoints(scenario) }));
  for (const [a, b] of twinPairs(scenarios)) {
    scored[a]!.earned = commonAnswerPoints(scenarios[a]!, scenarios[b]!);
    scored[b]!.earned = 0;
  }
  return scored;
}

/** The lesson reader's share of points on the best draw the quiz's rules allow (the whole pool when it does not draw). */
export function lessonReaderBound(quiz: QuizFile): LessonReaderBound {
  const { earned, max } = bestRatio(lessonReaderScores(quiz.scenarios), quiz);
  return { earned, max, percent: percentOf(earned, max), passes: isPass(earned, max, quiz.passPercent) };
}

/** Everything that makes a quiz guessable: blind strategies that pass, position patterns, item-writing faults, twins a lesson reader or a gambler gets past. */
export function guessabilityProblems(quiz: QuizFile, standard: Record<Locale, Record<string, string>>): QuizProblem[] {
  // One problem per family and locale, naming its best member.
  const results = blindResults(quiz, standard);
  // A preference counts only where it beats the base strategy it falls back on.
  const bases = new Map(results.filter((b) => b.strategy === b.family).map((b) => [`${b.locale} ${b.strategy}`, b.percent]));
  const base = (r: BlindResult) => [...bases].find(([key]) => key.startsWith(`${r.locale} `) && r.family.endsWith(key.slice(r.locale.length + 1)))?.[1] ?? 0;
  const worst = new Map<string, BlindResult>();
  for (const r of results.filter((r) => r.passes && (r.strategy === r.family || r.percent > base(r)))) {
    const key = `${r.locale}: ${r.family}`;
    if (!worst.has(key) || r.percent > worst.get(key)!.percent) worst.set(key, r);
  }
  // The score is part of the key: a listed quiz that gets more guessable fails the build again.
  const blind = [...worst.values()].map((r) => ({
    key: `blind strategy passes (${r.locale}, ${r.percent} %): ${r.family}`,
    detail: `${r.strategy}; the pass mark is ${quiz.passPercent} %`,
  }));
  const writing = quiz.scenarios.flatMap(writingProblemsOf).map((key) => ({ key, detail: '' }));
  const reader = lessonReaderBound(quiz);
  const lessonReader = reader.passes
    ? [{ key: `lesson-reader: ${reader.percent} % on the best draw`, detail: `a learner who knows the lessons but ignores the situations, full points on every item but twins; the pass mark is ${quiz.passPercent} %: mark twin pairs (\`twin:\`) and draw more of them (\`draw.atLeast.twins\`)` }]
    : [];
  const unmarked = unmarkedTwinProblems(quiz.scenarios, standard).map((key) => ({ key, detail: '' }));
  const gambler = gamblerProblem(quiz);
  return [...blind, ...positionProblems(quiz), ...writing, ...unmarked, ...lessonReader, ...(gambler ? [gambler] : [])];
}

/** The best score any blind strategy reaches, for the benchmark. */
export function bestBlind(quiz: QuizFile, standard: Record<Locale, Record<string, string>>): BlindResult {
  return blindResults(quiz, standard).reduce((best, r) => (r.percent > best.percent ? r : best));
}
