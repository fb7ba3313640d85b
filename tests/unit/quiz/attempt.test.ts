import { describe, expect, it } from 'vitest';
import { bestAnswers } from '../../../src/lib/quiz/answer-key';
import { attemptQuiz, drawnIds } from '../../../src/lib/quiz/attempt';
import { drawProblem, drawScenarios } from '../../../src/lib/quiz/draw';
import { regrade } from '../../../src/lib/quiz/regrade';
import { optionsAt, shuffleScenario, stepsOf } from '../../../src/lib/quiz/scenario';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { fixtureData, fixtureQuiz, seeds } from '../helpers';
import { startQuiz } from './drive';

const quiz = fixtureQuiz();
const order = (q: QuizFile) => q.scenarios.map((s) => stepsOf(s).map((step) => optionsAt(s, step).map((o) => o.id).join(',')).join('|')).join(' / ');

/** The fixture tripled into a pool of 15 (ids suffixed), drawing 6 with kind rules. */
function pool(): QuizFile {
  const data = fixtureData();
  data.scenarios = [1, 2, 3].flatMap((n) => data.scenarios.map((s: any) => ({ ...structuredClone(s), id: `${s.id}-${n}` })));
  data.draw = { count: 6, atLeast: { account: 1, disclosure: 1, branching: 1 }, atMost: 2 };
  const result = validateQuiz(data, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz;
}

describe('shuffled options', () => {
  it('are the same for the same seed and differ across seeds', () => {
    expect(order(attemptQuiz(quiz, { seed: 1 }))).toBe(order(attemptQuiz(quiz, { seed: 1 })));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => order(attemptQuiz(quiz, { seed }))));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('keep every option, move each option to every position over many seeds, and keep pinned options last', () => {
    const data = fixtureData();
    data.scenarios[3].options.push({ ...structuredClone(data.scenarios[3].options[1]), id: 'none-of-these', pinLast: true });
    data.scenarios[3].options.push({ ...structuredClone(data.scenarios[3].options[1]), id: 'other' });
    const pinned = (validateQuiz(data, seeds) as { ok: true; quiz: QuizFile }).quiz.scenarios[3]!;
    const firsts = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const ids = optionsAt(shuffleScenario(pinned, seed), undefined).map((o) => o.id);
      expect(ids.at(-1)).toBe('none-of-these');
      expect([...ids].sort()).toEqual(optionsAt(pinned, undefined).map((o) => o.id).sort());
      firsts.add(ids[0]!);
    }
    expect(firsts).toEqual(new Set(['same-media', 'release', 'other']));
  });

  it('start afresh, without an error, from a saved attempt whose draw is empty, unknown or not the seed’s', () => {
    for (const drawn of [[], ['nope'], ['press-release'], quiz.scenarios.map((s) => s.id).reverse()]) {
      const run = startQuiz(quiz, { seed: 1, drawn, log: [], phase: 'answering' }, 5);
      expect(run.state()).toBe('intro');
      expect(run.context().attempt.seed).toBe(5);
      expect(run.context().quiz.scenarios).toHaveLength(quiz.scenarios.length);
    }
  });

  it('keep file order for an attempt saved before shuffling (seed null)', () => {
    expect(order(attemptQuiz(quiz, { seed: null }))).toBe(order(quiz));
  });

  it('are what a resumed attempt shows: the machine restores the saved seed, not a new one', () => {
    const first = startQuiz(quiz, undefined, 11);
    first.actor.send({ type: 'quiz.start' });
    first.answer('official');
    const saved = first.saved.at(-1)!;
    const resumed = startQuiz(quiz, saved, 12345);
    expect(resumed.context().attempt.seed).toBe(11);
    expect(order(resumed.context().quiz)).toBe(order(first.context().quiz));
    expect(order(startQuiz(quiz, undefined, 12345).context().quiz)).not.toBe(order(first.context().quiz));
  });

  it('leave grading alone: the answer key of any order scores full marks against the pool', () => {
    for (const seed of [0, 1, 2, 99, 4_294_967_295]) {
      const shown = attemptQuiz(quiz, { seed });
      const graded = regrade(quiz, bestAnswers(shown), { seed });
      expect(graded.ok && graded.score.percent).toBe(100);
    }
  });
});

describe('drawing from a pool', () => {
  const big = pool();

  it('draws the count, meets every kind rule and keeps the pool order, for 1,000 seeds', () => {
    const sets = new Set<string>();
    for (let seed = 0; seed < 1000; seed++) {
      const drawn = drawScenarios(big, seed);
      expect(drawn).toHaveLength(6);
      const count = (kind: string) => drawn.filter((s) => s.kind === kind).length;
      for (const kind of ['account', 'disclosure', 'branching']) expect(count(kind)).toBeGreaterThanOrEqual(1);
      for (const kind of ['account', 'disclosure', 'choice', 'multi', 'branching']) expect(count(kind)).toBeLessThanOrEqual(2);
      const positions = drawn.map((s) => big.scenarios.indexOf(s));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(drawProblem(big, drawn.map((s) => s.id))).toBeUndefined();
      sets.add(drawn.map((s) => s.id).join());
    }
    expect(sets.size).toBeGreaterThan(200);
  });

  it('gives every scenario a chance', () => {
    const seen = new Set(Array.from({ length: 300 }, (_, seed) => drawScenarios(big, seed).map((s) => s.id)).flat());
    expect(seen.size).toBe(big.scenarios.length);
  });

  it('a retry (new seed) meets at least one scenario the last attempt did not show', () => {
    const run = startQuiz(big, undefined, 5);
    const before = run.context().attempt.drawn;
    run.actor.send({ type: 'quiz.start' });
    for (let guard = 0; guard < 50 && run.state() !== 'result'; guard++) {
      const options = optionsAt(run.context().quiz.scenarios[run.context().position!.scenario]!, run.context().position!.step);
      run.answer(options[0]!.id);
    }
    run.actor.send({ type: 'quiz.retry', seed: 6 });
    expect(run.context().attempt.drawn.some((id) => !before.includes(id))).toBe(true);
  });

  it('refuses a draw that breaks the rules, and says which', () => {
    const accounts = big.scenarios.filter((s) => s.kind === 'account').map((s) => s.id);
    expect(drawProblem(big, big.scenarios.slice(0, 5).map((s) => s.id))).toBe('an attempt draws 6 scenarios, not 5');
    expect(drawProblem(big, ['no-such'])).toBe('the quiz has no scenario "no-such"');
    const threeAccounts = big.scenarios.filter((s) => accounts.includes(s.id) || ['letter-content-1', 'angry-thread-1', 'angry-thread-2'].includes(s.id)).map((s) => s.id);
    expect(drawProblem(big, threeAccounts)).toBe('an attempt has at most 2 account scenario(s), this one 3');
  });
});

describe('regrading a drawn attempt', () => {
  const big = pool();
  const spec = { seed: 42, drawn: drawnIds(big, { seed: 42 }) };
  const log = bestAnswers(attemptQuiz(big, spec));

  it('accepts the log of the draw it names', () => {
    const graded = regrade(big, log, spec);
    expect(graded.ok && graded.score.percent).toBe(100);
  });

  it('rejects a set of scenarios that could not have been drawn', () => {
    const ids = big.scenarios.filter((s) => s.kind === 'choice' || s.kind === 'multi').map((s) => s.id);
    const forged = { seed: 42, drawn: ids };
    expect(regrade(big, bestAnswers(attemptQuiz(big, forged)), forged)).toEqual({
      ok: false,
      reason: 'the scenarios of this attempt could not have been drawn: an attempt has at least 1 account scenario(s), this one 0',
    });
  });

  it('rejects a log from another draw', () => {
    const other = { seed: 43, drawn: drawnIds(big, { seed: 43 }) };
    expect(other.drawn).not.toEqual(spec.drawn);
    const graded = regrade(big, bestAnswers(attemptQuiz(big, other)), spec);
    expect(graded.ok).toBe(false);
    expect(!graded.ok && graded.reason).toMatch(/^answer \d+: (unknown scenario|expected scenario)/);
  });

  it('rejects an attempt without a seed on a quiz that draws, and a malformed seed', () => {
    expect(regrade(big, log, { seed: null })).toEqual({ ok: false, reason: 'this attempt has no seed, but the quiz draws its scenarios per attempt' });
    expect(regrade(big, log, { seed: -1 }).ok).toBe(false);
    expect(regrade(big, log, { seed: 1.5 }).ok).toBe(false);
    expect(regrade(big, log, 'seed').ok).toBe(false);
  });

  it('rejects a set the rules allow but the seed does not draw (a hand-picked set)', () => {
    const other = drawnIds(big, { seed: 43 });
    const picked = { seed: 42, drawn: other };
    expect(drawProblem(big, other)).toBeUndefined();
    expect(regrade(big, bestAnswers(attemptQuiz(big, picked)), picked)).toEqual({ ok: false, reason: 'the scenarios of this attempt are not the ones its seed draws' });
  });

  it('derives the drawn set from the seed when it is not sent', () => {
    expect(regrade(big, log, { seed: 42 }).ok).toBe(true);
  });
});
