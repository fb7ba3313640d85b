import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isQuizFileName } from '../../../src/lib/course/read-sources';
import { twinPairs } from '../../../src/lib/quiz/draw';
import { skimFigures } from '../../../src/lib/quiz/twin-skim';
import type { Scenario } from '../../../src/lib/quiz/types';

// A learner who knows a pair's two keys but tells its twins apart by mechanical cues (which twin
// says „jau”, has more negations, is longer, has words the other lacks) must do no better than a
// coin over the course's pairs: each rule and its reverse within 40–60 %, and no rule that is
// never wrong on four or more pairs. Module quizzes and the final test's bank are counted apart
// (the bank is what certificates rest on).
const root = join(import.meta.dirname, '..', '..', '..');
const pairsOf = (files: string[]) =>
  files.flatMap((file) => {
    const scenarios = (parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;
    return twinPairs(scenarios).map(([a, b]) => [scenarios[a]!, scenarios[b]!] as const);
  });
const groups = {
  'module quizzes': pairsOf(readdirSync(join(root, 'quizzes')).filter(isQuizFileName).map((f) => join(root, 'quizzes', f))),
  'final-test bank': pairsOf(readdirSync(join(root, 'quizzes', 'final-test')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'quizzes', 'final-test', f))),
};

describe('twins cannot be told apart by mechanical cues in the situation', () => {
  for (const [group, pairs] of Object.entries(groups))
    for (const locale of ['lv', 'en'] as const)
    it(`${group} (${pairs.length} pairs), read in ${locale}`, () => {
      expect(pairs.length).toBeGreaterThan(10);
      const tells = skimFigures(pairs, locale)
        .filter((f) => f.rate > 0.6 || (f.right >= 4 && f.wrong === 0))
        .map((f) => `${f.rule}: right ${f.right}, wrong ${f.wrong}, abstain ${f.abstain} (${Math.round(f.rate * 100)} %)`);
      expect(tells).toEqual([]);
    });

  const twin = (id: string, situation: string, key: string, partner?: string): Scenario =>
    ({
      id,
      kind: 'disclosure',
      ...(partner ? { twin: partner } : {}),
      situation: { lv: situation, en: situation },
      question: { lv: 'Ko darīt?', en: 'What to do?' },
      options: ['share', 'withhold', 'ask'].map((o) => ({ id: o, correct: o === key, feedback: { lv: 'x', en: 'x' } })),
    }) as unknown as Scenario;

  it('catches a course whose restrictive twins all say „vēl nav”', () => {
    const pairs = Array.from({ length: 6 }, (_, i) => [twin(`a${i}`, `Pārskats ${i} jau ir publicēts mājaslapā.`, 'share'), twin(`b${i}`, `Pārskats ${i} vēl nav publicēts un ir iekšējs.`, 'withhold', `a${i}`)] as const);
    const cue = skimFigures(pairs).find((f) => f.rule.startsWith('published cue'))!;
    expect(cue).toMatchObject({ right: 6, wrong: 0 });
  });

  it('does not count „nedēļā” as a negation (a week is no „ne-” word)', () => {
    const pairs = Array.from({ length: 6 }, (_, i) => [twin(`a${i}`, `Pārskats ${i} ir mājaslapā.`, 'share'), twin(`b${i}`, `Pārskats ${i} ir mājaslapā pagājušajā nedēļā.`, 'withhold', `a${i}`)] as const);
    const cue = skimFigures(pairs).find((f) => f.rule === 'more negations where the twins differ → more cautious key')!;
    expect(cue).toMatchObject({ right: 0, wrong: 0 });
  });

  it('catches restrictive twins that all say „tikai rīt” or „pēc lēmuma”, and only where the twins differ', () => {
    const pairs = Array.from({ length: 6 }, (_, i) => [
      twin(`a${i}`, `Pārskats ${i} ir publicēts mājaslapā šodien, un to var lasīt ikviens.`, 'share'),
      twin(`b${i}`, `Pārskats ${i} būs publicēts mājaslapā tikai rīt, pēc vadības lēmuma.`, 'withhold', `a${i}`),
    ] as const);
    const figures = skimFigures(pairs);
    for (const rule of ['more „tikai” → more cautious key', 'more „pēc” → more cautious key', 'more future-time words → more cautious key', 'more pending words where the twins differ → more cautious key'])
      expect(figures.find((f) => f.rule === rule), rule).toMatchObject({ right: 6, wrong: 0 });
    // The reverse of each is as wrong as the rule is right.
    expect(figures.find((f) => f.rule === 'more „tikai” → more permissive key')).toMatchObject({ right: 0, wrong: 6 });
  });

  it('catches permissive twins that alone say „vakar”, a Latvian third-person future, an ask key that alone is „nezina” (the fixture’s text is Latvian in both locales)', () => {
    const pairs = Array.from({ length: 6 }, (_, i) => [
      twin(`a${i}`, `Pārskatu ${i} dome apstiprināja vakar, un tas ir mājaslapā.`, 'share'),
      twin(`b${i}`, `Pārskatu ${i} dome izskatīs, un tas nav mājaslapā.`, 'withhold', `a${i}`),
    ] as const);
    const figures = skimFigures(pairs);
    const past = figures.find((f) => f.rule.startsWith('more past-time words') && f.rule.endsWith('more permissive key'));
    expect(past).toMatchObject({ right: 6, wrong: 0 });
    expect(figures.find((f) => f.rule === 'more future-time words → more cautious key')).toMatchObject({ right: 6, wrong: 0 });
    const unsure = Array.from({ length: 6 }, (_, i) => [
      twin(`c${i}`, `Speciāliste ${i} nezina, vai lēmums ir pieņemts.`, 'ask'),
      twin(`d${i}`, `Speciāliste ${i} zina, ka lēmums ir pieņemts.`, 'share', `c${i}`),
    ] as const);
    expect(skimFigures(unsure).find((f) => f.rule.startsWith('uncertainty words (')), 'uncertainty').toMatchObject({ right: 6, wrong: 0 });
  });
});
