import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, saveAttempt, setLearnerName, summarise } from '../../../src/lib/progress/progress-updates';
import type { QuizScore } from '../../../src/lib/quiz/scoring';

const now = new Date('2026-11-21T12:00:00Z');
const later = new Date('2026-11-22T12:00:00Z');
const score = (percent: number, passed: boolean): QuizScore => ({ earned: percent, max: 100, percent, passed, scenarios: [] });
const log = (tag: string) => [{ scenario: tag, choice: ['x'] }];
const done = (tag: string, seed: number | null = null) => ({ seed, drawn: seed === null ? null : [tag], log: log(tag) });

describe('progress updates', () => {
  it('saves the current attempt for resuming', () => {
    const p = saveAttempt(emptyProgress(), 'm', { seed: 42, drawn: ['a'], log: log('a'), phase: 'feedback' }, now);
    expect(p.modules.m).toMatchObject({ status: 'in-progress', current: { seed: 42, drawn: ['a'], log: log('a'), phase: 'feedback' }, startedAt: now.toISOString() });
  });

  it('keeps the best score and its log across retries', () => {
    let p = completeAttempt(emptyProgress(), 'm', done('first', 1), score(60, false), now);
    expect(p.modules.m).toMatchObject({ status: 'in-progress', attempts: 1, bestPercent: 60, current: null, passedAt: null });
    p = completeAttempt(p, 'm', done('second', 2), score(90, true), later);
    expect(p.modules.m).toMatchObject({ status: 'passed', attempts: 2, bestPercent: 90, bestLog: log('second'), bestDraw: { seed: 2, drawn: ['second'] }, passedAt: later.toISOString() });
    p = completeAttempt(p, 'm', done('third', 3), score(40, false), later);
    expect(p.modules.m).toMatchObject({ status: 'passed', attempts: 3, bestPercent: 90, bestLog: log('second'), bestDraw: { seed: 2, drawn: ['second'] } });
  });

  it('keeps a module passed while the learner retries it', () => {
    const passed = completeAttempt(emptyProgress(), 'm', done('a'), score(100, true), now);
    expect(saveAttempt(passed, 'm', { seed: 5, log: [], phase: 'answering' }, later).modules.m?.status).toBe('passed');
  });

  it('trims the learner name', () => {
    expect(setLearnerName(emptyProgress(), '  Jānis Ozoliņš ').learnerName).toBe('Jānis Ozoliņš');
  });

  it('summarises over the course modules only', () => {
    let p = completeAttempt(emptyProgress(), 'a', done('a'), score(100, true), now);
    p = saveAttempt(p, 'b', { seed: 1, log: [], phase: 'answering' }, now);
    p = completeAttempt(p, 'gone', done('g'), score(100, true), now);
    expect(summarise(p, ['a', 'b', 'c'])).toEqual({ passed: 1, inProgress: 1, total: 3, percent: 33 });
  });
});
