import { describe, expect, it } from 'vitest';
import { initialQuizSnapshot, quizTransition, type QuizEvent, type QuizSnapshot } from '../../../src/lib/quiz/quiz-machine';
import { allowsSeveral, correctAt, endingsOf, optionsAt, scoreScenario, startOf } from '../../../src/lib/quiz/scenario';
import type { QuizFile, Scenario } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';

const fixture = fixtureQuiz();

/** The answers a learner can give at the machine's current question (for several answers: each option, the right set, all). */
function answers(quiz: QuizFile, scenario: Scenario, step: string | undefined): QuizEvent[] {
  const ids = optionsAt(scenario, step).map((o) => o.id);
  const choices = allowsSeveral(scenario) ? [...ids.map((id) => [id]), correctAt(scenario, step), ids] : ids.map((id) => [id]);
  return choices.map((choice) => ({ type: 'answer.submit', choice }));
}

/** The events a learner can send in a state (what the player offers there). */
function events(snapshot: QuizSnapshot): QuizEvent[] {
  const { position, quiz: shown } = snapshot.context;
  if (snapshot.value === 'intro') return [{ type: 'quiz.start' }];
  if (snapshot.value === 'answering' && position) return answers(shown, shown.scenarios[position.scenario]!, position.step);
  if (snapshot.value === 'feedback') return [{ type: 'quiz.next' }];
  return [];
}

/**
 * Every simple run from the intro to the result for a one-scenario quiz, found by walking the
 * transition function depth-first (a state is [value, log]; a path never visits one twice), as
 * @xstate/graph's getSimplePaths did for the xstate machine.
 */
function paths(scenario: Scenario) {
  const quiz: QuizFile = { ...fixture, scenarios: [scenario] };
  const found: { state: QuizSnapshot; steps: number }[] = [];
  const key = (s: QuizSnapshot) => JSON.stringify([s.value, s.context.log]);
  const walk = (state: QuizSnapshot, visited: Set<string>, steps: number) => {
    if (steps > 200) throw new Error('path too long: a loop in the quiz transitions');
    if (state.value === 'result') return void found.push({ state, steps });
    for (const event of events(state)) {
      const next = quizTransition(state, event);
      if (!next || visited.has(key(next.snapshot))) continue;
      walk(next.snapshot, new Set([...visited, key(next.snapshot)]), steps + 1);
    }
  };
  const start = initialQuizSnapshot({ quiz, seed: 3 });
  walk(start, new Set([key(start)]), 0);
  return found;
}

describe.each(fixture.scenarios.map((s) => [s.kind, s] as const))('every path through a %s scenario', (kind, scenario) => {
  const all = paths(scenario);

  it('ends on the result with the score the scenario gives its answers', () => {
    expect(all.length).toBeGreaterThan(1);
    for (const path of all) {
      const { context } = path.state;
      expect(path.state.value).toBe('result');
      const expected = scoreScenario(scenario, context.log);
      expect(context.score?.earned).toBe(expected.earned);
      expect(context.score?.passed).toBe(expected.earned * 100 >= fixture.passPercent * expected.max);
    }
  });

  it('covers every answer: each option (and for several answers, the right set) and every ending', () => {
    const first = all.map((p) => p.state.context.log[0]!.choice.join('+'));
    for (const option of optionsAt(scenario, startOf(scenario))) expect(first).toContain(option.id);
    const endings = new Set(all.map((p) => scoreScenario(scenario, p.state.context.log).ending?.id).filter(Boolean));
    expect(endings.size).toBe(endingsOf(scenario).length);
    expect(all.some((p) => p.state.context.score?.passed)).toBe(true);
    expect(all.some((p) => !p.state.context.score?.passed)).toBe(true);
    expect(kind).toBe(scenario.kind);
  });
});
