import { describe, expect, it } from 'vitest';
import { bestAnswers, worstAnswers } from '../../../src/lib/quiz/answer-key';
import { regrade } from '../../../src/lib/quiz/regrade';
import { fixtureQuiz } from '../helpers';

describe('answer key', () => {
  const quiz = fixtureQuiz();
  it('best answers score full marks', () => {
    const result = regrade(quiz, bestAnswers(quiz));
    expect(result.ok && result.score.percent).toBe(100);
  });
  it('worst answers score nothing', () => {
    const result = regrade(quiz, worstAnswers(quiz));
    expect(result.ok && result.score.earned).toBe(0);
  });
});
