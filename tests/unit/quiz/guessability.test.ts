import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { bestBlind, blindResults, guessabilityProblems } from '../../../src/lib/quiz/guessability';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { fixtureData, fixtureText, seeds } from '../helpers';

const labels = standardLabels();
const load = (name: string) => loadQuizFile(`tests/fixtures/quizzes/${name}`, fixtureText(`quizzes/${name}`), seeds);
const valid = (data: unknown): QuizFile => {
  const result = validateQuiz(data, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz;
};
const allKeys = (quiz: QuizFile) => guessabilityProblems(quiz, labels).map((p) => p.key);
/** The problems of the blind strategies and item writing: the lesson-reader and gambler bounds, which every fixture without twins fails, are tested below and in gambler.test.ts. */
const keys = (quiz: QuizFile) => allKeys(quiz).filter((k) => !k.startsWith('lesson-reader:') && !k.startsWith('gambler:'));

describe('blind strategies', () => {
  it('pass a quiz where the longest option is always right, in both locales, and say so by name', () => {
    const quiz = load('longest-wins.yaml');
    const longest = blindResults(quiz, labels).filter((r) => r.strategy.startsWith('always the longest'));
    expect(longest.map((r) => [r.locale, r.percent, r.passes])).toEqual([
      ['lv', 100, true],
      ['en', 100, true],
    ]);
    expect(keys(quiz)).toContain('blind strategy passes (lv, 100 %): always the longest option (several answers: every option longer than average)');
    expect(keys(quiz)).toContain('blind strategy passes (en, 100 %): always the longest option (several answers: every option longer than average)');
  });

  it('do not pass a quiz whose right options vary in length and position', () => {
    const quiz = load('balanced.yaml');
    expect(keys(quiz)).toEqual([]);
    expect(bestBlind(quiz, labels).percent).toBeLessThanOrEqual(40);
  });

  it('include avoiding the wording that marks wrong options: a quiz whose wrong options all give a reason fails', () => {
    expect(keys(load('balanced.yaml'))).toEqual([]);
    const data = parse(fixtureText('quizzes/balanced.yaml'));
    for (const s of data.scenarios.filter((s: any) => s.options))
      for (const o of s.options.filter((o: any) => !o.correct && o.label)) {
        o.label.lv = `${o.label.lv}, jo tā būs ātrāk`;
        o.label.en = `${o.label.en}, because it is quicker`;
      }
    const tacked = keys(valid(data));
    expect(tacked.some((k) => /\(lv, \d+ %\): avoid a reason tacked on/.test(k))).toBe(true);
    expect(tacked.some((k) => /\(en, \d+ %\): avoid a reason tacked on/.test(k))).toBe(true);
  });

  it('read Latvian cue words whole, diacritics included (tikai, vēlreiz), not inside other words', async () => {
    const { CUES } = await import('../../../src/lib/quiz/blind-strategies');
    const absolute = CUES.find((c) => c.name.startsWith('an absolute'))!.pattern;
    const insisting = CUES.find((c) => c.name.startsWith('insisting'))!.pattern;
    expect('Atbildiet tikai vienreiz'.match(absolute)).toHaveLength(1);
    expect('Uzrakstiet vēlreiz'.match(insisting)).toHaveLength(1);
    expect('Visumā labi, bet tikaiņu nav; allowance'.match(absolute)).toBeNull();
  });

  it('include always choosing the first and the last option in file order', () => {
    const data = fixtureData();
    // Right option first everywhere it can be.
    for (const s of data.scenarios.filter((s: any) => s.options)) s.options.sort((a: any, b: any) => Number(!!b.correct) - Number(!!a.correct));
    data.scenarios[2].options.push(data.scenarios[2].options.shift()); // keep the multi's right options apart
    const results = blindResults(valid(data), labels);
    expect(results.find((r) => r.strategy.startsWith('always the first') && r.locale === 'lv')!.percent).toBeGreaterThan(
      results.find((r) => r.strategy.startsWith('always the last') && r.locale === 'lv')!.percent,
    );
  });

  it('include a fixed preference where the options are fixed, beyond what the base strategy gets', () => {
    const data = fixtureData();
    const disclosure = data.scenarios[1];
    // Five disclosure scenarios whose answer is always "ask first", plus a choice scenario.
    data.scenarios = [0, 1, 2, 3, 4].map((n) => ({
      ...structuredClone(disclosure),
      id: `ask-${n}`,
      options: disclosure.options.map((o: any) => ({ ...o, correct: o.id === 'ask' })),
    }));
    const problems = guessabilityProblems(valid(data), labels);
    const constant = problems.find((p) => p.key.includes('a fixed preference'));
    expect(constant?.key).toMatch(/^blind strategy passes \(lv, 100 %\)/);
    expect(constant?.detail).toMatch(/^always "ask" where offered/);
  });

  it('include a preference for one kind only, and an order of preference ("official", else "offline")', () => {
    const data = fixtureData();
    const account = data.scenarios[0];
    // Account scenarios whose answer is "official" when it is offered, else "offline".
    data.scenarios = [['official', 'personal-private'], ['offline', 'personal-named'], ['official', 'offline'], ['personal-private', 'offline']].map((ids, n) => ({
      ...structuredClone(account),
      id: `account-${n}`,
      options: ids.map((id) => ({ ...structuredClone(account.options[0]), id, correct: id === (ids.includes('official') ? 'official' : 'offline') })),
    }));
    const results = blindResults(valid(data), labels).filter((r) => r.locale === 'lv');
    expect(results.find((r) => r.strategy.startsWith('always "official", else "offline" where offered'))?.percent).toBe(100);
    expect(results.find((r) => r.strategy === 'always the first option (several answers: the first half)')?.percent).toBe(75);
  });

  it('judge a pool by its worst draw: a pool blind guessing fails can still hold a draw it passes', () => {
    const longest = load('longest-wins.yaml');
    const balanced = load('balanced.yaml');
    // Three guessable scenarios among five that are not: 3/8 on the whole pool, but a draw of 3 can be all guessable.
    // (The copies ask their own question, or they would look like unmarked twins of the balanced ones.)
    const pool: QuizFile = { ...balanced, scenarios: [...balanced.scenarios, ...longest.scenarios.slice(0, 3).map((s) => ({ ...s, id: `${s.id}-x`, ...('question' in s ? { question: { lv: `${s.question.lv} (x)`, en: `${s.question.en} (x)` } } : {}) }) as typeof s)] };
    expect(keys(pool)).toEqual([]);
    const drawn: QuizFile = { ...pool, draw: { count: 3, atLeast: {} } };
    expect(keys(drawn).some((k) => k.startsWith('blind strategy passes (lv, 100 %): always the longest'))).toBe(true);
    expect(keys({ ...pool, draw: { count: 3, atLeast: {}, atMost: 1 } })).toEqual([]);
  });
});

describe('item-writing checks', () => {
  it('flag a multi scenario whose right options all come first', () => {
    const data = fixtureData();
    expect(keys(valid(data))).toContain('scenario "good-principles" › options: the correct options are all first (AB); interleave them with wrong ones');
    data.scenarios[2].options.reverse();
    expect(keys(valid(data))).toContain('scenario "good-principles" › options: the correct options are all last (BC); interleave them with wrong ones');
    data.scenarios[2].options = [data.scenarios[2].options[1], data.scenarios[2].options[0], data.scenarios[2].options[2]];
    expect(keys(valid(data)).some((k) => k.includes('good-principles'))).toBe(false);
  });

  it('flag a quiz whose right option is mostly at one position', () => {
    const quiz = load('longest-wins.yaml');
    const same = { ...quiz, scenarios: quiz.scenarios.map((s: any) => ({ ...s, options: [...s.options].sort((a: any, b: any) => Number(b.correct) - Number(a.correct)) })) };
    expect(guessabilityProblems(same as QuizFile, labels).find((p) => p.key.startsWith('position:'))?.key).toBe('position: the correct option is at A in 5 of 5 single-answer scenarios');
    expect(keys(quiz).some((k) => k.startsWith('position:'))).toBe(false);
  });

  it('flag a branching path through a mistake that still reaches the best ending with full points', () => {
    const data = fixtureData();
    expect(keys(valid(data)).filter((k) => k.includes('mistake'))).toEqual([]);
    data.scenarios[4].steps[0].options[0].mistake = true; // "reply" → email → resolved (best, 2)
    expect(keys(valid(data))).toContain(
      'scenario "angry-thread" › step "first" › option "reply" › mistake: a path through this mistake still reaches the best ending "resolved" with full points',
    );
  });

  it('require every branch option to say whether it is a mistake', () => {
    const data = fixtureData();
    delete data.scenarios[4].steps[1].options[1].mistake;
    const result = validateQuiz(data, seeds);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/scenario "angry-thread" › step "second" › option "argue" › mistake: /);
  });
});
