import { maxPoints } from './scoring';
import type { AnswerLog, BranchingScenario, QuizFile, Scenario } from './types';

/**
 * The answers a quiz counts as best: the correct options, and in branching scenarios the path to
 * the best ending. Used by trainers' answer reveal and by tests that complete the course.
 */
export function bestAnswers(quiz: QuizFile): AnswerLog {
  return quiz.scenarios.flatMap((s) => answersFor(s, 'best'));
}

/** The answers that earn nothing: a wrong option, the path to a zero-point ending. */
export function worstAnswers(quiz: QuizFile): AnswerLog {
  return quiz.scenarios.flatMap((s) => answersFor(s, 'worst'));
}

function answersFor(scenario: Scenario, aim: 'best' | 'worst'): AnswerLog {
  if (scenario.kind === 'branching') return pathTo(scenario, aim === 'best' ? maxPoints(scenario) : Math.min(...scenario.endings.map((e) => e.points)));
  const options = scenario.options.filter((o) => o.correct === (aim === 'best'));
  const choice = aim === 'best' && scenario.kind === 'multi' ? options.map((o) => o.id) : [options[0]!.id];
  return [{ scenario: scenario.id, choice }];
}

/** The steps and choices from the start to the first ending worth `points` (graphs are acyclic). */
function pathTo(scenario: BranchingScenario, points: number): AnswerLog {
  const search = (stepId: string): AnswerLog | undefined => {
    const step = scenario.steps.find((s) => s.id === stepId)!;
    for (const option of step.options) {
      const here = { scenario: scenario.id, step: stepId, choice: [option.id] };
      const ending = scenario.endings.find((e) => e.id === option.next);
      if (ending) {
        if (ending.points === points) return [here];
        continue;
      }
      const rest = search(option.next);
      if (rest) return [here, ...rest];
    }
    return undefined;
  };
  return search(scenario.start)!;
}
