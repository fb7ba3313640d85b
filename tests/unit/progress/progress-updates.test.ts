import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, saveAttempt, setLearnerName, summarise } from '../../../src/lib/progress/progress-updates';
import type { QuizScore } from '../../../src/lib/quiz/scoring';

const now = new Date('2026-11-21T12:00:00Z');
const later = new Date('2026-11-22T12:00:00Z');
const score = (percent: number, passed: boolean): QuizScore => ({ earned: percent, max: 100, percent, passed, scenarios: [] });
const log = (tag: string) => [{ scenario: tag, choice: ['x'] }];

describe('progress updates', () => {
  it('saves the current attempt for resuming', () => {
    const p = saveAttempt(emptyProgress(), 'm', log('a'), 'feedback', now);
    expect(p.modules.m).toMatchObject({ status: 'in-progress', current: { log: log('a'), phase: 'feedback' }, startedAt: now.toISOString() });
  });

  it('keeps the best score and its log across retries', () => {
    let p = completeAttempt(emptyProgress(), 'm', log('first'), score(60, false), now);
    expect(p.modules.m).toMatchObject({ status: 'in-progress', attempts: 1, bestPercent: 60, current: null, passedAt: null });
    p = completeAttempt(p, 'm', log('second'), score(90, true), later);
    expect(p.modules.m).toMatchObject({ status: 'passed', attempts: 2, bestPercent: 90, bestLog: log('second'), passedAt: later.toISOString() });
    p = completeAttempt(p, 'm', log('third'), score(40, false), later);
    expect(p.modules.m).toMatchObject({ status: 'passed', attempts: 3, bestPercent: 90, bestLog: log('second') });
  });

  it('keeps a module passed while the learner retries it', () => {
    const passed = completeAttempt(emptyProgress(), 'm', log('a'), score(100, true), now);
    expect(saveAttempt(passed, 'm', [], 'answering', later).modules.m?.status).toBe('passed');
  });

  it('trims the learner name', () => {
    expect(setLearnerName(emptyProgress(), '  Jānis Ozoliņš ').learnerName).toBe('Jānis Ozoliņš');
  });

  it('summarises over the course modules only', () => {
    let p = completeAttempt(emptyProgress(), 'a', log('a'), score(100, true), now);
    p = saveAttempt(p, 'b', [], 'answering', now);
    p = completeAttempt(p, 'gone', log('g'), score(100, true), now);
    expect(summarise(p, ['a', 'b', 'c'])).toEqual({ passed: 1, inProgress: 1, total: 3, percent: 33 });
  });
});
