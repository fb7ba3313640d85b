import { correctAt, optionsAt, startOf } from './scenario';
import { standardOptionLabels, type StandardLabels } from './twin';
import type { Scenario } from './types';
import { optionLabel } from './view';

/**
 * The skimmer: a learner who knows a twin pair's two keys and tells the twins apart by mechanical
 * cues in the situations (Latvian and English alike) — which twin says „jau” / “already”, which has more negations, which words
 * only one twin has — without understanding which fact decides. Each rule assigns the pair's two
 * keys to its two twins; over a course's pairs a rule that is right far more often than wrong is
 * a tell the writers left in the text. (The rules of a hostile review, kept so the text cannot
 * drift back.)
 */

type Rule = (self: Scenario, other: Scenario, key: ReadonlySet<string>) => number;
type Locale = 'lv' | 'en';

/** The cues of one locale's text: the same rules read the Latvian and the English situations (a learner may take the final test in either). */
interface Cues {
  letter: string;
  stop: ReadonlySet<string>;
  neg: RegExp;
  already: RegExp;
  published: RegExp;
  notYet: RegExp;
  personal: RegExp;
  institutional: RegExp;
  only: RegExp;
  future: RegExp;
  after: RegExp;
  pending: RegExp;
  dates: RegExp;
  /** Time words that put an event in the past (yesterday, this morning, last week…): a hostile reader found them only in permissive twins. */
  past: RegExp;
  /** Someone does not know, is not sure, overheard it: a hostile reader found them only in twins whose key is to ask first. */
  unsure: RegExp;
  /** Own, himself, free time: a hostile reader found them only in twins whose key is a personal profile. */
  own: RegExp;
  cautiousLabel: RegExp;
  /** A key label that says to find out or ask first. */
  askLabel: RegExp;
  /** A key label that names a personal profile. */
  personalLabel: RegExp;
}

// Word edges spelt out: JavaScript's \b does not count Latvian letters as word characters.
const edged = (letter: string, w: string) => new RegExp(`(?<![${letter}])(${w})(?![${letter}])`, 'g');
const LV = 'a-zāčēģīķļņšūž0-9';
const EN = "a-z0-9'’";
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const CUES: Record<Locale, Cues> = {
  lv: {
    letter: LV,
    stop: new Set('un vai bet kas par uz no ar ka to tā ir arī jau vēl nav kā lai pie līdz pēc tad'.split(' ')),
    neg: new RegExp(`(?<![${LV}])(nav|neb|ne)(?![${LV}])|(?<![${LV}])ne(?!dēļ)[a-zāčēģīķļņšūž]{3,}`, 'g'),
    already: edged(LV, 'jau'),
    published: /jau (ir )?(publicē|publisk|paziņo|oficiāl)|publicēj(a|usi|is)|publiskoj|paziņoj(a|usi)|mājaslap|preses relīz/g,
    notYet: /vēl nav|nav (vēl )?(publi|paziņ|apstiprin)|vēl tikai|projekt|iekšēj|konfidenc|līdz .{0,30}(publicē|paziņo)/g,
    personal: /privāt|personīg|savā|draug|brīvdien|vakar/g,
    institutional: /iestādes|oficiāl|darba|amat/g,
    only: edged(LV, 'tikai'),
    // The third person's future too (publicēs, izskatīs, pieņems, ievietos, sāksies): -ēs/-īs of any
    // verb (a few locatives such as „iestādēs” come along), the -os/-ems/-ks verbs by name (most
    // words in -os are locatives: „medijos”, „kontos”).
    future: edged(
      LV,
      `būs|rīt|vēlāk|nākam[${LV}]*|plāno[${LV}]*|plānots|[${LV}]{3,}(šu|sim|siet|šot|šos|ēs|īs)|[${LV}]{2,}(?<!u)sies|(ne)?(ie|iz|pa|ap|sa|no|pie|at|uz|pār)?(vietos|rīkos|ziņos|vienos|gatavos|ņems|sāks|teiks|liks|dos|sniegs|nāks)`,
    ),
    after: edged(LV, 'pēc'),
    pending: edged(LV, `tikai|vēl|būs|rīt|vēlāk|nākam[${LV}]*|plāno[${LV}]*|gaid[${LV}]*|pēc|līdz`),
    dates: new RegExp(
      `\\d{1,2}[.:]\\d\\d|\\d+\\.? ?(datum|janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)|(pirm|otr|treš|ceturt|piekt|sest|svēt|šo)dien|(?<![${LV}])(rīt|vakar)(?![${LV}])|nedēļ|stund|minūt`,
      'g',
    ),
    past: edged(LV, `vakar|aizvakar|šorīt|pagājuš[${LV}]*|agrāk|iepriekš[${LV}]*|kopš|no rīta`),
    unsure: new RegExp(`nezin[${LV}]*|nav (pārliecināt|drošs|droša|skaidrs)|neskaidr|dzirdēj|baum|šaub|gaitenī`, 'g'),
    own: edged(LV, `pats|pati|paša|pašas|pašu|savā|savu|sava|savas|savos|brīvaj[${LV}]*|brīvā|privāt[${LV}]*`),
    cautiousLabel: new RegExp(`(?<![${LV}])ne[${LV}]{2,}|vispirms|saskaņo|noskaidro|nodot|pārrunā|gaidī|privāt|e-pastā|tālruni`, 'g'),
    askLabel: /noskaidro|pārrunā|vispirms|jautā|pārbaud/g,
    personalLabel: /personīg|savā profil|sava profil|privātperson/g,
  },
  en: {
    letter: EN,
    stop: new Set('and or but that the a an of to in on for with is it as at by from this be are was were has have had not no already yet still until after only will'.split(' ')),
    neg: edged(EN, `not|no|never|nothing|none|nor|neither|without|[${EN}]+n[’']t|cannot`),
    already: edged(EN, 'already'),
    published: /already (been )?(published|public|announced|posted|official)|published|announced|made public|website|press release/g,
    notYet: /not (yet|been)|yet to|not (published|announced|approved)|draft|internal|confidential|until .{0,30}(publish|announce)/g,
    personal: /private|personal|friend|weekend|yesterday|evening/g,
    institutional: /institution|official|work|duty|office/g,
    only: edged(EN, 'only'),
    future: edged(EN, `will|tomorrow|later|next|plan[${EN}]*|going to|[${EN}]+’ll|[${EN}]+'ll`),
    after: edged(EN, 'after'),
    pending: edged(EN, `only|still|yet|will|tomorrow|later|next|plan[${EN}]*|wait[${EN}]*|after|until|pending`),
    dates: new RegExp(
      `\\d{1,2}[.:]\\d\\d|\\d+(st|nd|rd|th)? ?(${MONTHS_EN})|(${MONTHS_EN}) \\d|(mon|tues|wednes|thurs|fri|satur|sun|to)day|tomorrow|yesterday|week|hour|minute`,
      'g',
    ),
    past: edged(EN, `yesterday|this morning|last (week|month|year|night|${'mon|tues|wednes|thurs|fri|satur|sun'}day)|earlier|ago|previously|since (today|this morning)`),
    unsure: edged(EN, `(does|do|did) not know|(doesn|don|didn)[’']t know|not sure|unsure|unclear|overheard|heard|rumou?rs?|corridor`),
    own: edged(EN, `own|himself|herself|themselves|free time|private|privately`),
    cautiousLabel: new RegExp(`(?<![${EN}])(not|don[’']t|do not)(?![${EN}])|first|agree|check|find out|pass (it )?on|discuss|wait|private|e-mail|phone`, 'g'),
    askLabel: /find out|check|(?<![a-z])ask|first/g,
    personalLabel: /personal|own profile|private person/g,
  },
};
const CAUTION_OF_ID: Record<string, number> = { withhold: 2, ask: 1, offline: 1, share: -2, official: -1 };
const PERSONAL_OF_ID: Record<string, number> = { 'personal-named': 1, 'personal-private': 2, official: -1 };

const count = (t: string, re: RegExp): number => t.toLowerCase().match(re)?.length ?? 0;

const keyOf = (s: Scenario): Set<string> => new Set(correctAt(s, startOf(s)));

function keyLabel(s: Scenario, key: ReadonlySet<string>, standard: StandardLabels, locale: Locale): string {
  return optionsAt(s, startOf(s))
    .filter((o) => key.has(o.id))
    .map((o) => optionLabel(o, locale, standard[locale]))
    .join(' ');
}

function rules(standard: StandardLabels, locale: Locale): Record<string, Rule> {
  const c = CUES[locale];
  const words = (t: string): string[] => t.toLowerCase().match(new RegExp(`[${c.letter}]+`, 'g')) ?? [];
  const stems = (t: string): string[] => words(t).filter((w) => w.length > 2 && !c.stop.has(w)).map((w) => w.slice(0, 5));
  const situation = (s: Scenario): string => s.situation[locale];
  /** The words of one twin's situation that a word-by-word diff does not match in the other's. */
  const differingPart = (s: Scenario, t: Scenario): string => {
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
  };
  const label = (s: Scenario, k: ReadonlySet<string>) => keyLabel(s, k, standard, locale);
  const only = (s: Scenario, t: Scenario) => {
    const other = new Set(stems(situation(t)));
    return new Set(stems(situation(s)).filter((w) => !other.has(w)));
  };
  const overlap = (a: Set<string>, text: string) => stems(text).filter((w, i, all) => a.has(w) && all.indexOf(w) === i).length;
  const has = (k: ReadonlySet<string>, pred: (id: string) => boolean) => [...k].some(pred);
  const askness = (s: Scenario, k: ReadonlySet<string>) => (k.has('ask') ? 2 : 0) + count(label(s, k), c.askLabel);
  const personalness = (s: Scenario, k: ReadonlySet<string>) =>
    [...k].reduce((n, id) => n + (PERSONAL_OF_ID[id] ?? 0), 0) + count(label(s, k), c.personalLabel);
  const caution = (s: Scenario, k: ReadonlySet<string>) => count(label(s, k), c.cautiousLabel) + [...k].reduce((n, id) => n + (CAUTION_OF_ID[id] ?? 0), 0);
  // A cue of the situation (or of the part where the twins differ) sends the more cautious key to
  // the twin that has more of it, and the reverse rule sends the more permissive key.
  const cues: Record<string, (s: Scenario, t: Scenario) => number> = {
    [locale === 'lv' ? '„tikai”' : '“only”']: (s) => count(situation(s), c.only),
    'future-time words': (s) => count(situation(s), c.future),
    [locale === 'lv' ? '„pēc”' : '“after”']: (s) => count(situation(s), c.after),
    [locale === 'lv' ? 'pending words (tikai, vēl, būs, rīt, pēc, līdz…)' : 'pending words (only, still, yet, will, tomorrow, after, until…)']: (s) => count(situation(s), c.pending),
    'dates and times': (s) => count(situation(s), c.dates),
    [locale === 'lv' ? 'past-time words (vakar, šorīt, pagājušajā nedēļā, iepriekš…)' : 'past-time words (yesterday, this morning, last week, earlier…)']: (s) => count(situation(s), c.past),
    'negations and pending words together': (s) => count(situation(s), c.neg) + count(situation(s), c.pending),
    'pending words where the twins differ': (s, t) => count(differingPart(s, t), c.pending),
    'negations where the twins differ': (s, t) => count(differingPart(s, t), c.neg),
    [`${locale === 'lv' ? '„jau”' : '“already”'} where the twins differ`]: (s, t) => count(differingPart(s, t), c.already),
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
    'more negations → more-negated label': (s, _t, k) => count(situation(s), c.neg) * count(label(s, k), c.neg),
    'more negations → less-negated label': (s, _t, k) => -count(situation(s), c.neg) * count(label(s, k), c.neg),
    [`${locale === 'lv' ? '„jau”' : '“already”'} → less-negated label`]: (s, _t, k) => -count(situation(s), c.already) * count(label(s, k), c.neg),
    [`${locale === 'lv' ? '„jau”' : '“already”'} → more-negated label`]: (s, _t, k) => count(situation(s), c.already) * count(label(s, k), c.neg),
    'words of one twin only echo its key': (s, t, k) => overlap(only(s, t), label(s, k)),
    'published cue → share, not-yet cue → withhold': (s, _t, k) =>
      (count(situation(s), c.published) - count(situation(s), c.notYet)) * ((has(k, (id) => id === 'share') ? 1 : 0) - (has(k, (id) => id === 'withhold' || id === 'ask') ? 1 : 0)),
    'not-yet cue → share (the reverse)': (s, _t, k) =>
      -(count(situation(s), c.published) - count(situation(s), c.notYet)) * ((has(k, (id) => id === 'share') ? 1 : 0) - (has(k, (id) => id === 'withhold' || id === 'ask') ? 1 : 0)),
    'uncertainty words (does not know, not sure, overheard) → ask-first key': (s, _t, k) => count(situation(s), c.unsure) * askness(s, k),
    'uncertainty words → a key that does not ask (the reverse)': (s, _t, k) => -count(situation(s), c.unsure) * askness(s, k),
    'own / himself / free-time words → personal-profile key': (s, _t, k) => count(situation(s), c.own) * personalness(s, k),
    'own / himself / free-time words → not the personal profile (the reverse)': (s, _t, k) => -count(situation(s), c.own) * personalness(s, k),
    'personal cue → personal, institution cue → official': (s, _t, k) =>
      (count(situation(s), c.personal) - count(situation(s), c.institutional)) * ((has(k, (id) => id.startsWith('personal') || id === 'offline') ? 1 : 0) - (has(k, (id) => id === 'official') ? 1 : 0)),
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
export function skimOutcomes(pairs: ReadonlyArray<readonly [Scenario, Scenario]>, locale: Locale = 'lv', standard: StandardLabels = standardOptionLabels()): SkimOutcomes[] {
  return Object.entries(rules(standard, locale)).map(([rule, score]) => ({
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
export function skimFigures(pairs: ReadonlyArray<readonly [Scenario, Scenario]>, locale: Locale = 'lv', standard: StandardLabels = standardOptionLabels()): SkimFigure[] {
  return skimOutcomes(pairs, locale, standard).map(({ rule, outcomes }) => {
    const right = outcomes.filter((o) => o === 1).length;
    const wrong = outcomes.filter((o) => o === -1).length;
    const abstain = outcomes.filter((o) => o === 0).length;
    const n = right + wrong + abstain;
    return { rule, right, wrong, abstain, rate: n ? (right + abstain / 2) / n : 0.5 };
  });
}
