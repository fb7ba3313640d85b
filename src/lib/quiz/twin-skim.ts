import { correctAt, optionsAt, startOf } from './scenario';
import { standardOptionLabels, type StandardLabels } from './twin';
import type { Scenario } from './types';
import { optionLabel } from './view';

/**
 * The skimmer: a learner who knows a twin pair's two keys and tells the twins apart by mechanical
 * cues in the Latvian situations — which twin says „jau”, which has more negations, which words
 * only one twin has — without understanding which fact decides. Each rule assigns the pair's two
 * keys to its two twins; over a course's pairs a rule that is right far more often than wrong is
 * a tell the writers left in the text. (The rules of a hostile review, kept so the text cannot
 * drift back.)
 */

type Rule = (self: Scenario, other: Scenario, key: ReadonlySet<string>) => number;

const LETTER = 'a-zāčēģīķļņšūž0-9';
const words = (t: string): string[] => t.toLowerCase().match(new RegExp(`[${LETTER}]+`, 'g')) ?? [];
const STOP = new Set('un vai bet kas par uz no ar ka to tā ir arī jau vēl nav kā lai pie līdz pēc tad'.split(' '));
const stems = (t: string): string[] => words(t).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 5));
const count = (t: string, re: RegExp): number => t.toLowerCase().match(re)?.length ?? 0;
// Word edges spelt out: JavaScript's \b does not count Latvian letters as word characters.
const NEG = new RegExp(`(?<![${LETTER}])(nav|neb|ne)(?![${LETTER}])|(?<![${LETTER}])ne[a-zāčēģīķļņšūž]{3,}`, 'g');
const JAU = new RegExp(`(?<![${LETTER}])jau(?![${LETTER}])`, 'g');
const PUBLISHED = /jau (ir )?(publicē|publisk|paziņo|oficiāl)|publicēj(a|usi|is)|publiskoj|paziņoj(a|usi)|mājaslap|preses relīz/g;
const NOT_YET = /vēl nav|nav (vēl )?(publi|paziņ|apstiprin)|vēl tikai|projekt|iekšēj|konfidenc|līdz .{0,30}(publicē|paziņo)/g;
const PERSONAL = /privāt|personīg|savā|draug|brīvdien|vakar/g;
const INSTITUTIONAL = /iestādes|oficiāl|darba|amat/g;

const word = (w: string) => new RegExp(`(?<![${LETTER}])(${w})(?![${LETTER}])`, 'g');
const TIKAI = word('tikai');
const FUTURE = word(`būs|rīt|vēlāk|nākam[${LETTER}]*|plāno[${LETTER}]*|plānots|[${LETTER}]{3,}(šu|sim|siet|šot)`);
const PEC = word('pēc');
const PENDING = word(`tikai|vēl|būs|rīt|vēlāk|nākam[${LETTER}]*|plāno[${LETTER}]*|gaid[${LETTER}]*|pēc|līdz`);
const DATES = new RegExp(
  `\\d{1,2}[.:]\\d\\d|\\d+\\.? ?(datum|janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)|(pirm|otr|treš|ceturt|piekt|sest|svēt|šo)dien|(?<![${LETTER}])(rīt|vakar)(?![${LETTER}])|nedēļ|stund|minūt`,
  'g',
);
// How cautious a key is, as a lesson reader ranks labels: withhold, then ask or take it offline,
// and labels that refuse, wait or consult; sharing and the official account are the permissive end.
const CAUTIOUS_LABEL = new RegExp(`(?<![${LETTER}])ne[${LETTER}]{2,}|vispirms|saskaņo|noskaidro|nodot|pārrunā|gaidī|privāt|e-pastā|tālruni`, 'g');
const CAUTION_OF_ID: Record<string, number> = { withhold: 2, ask: 1, offline: 1, share: -2, official: -1 };

const situation = (s: Scenario): string => s.situation.lv;

/** The words of one twin's situation that a word-by-word diff does not match in the other's. */
function differingPart(s: Scenario, t: Scenario): string {
  const a = words(situation(s));
  const b = words(situation(t));
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length; ) {
    if (j < b.length && a[i] === b[j]) (i++, j++);
    else if (j < b.length && lcs[i]![j + 1]! >= lcs[i + 1]![j]!) j++;
    else out.push(a[i++]!);
  }
  return out.join(' ');
}
const keyOf = (s: Scenario): Set<string> => new Set(correctAt(s, startOf(s)));

function keyLabel(s: Scenario, key: ReadonlySet<string>, standard: StandardLabels): string {
  return optionsAt(s, startOf(s))
    .filter((o) => key.has(o.id))
    .map((o) => optionLabel(o, 'lv', standard.lv))
    .join(' ');
}

function rules(standard: StandardLabels): Record<string, Rule> {
  const label = (s: Scenario, k: ReadonlySet<string>) => keyLabel(s, k, standard);
  const only = (s: Scenario, t: Scenario) => {
    const other = new Set(stems(situation(t)));
    return new Set(stems(situation(s)).filter((w) => !other.has(w)));
  };
  const overlap = (a: Set<string>, text: string) => stems(text).filter((w, i, all) => a.has(w) && all.indexOf(w) === i).length;
  const has = (k: ReadonlySet<string>, pred: (id: string) => boolean) => [...k].some(pred);
  const caution = (s: Scenario, k: ReadonlySet<string>) => count(label(s, k), CAUTIOUS_LABEL) + [...k].reduce((n, id) => n + (CAUTION_OF_ID[id] ?? 0), 0);
  // A cue of the situation (or of the part where the twins differ) sends the more cautious key to
  // the twin that has more of it, and the reverse rule sends the more permissive key.
  const cues: Record<string, (s: Scenario, t: Scenario) => number> = {
    '„tikai”': (s) => count(situation(s), TIKAI),
    'future-time words': (s) => count(situation(s), FUTURE),
    '„pēc”': (s) => count(situation(s), PEC),
    'pending words (tikai, vēl, būs, rīt, pēc, līdz…)': (s) => count(situation(s), PENDING),
    'dates and times': (s) => count(situation(s), DATES),
    'pending words where the twins differ': (s, t) => count(differingPart(s, t), PENDING),
    'negations where the twins differ': (s, t) => count(differingPart(s, t), NEG),
    '„jau” where the twins differ': (s, t) => count(differingPart(s, t), JAU),
    'length of the part where the twins differ': (s, t) => differingPart(s, t).length,
  };
  const cueRules = Object.entries(cues).flatMap(([name, cue]): [string, Rule][] => [
    [`more ${name} → more cautious key`, (s, t, k) => cue(s, t) * caution(s, k)],
    [`more ${name} → more permissive key`, (s, t, k) => -cue(s, t) * caution(s, k)],
  ]);
  return {
    ...Object.fromEntries(cueRules),
    'longer twin → longer key label': (s, _t, k) => situation(s).length * label(s, k).length,
    'longer twin → shorter key label': (s, _t, k) => -situation(s).length * label(s, k).length,
    'more words → more-words label': (s, _t, k) => words(situation(s)).length * words(label(s, k)).length,
    'more words → fewer-words label': (s, _t, k) => -words(situation(s)).length * words(label(s, k)).length,
    'more negations → more-negated label': (s, _t, k) => count(situation(s), NEG) * count(label(s, k), NEG),
    'more negations → less-negated label': (s, _t, k) => -count(situation(s), NEG) * count(label(s, k), NEG),
    '„jau” → less-negated label': (s, _t, k) => -count(situation(s), JAU) * count(label(s, k), NEG),
    '„jau” → more-negated label': (s, _t, k) => count(situation(s), JAU) * count(label(s, k), NEG),
    'words of one twin only echo its key': (s, t, k) => overlap(only(s, t), label(s, k)),
    'published cue → share, not-yet cue → withhold': (s, _t, k) =>
      (count(situation(s), PUBLISHED) - count(situation(s), NOT_YET)) * ((has(k, (id) => id === 'share') ? 1 : 0) - (has(k, (id) => id === 'withhold' || id === 'ask') ? 1 : 0)),
    'not-yet cue → share (the reverse)': (s, _t, k) =>
      -(count(situation(s), PUBLISHED) - count(situation(s), NOT_YET)) * ((has(k, (id) => id === 'share') ? 1 : 0) - (has(k, (id) => id === 'withhold' || id === 'ask') ? 1 : 0)),
    'personal cue → personal, institution cue → official': (s, _t, k) =>
      (count(situation(s), PERSONAL) - count(situation(s), INSTITUTIONAL)) * ((has(k, (id) => id.startsWith('personal') || id === 'offline') ? 1 : 0) - (has(k, (id) => id === 'official') ? 1 : 0)),
  };
}

export interface SkimFigure {
  rule: string;
  right: number;
  wrong: number;
  abstain: number;
  /** The share of pairs the rule gets right, tossing a coin where it abstains. */
  rate: number;
}

/** One rule's verdict on each pair: 1 it gives the twins their keys, -1 it swaps them, 0 it cannot tell, undefined the twins share one key. */
export interface SkimOutcomes {
  rule: string;
  outcomes: (1 | -1 | 0 | undefined)[];
}

/** What each mechanical rule does with each of the pairs given. */
export function skimOutcomes(pairs: ReadonlyArray<readonly [Scenario, Scenario]>, standard: StandardLabels = standardOptionLabels()): SkimOutcomes[] {
  return Object.entries(rules(standard)).map(([rule, score]) => ({
    rule,
    outcomes: pairs.map(([a, b]) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka.size === kb.size && [...ka].every((id) => kb.has(id))) return undefined;
      const truth = score(a, b, ka) + score(b, a, kb);
      const swapped = score(a, b, kb) + score(b, a, ka);
      return truth > swapped ? 1 : truth < swapped ? -1 : 0;
    }),
  }));
}

/** How each mechanical rule fares on the pairs given (pairs whose twins share one key are left out). */
export function skimFigures(pairs: ReadonlyArray<readonly [Scenario, Scenario]>, standard: StandardLabels = standardOptionLabels()): SkimFigure[] {
  return skimOutcomes(pairs, standard).map(({ rule, outcomes }) => {
    const right = outcomes.filter((o) => o === 1).length;
    const wrong = outcomes.filter((o) => o === -1).length;
    const abstain = outcomes.filter((o) => o === 0).length;
    const n = right + wrong + abstain;
    return { rule, right, wrong, abstain, rate: n ? (right + abstain / 2) / n : 0.5 };
  });
}
