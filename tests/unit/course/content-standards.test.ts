import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/lib/i18n/locales';
import { correctAt, everyOption, leadsOn, optionsAt, stepsOf } from '../../../src/lib/quiz/scenario';
import type { Quiz } from '../../../src/lib/quiz/types';
import { modules, quizzes } from './content';
import { SEED_TITLES } from '../../../src/lib/course/seed-titles';
import { lv as lvStrings } from '../../../src/lib/i18n/strings/lv';
import { finalTestStrings } from '../../../src/lib/i18n/strings/final-test';

/** Every string of one locale in a quiz, except source quotes (verbatim seed text, kept as it is). */
function quizTexts(quiz: Quiz, locale: Locale): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v));
    if (!value || typeof value !== 'object' || key === 'quote') return;
    const record = value as Record<string, unknown>;
    if (typeof record.lv === 'string' && typeof record.en === 'string') return void out.push(record[locale] as string);
    for (const [k, v] of Object.entries(record)) walk(v, k);
  };
  walk(quiz.scenarios);
  return out;
}

/** The Latvian lesson's own text: body and frontmatter strings, with seed quotations taken out. */
function lessonTexts(id: string): string[] {
  const m = modules.find((x) => x.locale === 'lv' && x.id === id)!;
  const quiz = quizzes.find((q) => q.moduleId === id)!;
  const quotes = [...m.data.sources.map((s) => s.quote), ...quiz.scenarios.flatMap((s) => everyOption(s).map(({ option }) => option.source.quote.lv))]
    .filter((q) => q.length > 20)
    .sort((a, b) => b.length - a.length);
  const unquote = (text: string) => quotes.reduce((t, q) => t.split(q).join(' '), text);
  const { sources: _sources, ...rest } = m.data;
  return [unquote(m.body), ...JSON.stringify(rest).match(/"(?:[^"\\]|\\.)*"/g)!.map((s) => unquote(JSON.parse(s) as string))];
}

const latvianTexts = (id: string) => [...lessonTexts(id), ...quizTexts(quizzes.find((q) => q.moduleId === id)!, 'lv')];

/** Second-person singular pronouns and possessives. */
const TU_FORMS = /(?<!\p{L})(tu|tev|tevi|tevis|tevī|tavs|tava|tavā|tavu|tavi|tavas|tavos|tavās|tavām|taviem|tavējais|tavējā)(?!\p{L})/iu;
/**
 * A sentence opening with a second-person singular reflexive verb (Sazinies…, Atceries…, Šaubies?),
 * not an infinitive (-ties) or a future (-sies). Only at a sentence's start: inside a sentence the
 * same ending is a past participle („iesnaudies”, „aizkavējies”), and „paldies” is no verb.
 */
const TU_REFLEXIVE = /(?:^|[.!?:]\s+|[„(]\s*)(?!paldies)(\p{L}+(?<![ts])ies)(?!\p{L})/iu;
/** Common second-person singular imperatives, as the first word of a key point or objective sentence. */
const TU_IMPERATIVES = new Set(
  'pārbaudi atceries izvēlies padomā domā jautā pajautā raksti uzraksti lieto izmanto neizmanto publicē nepublicē atbildi neatbildi ievēro sazinies vērsies konsultējies saglabā norādi dalies nedalies rīkojies esi neesi apsver izvērtē plāno reaģē uzraugi seko nosauc ziņo iesaisties pievērs ņem dari nedari skaties uzmanies nosaki sāc turpini paskaidro izskaidro noskaidro meklē sagatavo pārliecinies atsaucies pastāsti runā nerunā informē kopīgo nekopīgo dzēs nedzēs slēp neslēp mēģini sargā atzīsti labo izlabo'.split(' '),
);


/** The content standards of the rewrite (issue 11), per module. */
describe.each(quizzes.map((q) => [q.moduleId, q] as const))('module %s (content standards)', (id, quiz) => {

  it('addresses the reader as jūs everywhere in Latvian: no tu, tev, tavs, no singular imperatives', () => {
    for (const text of latvianTexts(id)) {
      expect(text.match(TU_FORMS)?.[0], text).toBeUndefined();
      expect(text.match(TU_REFLEXIVE)?.[1], text).toBeUndefined();
    }
    const m = modules.find((x) => x.locale === 'lv' && x.id === id)!;
    for (const line of [...m.data.keyPoints, ...m.data.objectives])
      for (const sentence of line.split(/(?<=[.!?])\s+/)) {
        const first = sentence.match(/\p{L}+/u)?.[0]?.toLowerCase() ?? '';
        expect(TU_IMPERATIVES.has(first), `${sentence} (starts with a singular imperative)`).toBe(false);
      }
  });

  it('uses Latvian quotation marks „…” in Latvian text, never straight or English ones', () => {
    for (const text of latvianTexts(id).map((t) => t.replace(/`[^`]*`/g, ''))) {
      expect(text, text).not.toMatch(/["“«»]/);
      expect((text.match(/„/g) ?? []).length, text).toBe((text.match(/”/g) ?? []).length);
    }
  });

  it('is a pool of at least 12 scenarios, each attempt drawing 8 with an account, a disclosure and a branching scenario', () => {
    expect(quiz.scenarios.length).toBeGreaterThanOrEqual(12);
    expect(quiz.draw?.count).toBe(8);
    for (const kind of ['account', 'disclosure', 'branching'] as const) expect(quiz.draw?.atLeast?.[kind] ?? 0, kind).toBeGreaterThanOrEqual(1);
  });

  it('ends every story with the better move, for a learner who did not reach the best ending', () => {
    for (const s of quiz.scenarios.filter(leadsOn)) {
      const better = 'betterMove' in s ? s.betterMove : undefined;
      for (const locale of LOCALES) expect(better?.[locale]?.trim().length ?? 0, `${s.id} › betterMove › ${locale}`).toBeGreaterThan(40);
    }
  });

  it('has no "all of the above" option', () => {
    for (const locale of LOCALES)
      for (const text of quizTexts(quiz, locale)) expect(text, text).not.toMatch(/all of the above|visi iepriekš minētie|visas iepriekš minētās|viss iepriekš minētais/i);
  });
});

/** Characters of an option as the learner reads it (fixed options without a label use standard ones: not counted). */
const length = (o: ReturnType<typeof optionsAt>[number], locale: Locale) => ('label' in o && o.label ? o.label[locale].length : undefined);

describe('item writing over the quizzes: the right option is not the long one', () => {
  for (const locale of LOCALES) {
    it(`in ${locale}, the right option is on average no longer than the others (ratio ≤ 1.10) and the strictly longest in at most a third of the questions`, () => {
      const ratios: number[] = [];
      let longest = 0;
      for (const quiz of quizzes)
        for (const s of quiz.scenarios)
          for (const step of stepsOf(s)) {
            const options = optionsAt(s, step);
            const lengths = options.map((o) => length(o, locale));
            if (lengths.some((l) => l === undefined) || options.length < 3) continue;
            const right = new Set(leadsOn(s) ? options.filter((o) => 'mistake' in o && !o.mistake).map((o) => o.id) : correctAt(s, step));
            if (!right.size || right.size === options.length) continue;
            const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
            const rightLengths = options.filter((o) => right.has(o.id)).map((o) => length(o, locale)!);
            const wrongLengths = options.filter((o) => !right.has(o.id)).map((o) => length(o, locale)!);
            ratios.push(mean(rightLengths) / mean(wrongLengths));
            if (Math.max(...rightLengths) > Math.max(...wrongLengths)) longest++;
          }
      if (!ratios.length) return;
      const average = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      expect(average).toBeLessThanOrEqual(1.1);
      expect(longest / ratios.length).toBeLessThanOrEqual(1 / 3);
    });
  }
});

describe('the interface\'s Latvian', () => {
  it('quotes with „…” too: seed titles, UI strings and the final test\'s strings', () => {
    const texts = [...Object.values(SEED_TITLES).map((t) => t.lv), ...Object.values(lvStrings).filter((v): v is string => typeof v === 'string'), ...Object.values(finalTestStrings.lv)];
    for (const text of texts) {
      expect(text, text).not.toMatch(/["“«»]/);
      expect((text.match(/„/g) ?? []).length, text).toBe((text.match(/”/g) ?? []).length);
    }
  });
});
