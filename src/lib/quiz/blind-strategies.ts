import type { Locale } from '../i18n/locales';
import { allowsSeveral, fixedOptionIds, nextStepOf, optionsAt, scoreScenario, startOf } from './scenario';
import { optionLabel } from './view';
import type { AnswerEntry, Scenario } from './types';

/** An option as a learner who does not read sees it: its text, and where it stands in the list. */
export interface SeenOption {
  id: string;
  label: string;
}

/** A way of answering without understanding: picks from the options of one question. */
export interface BlindStrategy {
  name: string;
  /** Strategies of one family fail a quiz together (one known failure, not one per constant). */
  family: string;
  pick(scenario: Scenario, options: readonly SeenOption[]): string[];
  /** Names what this strategy does in a scenario, so strategies that play it alike are scored once. */
  variant(scenario: Scenario): string;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const byMost = (measure: (o: SeenOption) => number) => (options: readonly SeenOption[]) =>
  options.reduce((best, o) => (measure(o) > measure(best) ? o : best), options[0]!);
const aboveAverage = (measure: (o: SeenOption) => number) => (options: readonly SeenOption[]) => {
  const mean = options.reduce((sum, o) => sum + measure(o), 0) / options.length;
  const above = options.filter((o) => measure(o) > mean);
  return above.length ? above : [byMost(measure)(options)];
};
const half = (options: readonly SeenOption[], from: 'start' | 'end') => {
  const n = Math.ceil(options.length / 2);
  return from === 'start' ? options.slice(0, n) : options.slice(-n);
};

/** One rule for single answers, one for several, applied everywhere. */
function strategy(name: string, one: (o: readonly SeenOption[]) => SeenOption, several: (o: readonly SeenOption[]) => readonly SeenOption[]): BlindStrategy {
  return { name, family: name, variant: () => name, pick: (scenario, options) => (allowsSeveral(scenario) ? several(options) : [one(options)]).map((o) => o.id) };
}

/** The base strategies: length, word count, first and last position (in the file's order). */
export const BASE_STRATEGIES: BlindStrategy[] = [
  strategy('always the longest option (several answers: every option longer than average)', byMost((o) => o.label.length), aboveAverage((o) => o.label.length)),
  strategy('always the option with most words (several answers: more words than average)', byMost((o) => words(o.label)), aboveAverage((o) => words(o.label))),
  strategy('always the first option (several answers: the first half)', (o) => o[0]!, (o) => half(o, 'start')),
  strategy('always the last option (several answers: the last half)', (o) => o.at(-1)!, (o) => half(o, 'end')),
];

/** Whole words (or, with `stems`, word beginnings) of either locale, case-insensitive, letters with diacritics included. */
const wordsOf = (list: string, stems = false) => new RegExp(`(?<!\\p{L})(?:${list})${stems ? '' : '(?!\\p{L})'}`, 'giu');

/**
 * Wording a test-wise learner reads as the mark of a wrong option: a reason tacked on to excuse it,
 * a drastic act, an absolute, insisting. Latvian and English patterns together (they do not collide).
 * A quiz where avoiding such wording passes is guessable, whatever the options' length or place.
 */
export const CUES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a reason tacked on (jo, lai, because, so that, a dash)', pattern: new RegExp(`${wordsOf('jo|lai|tāpēc ka|tādēļ ka|tā kā|citādi|citādāk|because|since|so that|so as to|in order to|otherwise').source}|\\s[–—]\\s`, 'giu') },
  { name: 'a drastic act (delete, hide, block, ignore)', pattern: wordsOf('dzēs|izdzēs|nodzēs|paslēp|slēp|bloķ|nobloķ|parol|noklus|klusē|ignorē|aizliedz|delet|remov|hid|block|password|silen|ignor|ban', true) },
  { name: 'an absolute (only, all, never, at once)', pattern: wordsOf('tikai|vienīgi|viss|visu|visus|visas|visi|visiem|vispār|nekad|vienmēr|nekādā|neviens|nevienu|uzreiz|nekavējoties|pilnībā|only|all|every|everything|everyone|never|always|at once|immediately|entirely|completely|nothing') },
  { name: 'insisting (vēlreiz, tiešām, tomēr, again, really)', pattern: wordsOf('vēlreiz|tiešām|tomēr|šoreiz|atkal|again|really|anyway|this time|still') },
];

const cueCount = (pattern: RegExp) => (o: SeenOption) => o.label.match(pattern)?.length ?? 0;
const allCues = (o: SeenOption) => CUES.reduce((sum, c) => sum + cueCount(c.pattern)(o), 0);

/** Keeps the options with the least of a cue; a single answer then falls back on a base strategy among them. */
function avoiding(cue: string, count: (o: SeenOption) => number, base: BlindStrategy): BlindStrategy {
  const least = (options: readonly SeenOption[]) => {
    const fewest = Math.min(...options.map(count));
    return options.filter((o) => count(o) === fewest);
  };
  const one = (options: readonly SeenOption[]) => (options.length === 1 ? options[0]!.id : undefined);
  return {
    name: `avoid ${cue}, otherwise ${base.name}`,
    family: `avoid ${cue}`,
    variant: () => `avoid ${cue}, otherwise ${base.name}`,
    pick: (scenario, options) => {
      const kept = least(options);
      return allowsSeveral(scenario) ? kept.map((o) => o.id) : [one(kept) ?? base.pick(scenario, kept)[0]!];
    },
  };
}

/** The cue strategies: avoid each cue, and avoid every cue at once, ties broken by each base strategy. */
export const CUE_STRATEGIES: BlindStrategy[] = [
  ...CUES.map((c) => [c.name, cueCount(c.pattern)] as const),
  ['every such wording', allCues] as const,
].flatMap(([name, count]) => BASE_STRATEGIES.map((base) => avoiding(name, count, base)));

/** Every ordered choice of some of the ids (including none): the orders of preference a learner may hold. */
function preferenceOrders(ids: readonly string[]): string[][] {
  const out: string[][] = [[]];
  const grow = (prefix: string[]) => {
    for (const id of ids.filter((i) => !prefix.includes(i))) {
      const next = [...prefix, id];
      out.push(next);
      grow(next);
    }
  };
  grow([]);
  return out;
}

/**
 * Every base strategy, and each combined with an order of preference among the fixed options of
 * the kinds that have them (e.g. "ask first" in disclosure scenarios; "official account, else not
 * on social media" in account scenarios; or no preference for one kind), falling back on the base
 * strategy where none of the preferred options is offered: what a learner who noticed a pattern
 * would do.
 */
export function strategiesFor(scenarios: readonly Scenario[]): BlindStrategy[] {
  const fixedSets = [...new Map(scenarios.flatMap((s) => { const ids = fixedOptionIds(s); return ids ? [[ids.join(','), ids] as const] : []; })).values()];
  if (!fixedSets.length) return [...BASE_STRATEGIES, ...CUE_STRATEGIES];
  // One preference per set of fixed options; the all-empty combination is the base strategy itself.
  const combos = fixedSets
    .reduce<Record<string, string[]>[]>((all, ids) => all.flatMap((c) => preferenceOrders(ids).map((order) => ({ ...c, [ids.join(',')]: order }))), [{}])
    .filter((c) => Object.values(c).some((order) => order.length));
  const describe = (c: Record<string, string[]>) => Object.values(c).filter((o) => o.length).map((o) => `"${o.join('", else "')}"`).join(' / ');
  return [
    ...BASE_STRATEGIES,
    ...CUE_STRATEGIES,
    ...combos.flatMap((preference) => {
      const preferredIn = (scenario: Scenario, offered: readonly string[]) => {
        const ids = fixedOptionIds(scenario);
        return ids ? preference[ids.join(',')]?.find((id) => offered.includes(id)) : undefined;
      };
      return BASE_STRATEGIES.map((base) => ({
        name: `always ${describe(preference)} where offered, otherwise ${base.name}`,
        family: `a fixed preference where the options are fixed, otherwise ${base.name}`,
        pick: (scenario: Scenario, options: readonly SeenOption[]) => {
          const preferred = preferredIn(scenario, options.map((o) => o.id));
          return preferred ? [preferred] : base.pick(scenario, options);
        },
        variant: (scenario: Scenario) => preferredIn(scenario, optionsAt(scenario, startOf(scenario)).map((o) => o.id)) ?? base.name,
      }));
    }),
  ];
}

/** The points a strategy earns on one scenario, following its own choices through every step. */
export function playBlind(scenario: Scenario, blind: BlindStrategy, locale: Locale, standard: Record<string, string>): number {
  const entries: AnswerEntry[] = [];
  let step = startOf(scenario);
  for (let guard = 0; guard < 100; guard++) {
    const options = optionsAt(scenario, step).map((o) => ({ id: o.id, label: optionLabel(o, locale, standard) }));
    const choice = blind.pick(scenario, options);
    entries.push(step === undefined ? { scenario: scenario.id, choice } : { scenario: scenario.id, step, choice });
    step = nextStepOf(scenario, step, choice);
    if (step === undefined) break;
  }
  return scoreScenario(scenario, entries).earned;
}
