import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { Position } from './position';
import { allowsSeveral, consequenceOf, feedbackOf, leadsOn, optionsAt, questionOf, titleOf, type Feedback, type QuizOption } from './scenario';
import type { AnswerEntry, QuizFile, Scenario } from './types';

export type { FeedbackItem } from './scenario';

/** What the quiz player shows for a question; derived here so the component holds no rules. */
export interface QuestionView {
  scenario: Scenario;
  number: number;
  /** The story so far (always the scenario's situation) and, in later steps, what happens now. */
  situation: string;
  consequence: string | undefined;
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
}

/** An option's label: its own, or the standard label of a fixed option id from the UI strings. */
export function optionLabel(option: QuizOption, locale: Locale, standard: Record<string, string>): string {
  return option.label?.[locale] ?? standard[`option.${option.id}`] ?? option.id;
}

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
 * apart by the words where their situations part (those are the deciding facts): a twin keeps only
 * the words it shares with its pair, as far as the name goes, and `variant` ("{n}. variants",
 * "version {n}") numbers the two in the module's order. Where the two start differently from the
 * first word or two (another institution, another person), the first words stay and the number
 * follows. Other scenarios of one name are told apart as in `distinctTitles`; where two names would
 * still be the same (one situation, two questions), those two keep their question.
 */
export function agendaNames(scenarios: readonly Scenario[], locale: Locale, variant: string, words = 9, shown = 5): string[] {
  const split = scenarios.map((s) => s.situation[locale].trim().split(/\s+/));
  const index = new Map(scenarios.map((s, i) => [s.id, i]));
  const pairOf = scenarios.map((s, i) => {
    const named = twinOf(s);
    const j = named === undefined ? scenarios.findIndex((r) => twinOf(r) === s.id) : (index.get(named) ?? -1);
    return j === i ? -1 : j;
  });
  const twins = scenarios.map((_, i) => pairOf[i]! >= 0 && pairOf[pairOf[i]!] === i);
  const short = apart(scenarios, locale, scenarios.map((s) => firstWords(s.situation[locale], words)), words, shown, twins);
  const full = distinctTitles(scenarios, locale, words, shown);
  const named = short.map((name, i) => (!twins[i] && short.indexOf(name) !== short.lastIndexOf(name) ? full[i]! : name));
  return named.map((name, i) => {
    if (!twins[i]) return name;
    const j = pairOf[i]!;
    let shared = 0;
    while (shared < split[i]!.length && split[i]![shared] === split[j]![shared]) shared++;
    const start = shared >= words || shared < 2 ? name : `${unquote(split[i]!.slice(0, shared).join(' ')).replace(/[,;:.–—-]+$/, '')}…`;
    return `${start} (${format(variant, { n: i < j ? 1 : 2 })})`;
  });
}

const twinOf = (s: Scenario) => ('twin' in s && typeof s.twin === 'string' ? s.twin : undefined);

/** `titles`, each with its own words added where a twin or a namesake starts with the same ones. */
function apart(scenarios: readonly Scenario[], locale: Locale, titles: readonly string[], words: number, shown: number, leave: readonly boolean[] = []): string[] {
  const split = scenarios.map((s) => s.situation[locale].trim().split(/\s+/));
  return scenarios.map((s, i) => {
    if (leave[i]) return titles[i]!;
    const rivals = scenarios.flatMap((r, j) => (j !== i && (twinOf(r) === s.id || twinOf(s) === r.id || titles[j] === titles[i]) ? [j] : []));
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

/** The line that names a scenario in lists (the results review, the planner, the presenter summary). */
export function scenarioTitle(scenario: Scenario, locale: Locale): string {
  return titleOf(scenario)[locale];
}

export function questionAt(quiz: QuizFile, position: Position, locale: Locale, standard: Record<string, string>): QuestionView {
  const scenario = quiz.scenarios[position.scenario]!;
  return {
    scenario,
    number: position.scenario + 1,
    situation: scenario.situation[locale],
    consequence: consequenceOf(scenario, position.step)?.[locale],
    question: questionOf(scenario, position.step)[locale],
    multiple: allowsSeveral(scenario),
    options: optionsAt(scenario, position.step).map((o) => ({ id: o.id, label: optionLabel(o, locale, standard) })),
  };
}

export interface FeedbackView extends Feedback {
  scenario: Scenario;
}

/**
 * Feedback for an answer: the options chosen with why; for a wrong single answer also the right
 * one; where several answers are allowed every option (what to tick and what not); for a story
 * step the choice and, at the end of the path, the ending.
 */
export function feedbackFor(quiz: QuizFile, entry: AnswerEntry, scenarioEntries: readonly AnswerEntry[]): FeedbackView {
  const scenario = quiz.scenarios.find((s) => s.id === entry.scenario)!;
  return { scenario, ...feedbackOf(scenario, entry, scenarioEntries) };
}

/** The scenarios of a finished attempt worth reviewing, each with what was chosen and what was right. */
export function reviewOf(quiz: QuizFile, log: readonly AnswerEntry[], scores: readonly { scenario: string; earned: number; max: number }[]) {
  return scores
    .filter((s) => s.earned < s.max)
    .map((s) => {
      const entries = log.filter((e) => e.scenario === s.scenario);
      const last = entries.at(-1);
      const items = last ? feedbackFor(quiz, last, entries).items.filter((i) => i.correct || i.chosen) : [];
      return { ...s, scenario: quiz.scenarios.find((x) => x.id === s.scenario)!, items };
    });
}
