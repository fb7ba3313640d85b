import { describe, expect, it } from 'vitest';
import { attemptQuiz } from '../../../src/lib/quiz/attempt';
import { drawScenarios, twinPairs } from '../../../src/lib/quiz/draw';
import { feedbackPlan } from '../../../src/lib/quiz/twin-feedback';
import { initialQuizSnapshot, quizTransition, type QuizSnapshot } from '../../../src/lib/quiz/quiz-machine';
import { optionsAt, startOf } from '../../../src/lib/quiz/scenario';
import type { AnswerEntry, QuizFile } from '../../../src/lib/quiz/types';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { fixtureData, seeds } from '../helpers';

const flip = (options: any[], correct: string) => options.map((o: any) => ({ ...o, correct: o.id === correct }));
/** The fixture doubled (ids -1, -2), its account question paired with its copy, key flipped; every attempt holds the pair. */
function pool(): QuizFile {
  const data = fixtureData();
  data.scenarios = [1, 2].flatMap((n) => data.scenarios.map((s: any) => ({ ...structuredClone(s), id: `${s.id}-${n}` })));
  const twin = data.scenarios.find((s: any) => s.id === 'evening-question-2');
  Object.assign(twin, { twin: 'evening-question-1', options: flip(twin.options, 'personal-private') });
  for (const s of data.scenarios.filter((s: any) => s.id.endsWith('-2') && s.question && s !== twin)) s.question = { lv: `${s.question.lv} (2)`, en: `${s.question.en} (2)` };
  const result = validateQuiz({ ...data, draw: { count: 4, atLeast: { twins: 1 } } }, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz;
}

/** Answers every question of an attempt with its first option, collecting the plan after each answer. */
function walk(quiz: QuizFile, seed: number) {
  let snap: QuizSnapshot = initialQuizSnapshot({ quiz, seed });
  snap = quizTransition(snap, { type: 'quiz.start' })!.snapshot;
  const plans: { answered: string; plan: ReturnType<typeof feedbackPlan> }[] = [];
  while (snap.value === 'answering') {
    const { position, quiz: attempt } = snap.context;
    const scenario = attempt.scenarios[position!.scenario]!;
    const choice = [optionsAt(scenario, position!.step ?? startOf(scenario))[0]!.id];
    snap = quizTransition(snap, { type: 'answer.submit', choice })!.snapshot;
    plans.push({ answered: scenario.id, plan: feedbackPlan(snap.context.quiz, snap.context.log) });
    snap = quizTransition(snap, { type: 'quiz.next' })!.snapshot;
  }
  return { attempt: snap.context.quiz, plans };
}

describe('feedback held for a twin until its pair is answered', () => {
  it('holds the first twin answered and shows both after the second, the first twin first, whichever order the seed gives', () => {
    const quiz = pool();
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const { attempt, plans } = walk(quiz, seed);
      const [[a, b]] = twinPairs(attempt.scenarios) as [[number, number]];
      const [first, second] = [attempt.scenarios[a]!.id, attempt.scenarios[b]!.id];
      orders.add(first);
      for (const { answered, plan } of plans) {
        if (answered === first) expect(plan).toEqual({ held: true });
        else if (answered === second) expect(plan).toMatchObject({ held: false, shown: [{ entry: { scenario: first }, scenario: a }, { entry: { scenario: second }, scenario: b }] });
        else if (plan?.held === false) expect(plan.shown.map((s) => s.entry.scenario)).toEqual([answered]);
        else throw new Error(`feedback held for ${answered}, which is not a twin`);
      }
    }
    // The seed puts either twin first; the plan follows the attempt, not the file.
    expect(orders.size).toBe(2);
  });

  it('holds it again on a reload between the twins (the plan comes from the saved log alone)', () => {
    const quiz = pool();
    const seed = 3;
    const drawn = drawScenarios(quiz, seed).map((s) => s.id);
    const attempt = attemptQuiz(quiz, { seed, drawn });
    const [[a]] = twinPairs(attempt.scenarios) as [[number, number]];
    // Answer up to and including the first twin, then restore from what was saved.
    const log: AnswerEntry[] = [];
    let snap = quizTransition(initialQuizSnapshot({ quiz, seed }), { type: 'quiz.start' })!.snapshot;
    while (log.length === 0 || log.at(-1)!.scenario !== attempt.scenarios[a]!.id) {
      const { position } = snap.context;
      const s = snap.context.quiz.scenarios[position!.scenario]!;
      snap = quizTransition(snap, { type: 'answer.submit', choice: [optionsAt(s, position!.step ?? startOf(s))[0]!.id] })!.snapshot;
      log.splice(0, log.length, ...snap.context.log);
      if (log.at(-1)!.scenario !== attempt.scenarios[a]!.id) snap = quizTransition(snap, { type: 'quiz.next' })!.snapshot;
    }
    const restored = initialQuizSnapshot({ quiz, seed: 999, resume: { seed, drawn, log, phase: 'feedback' } });
    expect(restored.value).toBe('feedback');
    expect(feedbackPlan(restored.context.quiz, restored.context.log)).toEqual({ held: true });
  });

  it('shows nothing before the first answer', () => {
    expect(feedbackPlan(pool(), [])).toBeUndefined();
  });
});
