import { describe, expect, it } from 'vitest';
import { isPass, scoreQuiz } from '../../../src/lib/quiz/scoring';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';
import { answerFixture, FIXTURE_PATHS, startQuiz } from './drive';

/** The fixture re-weighted to 10 points, so that exactly 80 % is reachable: 1+1+1+5+2. */
function tenPointQuiz(): QuizFile {
  const quiz = fixtureQuiz();
  return { ...quiz, scenarios: quiz.scenarios.map((s) => (s.id === 'press-release' && s.kind !== 'branching' ? { ...s, points: 5 } : s)) };
}

function scoreOf(quiz: QuizFile, opts: Parameters<typeof answerFixture>[1]) {
  const run = startQuiz(quiz);
  run.actor.send({ type: 'quiz.start' });
  answerFixture(run.answer, opts);
  return scoreQuiz(quiz, run.context().log);
}

describe('scoring', () => {
  it('scores 0 when every answer is wrong', () => {
    const score = scoreOf(tenPointQuiz(), { wrong: ['evening-question', 'letter-content', 'good-principles', 'press-release'], path: FIXTURE_PATHS.poorEarly });
    expect(score).toMatchObject({ earned: 0, max: 10, percent: 0, passed: false });
  });

  it('passes at exactly the pass mark (8 of 10 = 80 %)', () => {
    const score = scoreOf(tenPointQuiz(), { path: FIXTURE_PATHS.poorLate });
    expect(score).toMatchObject({ earned: 8, max: 10, percent: 80, passed: true });
  });

  it('fails just below the pass mark (7 of 10)', () => {
    const score = scoreOf(tenPointQuiz(), { wrong: ['evening-question'], path: FIXTURE_PATHS.poorLate });
    expect(score).toMatchObject({ earned: 7, max: 10, percent: 70, passed: false });
  });

  it('scores 100 % when everything is right, with per-scenario points', () => {
    const score = scoreOf(tenPointQuiz(), {});
    expect(score).toMatchObject({ earned: 10, max: 10, percent: 100, passed: true });
    expect(score.scenarios.map((s) => [s.scenario, s.earned])).toEqual([
      ['evening-question', 1],
      ['letter-content', 1],
      ['good-principles', 1],
      ['press-release', 5],
      ['angry-thread', 2],
    ]);
  });

  it('does not round a score up across the pass mark', () => {
    // 79.9 % would round to 80 %; passing compares exact fractions.
    expect(isPass(799, 1000, 80)).toBe(false);
    expect(isPass(800, 1000, 80)).toBe(true);
    expect(isPass(0, 0, 80)).toBe(false);
  });

  it('uses the quiz pass mark when it is not the default', () => {
    const quiz = { ...tenPointQuiz(), passPercent: 90 };
    expect(scoreOf(quiz, { path: FIXTURE_PATHS.acceptable }).passed).toBe(true);
    expect(scoreOf(quiz, { path: FIXTURE_PATHS.poorLate }).passed).toBe(false);
  });
});
