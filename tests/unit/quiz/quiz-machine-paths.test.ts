import { getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { quizMachine, type QuizEvent } from '../../../src/lib/quiz/quiz-machine';
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

/** Every run from the intro to the result, generated from the machine graph for a one-scenario quiz. */
function paths(scenario: Scenario) {
  const quiz: QuizFile = { ...fixture, scenarios: [scenario] };
  return getSimplePaths(quizMachine, {
    input: { quiz, seed: 3 },
    events: (snapshot): QuizEvent[] => {
      const { position, quiz: shown } = snapshot.context;
      if (snapshot.matches('intro')) return [{ type: 'quiz.start' }];
      if (snapshot.matches('answering') && position) return answers(shown, shown.scenarios[position.scenario]!, position.step);
      if (snapshot.matches('feedback')) return [{ type: 'quiz.next' }];
      return [];
    },
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.log]),
    toState: (snapshot) => snapshot.matches('result'),
  });
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
