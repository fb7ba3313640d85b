import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from './frontmatter';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/lib/course/check-course';
import { moduleSchema } from '../../../src/lib/course/module-schema';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { bestAnswers, worstAnswers } from '../../../src/lib/quiz/answer-key';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import { regrade } from '../../../src/lib/quiz/regrade';
import { root, seeds } from '../helpers';

const quizFiles = readdirSync(join(root, 'quizzes')).filter((f) => f.endsWith('.yaml'));
const quizzes = quizFiles.map((f) => loadQuizFile(`quizzes/${f}`, readFileSync(join(root, 'quizzes', f), 'utf8'), seeds));
const modules = LOCALES.flatMap((locale) =>
  readdirSync(join(root, 'modules', locale))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ locale, id: f.replace(/\.md$/, ''), data: moduleSchema.parse(matter(readFileSync(join(root, 'modules', locale, f), 'utf8'))) })),
);

describe('the course content', () => {
  it('is consistent: every module in both locales, with a quiz, quoting the seeds exactly', () => {
    expect(checkCourse(modules, quizzes.map((q) => q.moduleId), seeds)).toEqual([]);
  });

  it.each(quizzes.map((q) => [q.moduleId, q] as const))('quiz %s has 6–10 scenarios with every kind and a real branching scenario', (_, quiz) => {
    expect(quiz.scenarios.length).toBeGreaterThanOrEqual(6);
    expect(quiz.scenarios.length).toBeLessThanOrEqual(10);
    const kinds = new Set(quiz.scenarios.map((s) => s.kind));
    expect(kinds.has('account') && kinds.has('disclosure') && kinds.has('branching') && (kinds.has('choice') || kinds.has('multi'))).toBe(true);
    const branching = quiz.scenarios.filter((s) => s.kind === 'branching');
    expect(branching.some((s) => s.steps.length >= 3 && s.endings.length >= 2)).toBe(true);
  });

  it.each(quizzes.map((q) => [q.moduleId, q] as const))('quiz %s: the answer key passes and the worst answers fail', (_, quiz) => {
    const best = regrade(quiz, bestAnswers(quiz));
    const worst = regrade(quiz, worstAnswers(quiz));
    expect(best.ok && best.score.percent).toBe(100);
    expect(worst.ok && worst.score.passed).toBe(false);
  });

  it('catches a module missing in one locale', () => {
    const withoutEnglish = modules.filter((m) => !(m.locale === 'en' && m.id === modules[0]!.id));
    expect(checkCourse(withoutEnglish, quizzes.map((q) => q.moduleId), seeds)).toContain(`modules/en/${modules[0]!.id}.md: missing (module "${modules[0]!.id}" exists in another locale)`);
  });

  it('catches a module without a quiz and a misquoted lesson source', () => {
    const misquoted = modules.map((m, i) => (i === 0 ? { ...m, data: { ...m.data, sources: [{ seed: '001_7cdec0fa160c0599.txt', quote: 'Izdomāts teikums.' }] } } : m));
    const problems = checkCourse(misquoted, quizzes.slice(1).map((q) => q.moduleId), seeds);
    expect(problems).toContain(`quizzes/${modules[0]!.id}.yaml: missing (module "${modules[0]!.id}" has no quiz)`);
    expect(problems.some((p) => p.startsWith(`modules/${modules[0]!.locale}/${modules[0]!.id}.md › sources #1 › quote: not found`))).toBe(true);
  });
});
