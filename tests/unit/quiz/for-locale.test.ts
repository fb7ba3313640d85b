import { describe, expect, it } from 'vitest';
import { quizForLocale } from '../../../src/lib/quiz/for-locale';
import { regrade } from '../../../src/lib/quiz/regrade';
import { bestAnswers } from '../../../src/lib/quiz/answer-key';
import { fixtureQuiz } from '../helpers';

describe('quizForLocale', () => {
  const quiz = fixtureQuiz();
  it('keeps one locale of every text, and both of quotes', () => {
    const en = quizForLocale(quiz, 'en');
    const s = en.scenarios[0]!;
    expect(s.situation).toEqual({ en: quiz.scenarios[0]!.situation.en });
    if (s.kind === 'branching') throw new Error('fixture starts with an account scenario');
    expect(s.options[0]!.source.quote).toEqual(quiz.scenarios[0]!.kind !== 'branching' && quiz.scenarios[0]!.options[0]!.source.quote);
    expect(JSON.stringify(en)).not.toContain(quiz.scenarios[1]!.situation.lv);
  });
  it('grades exactly like the full quiz', () => {
    const points = (r: ReturnType<typeof regrade>) => (r.ok ? { ...r.score, scenarios: r.score.scenarios.map((s) => [s.scenario, s.earned, s.max]) } : r);
    expect(points(regrade(quizForLocale(quiz, 'lv'), bestAnswers(quiz)))).toEqual(points(regrade(quiz, bestAnswers(quiz))));
  });
});
