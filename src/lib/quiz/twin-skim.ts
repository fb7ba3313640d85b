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

const situation = (s: Scenario): string => s.situation.lv;
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
  return {
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

/** How each mechanical rule fares on the pairs given (pairs whose twins share one key are left out). */
export function skimFigures(pairs: ReadonlyArray<readonly [Scenario, Scenario]>, standard: StandardLabels = standardOptionLabels()): SkimFigure[] {
  return Object.entries(rules(standard)).map(([rule, score]) => {
    let right = 0;
    let wrong = 0;
    let abstain = 0;
    for (const [a, b] of pairs) {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka.size === kb.size && [...ka].every((id) => kb.has(id))) continue;
      const truth = score(a, b, ka) + score(b, a, kb);
      const swapped = score(a, b, kb) + score(b, a, ka);
      if (truth > swapped) right++;
      else if (truth < swapped) wrong++;
      else abstain++;
    }
    const n = right + wrong + abstain;
    return { rule, right, wrong, abstain, rate: n ? (right + abstain / 2) / n : 0.5 };
  });
}
