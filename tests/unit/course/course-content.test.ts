import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/lib/course/check-course';
import { keyedAttempt } from '../../../src/lib/quiz/answer-key';
import { scenariosPerAttempt } from '../../../src/lib/quiz/draw';
import { regrade } from '../../../src/lib/quiz/regrade';
import { seeds } from '../helpers';
import { modules, only, quizzes } from './content';

const wholeCourse = only ? it.skip : it;

describe('the course content', () => {
  wholeCourse('is consistent: every module in both locales, with a quiz, quoting the seeds exactly', () => {
    expect(checkCourse(modules, quizzes.map((q) => q.moduleId), seeds)).toEqual([]);
  });

  it.each(quizzes.map((q) => [q.moduleId, q] as const))('quiz %s shows 6–10 scenarios an attempt, has account and disclosure ones, and a branching one', (_, quiz) => {
    expect(scenariosPerAttempt(quiz)).toBeGreaterThanOrEqual(6);
    expect(scenariosPerAttempt(quiz)).toBeLessThanOrEqual(10);
    const kinds = new Set(quiz.scenarios.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['account', 'branching', 'disclosure']));
    const branching = quiz.scenarios.filter((s) => s.kind === 'branching');
    expect(branching.some((s) => s.steps.length >= 2 && s.endings.length >= 2)).toBe(true);
  });

  it.each(quizzes.map((q) => [q.moduleId, q] as const))('quiz %s: in any attempt the answer key passes and the worst answers fail', (_, quiz) => {
    for (const seed of [1, 2, 3, 1234, 4_294_967_295]) {
      const best = keyedAttempt(quiz, seed, 'best');
      const worst = keyedAttempt(quiz, seed, 'worst');
      const bestGrade = regrade(quiz, best.log, best);
      const worstGrade = regrade(quiz, worst.log, worst);
      expect(bestGrade.ok && bestGrade.score.percent, `seed ${seed}`).toBe(100);
      expect(worstGrade.ok && worstGrade.score.passed, `seed ${seed}`).toBe(false);
    }
  });

  wholeCourse('catches a module missing in one locale', () => {
    const withoutEnglish = modules.filter((m) => !(m.locale === 'en' && m.id === modules[0]!.id));
    expect(checkCourse(withoutEnglish, quizzes.map((q) => q.moduleId), seeds)).toContain(`modules/en/${modules[0]!.id}.md: missing (module "${modules[0]!.id}" exists in another locale)`);
  });

  wholeCourse('catches a module without a quiz and a misquoted lesson source', () => {
    const misquoted = modules.map((m, i) => (i === 0 ? { ...m, data: { ...m.data, sources: [{ seed: '001_7cdec0fa160c0599.txt', quote: 'Izdomāts teikums.' }] } } : m));
    const problems = checkCourse(misquoted, quizzes.slice(1).map((q) => q.moduleId), seeds);
    expect(problems).toContain(`quizzes/${modules[0]!.id}.yaml: missing (module "${modules[0]!.id}" has no quiz)`);
    expect(problems.some((p) => p.startsWith(`modules/${modules[0]!.locale}/${modules[0]!.id}.md › sources #1 › quote: not found`))).toBe(true);
  });
});

describe.each(modules.map((m) => [`${m.locale}/${m.id}`, m] as const))('lesson %s', (_, m) => {
  it('has objectives, key points, sources and facilitator notes, and a lesson of 450–1,400 words', () => {
    expect(m.data.objectives.length).toBeGreaterThanOrEqual(3);
    expect(m.data.keyPoints.length).toBeGreaterThanOrEqual(4);
    expect(m.data.facilitator.questions.length).toBeGreaterThanOrEqual(2);
    const words = m.body.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(450);
    expect(words).toBeLessThanOrEqual(1400);
  });
});
