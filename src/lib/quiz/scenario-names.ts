import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import { withoutPickInstruction } from '../workshop/join-question';
import { twinPairs } from './twin-pairs';
import { leadsOn, questionOf, startOf, titleOf } from './scenario';
import type { Scenario } from './types';

// The names that tell a module's scenarios apart (the workshop planner and its printed agenda, the
// presenter's summary), apart from the quiz player's question views (view.ts): the presenter loads
// them only with its summary, not in its first load (page weight, DESIGN.md's 30 KB budget).

/** The first `words` words of a text, with an ellipsis when there is more. */
export function firstWords(text: string, words: number): string {
  const all = text.trim().split(/\s+/);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ').replace(/[,;:.–—-]+$/, '')}…`;
}

/**
 * A scenario's name where twins (the same question in another situation) must be told apart and a
 * story's whole situation is too long: the situation's first words, then (not for a story) the question.
 */
export function distinctTitle(scenario: Scenario, locale: Locale, words = 9): string {
  const start = firstWords(scenario.situation[locale], words);
  return leadsOn(scenario) ? start : `${start} — ${titleOf(scenario)[locale]}`;
}

/** Quotation marks at a word's edge (an opening one whose closing one is cut off, or the reverse); an apostrophe inside a word stays. */
const unquote = (text: string) => text.replace(/(^|\s)[„“"'‘«]+/g, '$1').replace(/[”“"'’»]+(?=\s|$)/g, '');

/**
 * The names of a module's scenarios in a list where twins sit side by side (the workshop planner,
 * the presenter's summary): `distinctTitle`, and where a twin (or a scenario of the same name)
 * starts its situation with the same words as far as the name shows, a few of its own words from
 * where the situations part, so the trainer tells them apart. Derived from the situation only:
 * never the scenario's id, never the answer.
 */
export function distinctTitles(scenarios: readonly Scenario[], locale: Locale, words = 9, shown = 5): string[] {
  return apart(scenarios, locale, scenarios.map((s) => distinctTitle(s, locale, words)), words, shown);
}

/**
 * The shorter names of the printed agenda, one line each: the situation's first words without the
 * question (who, where, what). The agenda is a sheet handed out to the room, so twins are never told
 * apart, neither by the words where their situations part (the deciding facts) nor by first words
 * only one of them has (another institution, another person): both twins get one name (`twinName`)
 * and `variant` ("{n}. variants", "version {n}") numbers the two in the module's order. Other
 * scenarios of one name are told apart as in `distinctTitles`; where two names would still be the
 * same (one situation, two questions), those two keep their question.
 */
export function agendaNames(scenarios: readonly Scenario[], locale: Locale, variant: string, words = 9, shown = 5): string[] {
  const split = scenarios.map((s) => s.situation[locale].trim().split(/\s+/));
  const pairOf = partnersOf(scenarios);
  const twins = scenarios.map((_, i) => pairOf.has(i));
  const short = apart(scenarios, locale, scenarios.map((s) => firstWords(s.situation[locale], words)), words, shown, twins);
  const full = distinctTitles(scenarios, locale, words, shown);
  const named = short.map((name, i) => (!twins[i] && short.indexOf(name) !== short.lastIndexOf(name) ? full[i]! : name));
  return named.map((name, i) => {
    if (!twins[i]) return name;
    const j = pairOf.get(i)!;
    const number = format(variant, { n: i < j ? 1 : 2 });
    const both = twinName([scenarios[i]!, scenarios[j]!], [split[i]!, split[j]!], locale, words);
    return both ? `${both} (${number})` : number;
  });
}

/** Shared opening words that say what a pair is about; fewer („Ministru kabinets…”, "The Ministry of…") say little. */
const SHARED_ENOUGH = 5;

/** How many opening words two word lists share. */
function sharedWords(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared;
}

const cut = (words: readonly string[]) => `${unquote(words.join(' ')).replace(/[,;:.–—-]+$/, '')}…`;

/**
 * One name for both twins, built only from what the two have in common: the opening words their
 * situations share (up to `words`) when there are enough of them, else their question, which twins
 * share, without a multi's "select all" (or the words their questions share, or nothing, and the
 * number alone names them).
 */
function twinName(pair: readonly [Scenario, Scenario], split: readonly [string[], string[]], locale: Locale, words: number): string {
  const shared = sharedWords(...split);
  if (shared >= SHARED_ENOUGH) return cut(split[0].slice(0, Math.min(shared, words)));
  const [a, b] = pair.map((s) => withoutPickInstruction(questionOf(s, startOf(s))[locale]).trim()) as [string, string];
  if (a === b) return a;
  const asked = sharedWords(a.split(/\s+/), b.split(/\s+/));
  return asked >= 2 ? cut(a.split(/\s+/).slice(0, asked)) : '';
}

/** Each twin's index to its pair's (draw.ts's `twinPairs`, the one definition of twins). */
const partnersOf = (scenarios: readonly Scenario[]) => new Map(twinPairs(scenarios).flatMap(([a, b]) => [[a, b], [b, a]] as const));

/** `titles`, each with its own words added where a twin or a namesake starts with the same ones. */
function apart(scenarios: readonly Scenario[], locale: Locale, titles: readonly string[], words: number, shown: number, leave: readonly boolean[] = []): string[] {
  const split = scenarios.map((s) => s.situation[locale].trim().split(/\s+/));
  const pairOf = partnersOf(scenarios);
  return scenarios.map((_, i) => {
    if (leave[i]) return titles[i]!;
    const rivals = scenarios.flatMap((_, j) => (j !== i && (pairOf.get(i) === j || titles[j] === titles[i]) ? [j] : []));
    // Where this situation parts from its closest rival's, in words.
    const parts = Math.max(-1, ...rivals.map((j) => {
      let at = 0;
      while (at < split[i]!.length && split[i]![at] === split[j]![at]) at++;
      return at;
    }));
    if (parts < words || parts >= split[i]!.length) return titles[i]!;
    const own = unquote(split[i]!.slice(parts, parts + shown).join(' ')).replace(/[,;:.–—-]+$/, '');
    return `${titles[i]} (…${own}${parts + shown < split[i]!.length ? '…' : ''})`;
  });
}
