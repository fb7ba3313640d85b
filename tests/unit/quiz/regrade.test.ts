import { describe, expect, it } from 'vitest';
import { regrade } from '../../../src/lib/quiz/regrade';
import type { AnswerLog } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const fullLog: AnswerLog = [
  { scenario: 'evening-question', choice: ['official'] },
  { scenario: 'letter-content', choice: ['withhold'] },
  { scenario: 'good-principles', choice: ['polite', 'accurate'] },
  { scenario: 'press-release', choice: ['same-media'] },
  { scenario: 'angry-thread', step: 'first', choice: ['reply'] },
  { scenario: 'angry-thread', step: 'second', choice: ['email'] },
];

function reasonFor(log: unknown): string {
  const result = regrade(quiz, log);
  if (result.ok) throw new Error('expected the log to be rejected');
  return result.reason;
}

describe('regrade', () => {
  it('grades a complete log from scratch', () => {
    const result = regrade(quiz, fullLog);
    expect(result.ok && result.score).toMatchObject({ earned: 7, max: 7, percent: 100, passed: true });
  });

  it('rejects something that is not an answer log', () => {
    expect(reasonFor({ answers: [] })).toMatch(/not a list/);
    expect(reasonFor([{ scenario: 'evening-question', choice: 'official' }])).toMatch(/not a list/);
  });

  it('rejects an unknown scenario id', () => {
    expect(reasonFor([{ scenario: 'made-up', choice: ['official'] }, ...fullLog.slice(1)])).toBe('answer 1: unknown scenario "made-up"');
  });

  it('rejects an unknown option id', () => {
    expect(reasonFor([{ scenario: 'evening-question', choice: ['hack'] }, ...fullLog.slice(1)])).toMatch(/^answer 1: choice \[hack\] is not a valid answer/);
  });

  it('rejects several options for a single-answer scenario', () => {
    expect(reasonFor([{ scenario: 'evening-question', choice: ['official', 'personal-private'] }, ...fullLog.slice(1)])).toMatch(/^answer 1: choice/);
  });

  it('rejects answers out of order', () => {
    expect(reasonFor([fullLog[1], fullLog[0], ...fullLog.slice(2)])).toBe('answer 1: expected scenario "evening-question", got "letter-content"');
  });

  it('rejects an impossible branch order (a step the previous choice does not lead to)', () => {
    const log = [...fullLog.slice(0, 4), { scenario: 'angry-thread', step: 'first', choice: ['reply'] }, { scenario: 'angry-thread', step: 'third', choice: ['apologise'] }];
    expect(reasonFor(log)).toBe('answer 6: expected step "second" in scenario "angry-thread", got "third"');
  });

  it('rejects a branching answer without its step', () => {
    const log = [...fullLog.slice(0, 4), { scenario: 'angry-thread', choice: ['reply'] }];
    expect(reasonFor(log)).toMatch(/^answer 5: expected step "first"/);
  });

  it('rejects missing answers', () => {
    expect(reasonFor(fullLog.slice(0, 3))).toBe('missing answers: the log stops before scenario "press-release" is finished');
    expect(reasonFor(fullLog.slice(0, 5))).toBe('missing answers: the log stops before scenario "angry-thread" is finished');
    expect(reasonFor([])).toMatch(/missing answers/);
  });

  it('rejects extra answers after the last scenario', () => {
    expect(reasonFor([...fullLog, { scenario: 'evening-question', choice: ['official'] }])).toBe('answer 7: extra answer after the last scenario');
  });

  it('rejects answering a scenario twice', () => {
    expect(reasonFor([fullLog[0], fullLog[0], ...fullLog.slice(1)])).toBe('answer 2: expected scenario "letter-content", got "evening-question"');
  });
});
