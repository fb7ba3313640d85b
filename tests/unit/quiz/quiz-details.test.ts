import { describe, expect, it } from 'vitest';
import { quizForLocale } from '../../../src/lib/quiz/for-locale';
import { fetchDetails, parseDetails, splitQuiz, withDetails } from '../../../src/lib/quiz/quiz-details';
import { attemptQuiz } from '../../../src/lib/quiz/attempt';
import { regrade } from '../../../src/lib/quiz/regrade';
import { bestAnswers } from '../../../src/lib/quiz/answer-key';
import { fixtureQuiz } from '../helpers';
import { readQuizzes } from '../../../src/lib/course/read-sources';

describe('splitQuiz / withDetails', () => {
  const quiz = fixtureQuiz();
  for (const locale of ['lv', 'en'] as const) {
    const local = quizForLocale(quiz, locale);
    const { shell, details } = splitQuiz(local, locale);
    it(`the shell holds no feedback, source or better move (${locale})`, () => {
      expect(JSON.stringify(shell)).not.toMatch(/"(feedback|source|betterMove)"/);
      expect(Object.keys(details.parts).length).toBeGreaterThan(0);
    });
    it(`the shell grades exactly like the full quiz (${locale})`, () => {
      const points = (r: ReturnType<typeof regrade>) => (r.ok ? r.score.earned : r);
      expect(points(regrade(shell, bestAnswers(quiz)))).toEqual(points(regrade(quiz, bestAnswers(quiz))));
    });
    it(`merging gives back the locale's quiz (${locale}; the Latvian file drops the quote's translation)`, () => {
      const merged = withDetails(shell, details);
      if (locale === 'en') expect(merged).toEqual(local);
      else expect(JSON.stringify(merged)).toEqual(JSON.stringify(local).replace(/,"en":"(?:[^"\\]|\\.)*"/g, ''));
    });
  }
  it('merges by id path, so a shuffled attempt gets each option its own feedback', () => {
    const { shell, details } = splitQuiz(quizForLocale(quiz, 'en'), 'en');
    const drawn = attemptQuiz(shell, { seed: 7 });
    const merged = withDetails(drawn, details);
    for (const s of merged.scenarios) {
      const original = quiz.scenarios.find((x) => x.id === s.id)!;
      const options = (x: typeof s) => (x.kind === 'branching' ? x.steps.flatMap((st) => st.options) : x.options);
      for (const o of options(s)) expect(o.feedback.en).toBe(options(original).find((p) => p.id === o.id)!.feedback.en);
    }
  });
  it('works on every real quiz (no two objects share an id path)', () => {
    for (const q of readQuizzes(process.cwd()))
      for (const locale of ['lv', 'en'] as const) {
        const local = quizForLocale(q, locale);
        const { shell, details } = splitQuiz(local, locale);
        if (locale === 'en') expect(withDetails(shell, details)).toEqual(local);
      }
  }, 60_000);
});

describe('parseDetails / fetchDetails', () => {
  const { details } = splitQuiz(quizForLocale(fixtureQuiz(), 'lv'), 'lv');
  it('rejects another module, another locale, or an error page', () => {
    expect(() => parseDetails({ ...details, moduleId: 'other' }, details.moduleId, 'lv')).toThrow();
    expect(() => parseDetails(details, details.moduleId, 'en')).toThrow();
    expect(() => parseDetails('<html>', details.moduleId, 'lv')).toThrow();
    expect(() => parseDetails({ ...details, parts: { a: { label: 'x' } } }, details.moduleId, 'lv')).toThrow();
    expect(parseDetails(JSON.parse(JSON.stringify(details)), details.moduleId, 'lv')).toEqual(details);
  });
  it('fails on an HTTP error and gives up on a stalled connection', async () => {
    await expect(fetchDetails(async () => ({ ok: false, json: async () => details }), '/x.json', details.moduleId, 'lv')).rejects.toThrow();
    const stalled = (_: string, init: { signal: AbortSignal }) =>
      new Promise<never>((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(fetchDetails(stalled, '/x.json', details.moduleId, 'lv', 20)).rejects.toThrow('aborted');
    await expect(fetchDetails(async () => ({ ok: true, json: async () => details }), '/x.json', details.moduleId, 'lv')).resolves.toEqual(details);
  });
});
