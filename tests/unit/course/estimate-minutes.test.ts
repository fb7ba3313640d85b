import { describe, expect, it } from 'vitest';
import { estimateMinutes, READING_WORDS_PER_MINUTE } from '../../../src/lib/course/estimate-minutes';
import { fixtureQuiz } from '../helpers';
import { modules, quizzes } from './content';

describe('a module\'s time', () => {
  const quiz = fixtureQuiz();

  it('grows with the lesson: 160 more words is one more minute', () => {
    const lesson = (n: number) => Array.from({ length: n }, () => 'vārds').join(' ');
    expect(estimateMinutes(lesson(READING_WORDS_PER_MINUTE * 5), quiz, 'lv') - estimateMinutes(lesson(READING_WORDS_PER_MINUTE * 4), quiz, 'lv')).toBe(1);
  });

  it('grows with the scenarios an attempt draws', () => {
    const few = { ...quiz, draw: { count: 2, atLeast: {} } };
    expect(estimateMinutes('', quiz, 'en')).toBeGreaterThan(estimateMinutes('', few, 'en'));
  });

  it('does not count the frontmatter or Markdown punctuation as reading', () => {
    expect(estimateMinutes('---\ntitle: x\n---\n', quiz, 'lv')).toBe(estimateMinutes('- — > ##', quiz, 'lv'));
  });

  it('differs between the course\'s modules and stays realistic (lesson plus one attempt: 8–30 minutes)', () => {
    const times = modules.filter((m) => m.locale === 'lv').map((m) => estimateMinutes(m.body, quizzes.find((q) => q.moduleId === m.id)!, 'lv'));
    for (const t of times) expect(t).toBeGreaterThanOrEqual(8), expect(t).toBeLessThanOrEqual(30);
    if (times.length > 2) expect(new Set(times).size).toBeGreaterThan(1);
  });
});
