import { describe, expect, it } from 'vitest';
import { fixtureQuiz } from '../helpers';
import { answerFixture, FIXTURE_PATHS, startQuiz } from './drive';

const quiz = fixtureQuiz();

describe('quiz machine', () => {
  it('starts at the intro and moves to the first scenario', () => {
    const run = startQuiz(quiz);
    expect(run.state()).toBe('intro');
    run.actor.send({ type: 'quiz.start' });
    expect(run.state()).toBe('answering');
    expect(run.context().position).toEqual({ scenario: 0 });
    expect(run.saved.at(-1)).toMatchObject({ seed: 7, log: [], phase: 'answering' });
  });

  it('takes an account answer, shows feedback, then moves on', () => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    run.actor.send({ type: 'answer.submit', choice: ['official'] });
    expect(run.state()).toBe('feedback');
    expect(run.context().log).toEqual([{ scenario: 'evening-question', choice: ['official'] }]);
    expect(run.saved.at(-1)?.phase).toBe('feedback');
    run.actor.send({ type: 'quiz.next' });
    expect(run.context().position).toEqual({ scenario: 1 });
  });

  it('refuses answers that do not fit the question, and the button can ask first', () => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    const snapshot = run.actor.getSnapshot();
    expect(snapshot.can({ type: 'answer.submit', choice: [] })).toBe(false);
    expect(snapshot.can({ type: 'answer.submit', choice: ['official', 'offline'] })).toBe(false);
    expect(snapshot.can({ type: 'answer.submit', choice: ['share'] })).toBe(false);
    expect(snapshot.can({ type: 'answer.submit', choice: ['official'] })).toBe(true);
    run.actor.send({ type: 'answer.submit', choice: [] });
    expect(run.state()).toBe('answering');
    expect(run.context().log).toEqual([]);
  });

  it('accepts several options only in a multi scenario, graded as a set', () => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    run.answer('official');
    run.answer('withhold');
    expect(run.actor.getSnapshot().can({ type: 'answer.submit', choice: ['polite', 'polite'] })).toBe(false);
    run.answer('accurate', 'polite');
    run.answer('same-media');
    for (const c of FIXTURE_PATHS.best) run.answer(...c);
    expect(run.context().score?.scenarios.find((s) => s.scenario === 'good-principles')?.earned).toBe(1);
  });

  it('plays a branching scenario step by step to its ending', () => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    run.answer('official');
    run.answer('withhold');
    run.answer('polite', 'accurate');
    run.answer('same-media');
    expect(run.context().position).toEqual({ scenario: 4, step: 'first' });
    run.answer('reply');
    expect(run.context().position).toEqual({ scenario: 4, step: 'second' });
    run.answer('argue');
    expect(run.context().position).toEqual({ scenario: 4, step: 'third' });
    run.actor.send({ type: 'answer.submit', choice: ['apologise'] });
    expect(run.context().position).toBeUndefined();
    run.actor.send({ type: 'quiz.next' });
    expect(run.state()).toBe('result');
  });

  it.each([
    ['best', FIXTURE_PATHS.best, 'resolved', 2],
    ['acceptable', FIXTURE_PATHS.acceptable, 'recovered', 1],
    ['poor (early)', FIXTURE_PATHS.poorEarly, 'deleted', 0],
    ['poor (late)', FIXTURE_PATHS.poorLate, 'deleted', 0],
  ])('reaches the %s ending and scores its points', (_, path, ending, points) => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    answerFixture(run.answer, { path });
    const branch = run.context().score!.scenarios.find((s) => s.scenario === 'angry-thread')!;
    expect(branch.ending?.id).toBe(ending);
    expect(branch.earned).toBe(points);
    expect(branch.max).toBe(2);
  });

  it('reports the result once, and retry starts a fresh attempt', () => {
    const run = startQuiz(quiz);
    run.actor.send({ type: 'quiz.start' });
    answerFixture(run.answer, { wrong: ['evening-question', 'letter-content'] });
    expect(run.state()).toBe('result');
    expect(run.results).toEqual([71]);
    expect(run.context().score?.passed).toBe(false);
    run.actor.send({ type: 'quiz.retry', seed: 99 });
    expect(run.state()).toBe('answering');
    expect(run.context().log).toEqual([]);
    expect(run.saved.at(-1)).toMatchObject({ seed: 99, log: [], phase: 'answering' });
    answerFixture(run.answer);
    expect(run.results).toEqual([71, 100]);
  });

  it('resumes a saved attempt at the same question', () => {
    const log = [
      { scenario: 'evening-question', choice: ['official'] },
      { scenario: 'letter-content', choice: ['withhold'] },
    ];
    const run = startQuiz(quiz, { seed: null, log, phase: 'answering' });
    expect(run.state()).toBe('answering');
    expect(run.context().position).toEqual({ scenario: 2 });
  });

  it('resumes a started attempt with no answer yet on its first question, in its own order', () => {
    const run = startQuiz(quiz, { seed: 31, drawn: null, log: [], phase: 'answering' }, 99);
    expect(run.state()).toBe('answering');
    expect(run.context().attempt.seed).toBe(31);
    expect(run.context().position).toEqual({ scenario: 0 });
  });

  it('resumes on the feedback when the learner left while reading it', () => {
    const log = [{ scenario: 'evening-question', choice: ['official'] }];
    const run = startQuiz(quiz, { seed: null, log, phase: 'feedback' });
    expect(run.state()).toBe('feedback');
    expect(run.context().answered).toEqual({ scenario: 0 });
    run.actor.send({ type: 'quiz.next' });
    expect(run.context().position).toEqual({ scenario: 1 });
  });

  it('resumes mid-branch at the step the learner reached', () => {
    const run = startQuiz(quiz, {
      seed: null,
      log: [
        { scenario: 'evening-question', choice: ['official'] },
        { scenario: 'letter-content', choice: ['withhold'] },
        { scenario: 'good-principles', choice: ['polite', 'accurate'] },
        { scenario: 'press-release', choice: ['same-media'] },
        { scenario: 'angry-thread', step: 'first', choice: ['reply'] },
      ],
      phase: 'answering',
    });
    expect(run.context().position).toEqual({ scenario: 4, step: 'second' });
  });

  it('starts afresh when a saved attempt does not fit the quiz', () => {
    const run = startQuiz(quiz, { seed: null, log: [{ scenario: 'gone', choice: ['x'] }], phase: 'answering' });
    expect(run.state()).toBe('intro');
    expect(run.context().log).toEqual([]);
  });
});
