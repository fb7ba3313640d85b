import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptProblem, drawnIds, isDrawnBySeed, type AttemptSpec } from '../../../src/lib/quiz/attempt';
import { twinPairs } from '../../../src/lib/quiz/draw';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { fixtureQuiz, root, seeds } from '../helpers';

// The browser resumes a saved attempt only when isDrawnBySeed says it is its seed's draw; the
// server refuses a result when attemptProblem gives a reason. The two must agree on every attempt.

const files = readdirSync(join(root, 'quizzes')).filter((name) => name.endsWith('.yaml') && !name.startsWith('_'));
const course: QuizFile[] = files.map((name) => loadQuizFile(`quizzes/${name}`, readFileSync(join(root, 'quizzes', name), 'utf8'), seeds));

/** Attempts around the one a seed draws: itself, and the ways a stored or hand-made one differs. */
function attemptsNear(quiz: QuizFile, seed: number): AttemptSpec[] {
  const drawn = drawnIds(quiz, { seed });
  const others = quiz.scenarios.map((s) => s.id).filter((id) => !drawn.includes(id));
  const swap = (i: number) => drawn.map((id, k) => (k === i ? drawn[i + 1]! : k === i + 1 ? drawn[i]! : id));
  return [
    { seed },
    { seed, drawn },
    { seed: seed + 1, drawn },
    { seed: null, drawn },
    { seed: null },
    { seed, drawn: [] },
    { seed, drawn: [...drawn].reverse() },
    { seed, drawn: drawn.slice(0, -1) },
    { seed, drawn: [...drawn, drawn[0]!] },
    { seed, drawn: [drawn[0]!, ...drawn.slice(0, -1)] },
    { seed, drawn: [...drawn.slice(0, -1), 'no-such-scenario'] },
    ...drawn.slice(0, -1).map((_, i) => ({ seed, drawn: swap(i) })),
    ...others.slice(0, 3).map((id) => ({ seed, drawn: [...drawn.slice(0, -1), id] })),
    { seed, drawn: drawnIds(quiz, { seed: seed + 7 }) },
  ];
}

describe('isDrawnBySeed (the browser’s resume check) against attemptProblem (the server’s)', () => {
  it('covers pools that draw, pools with twins and a quiz that shows every scenario', () => {
    expect(course.length).toBeGreaterThan(0);
    expect(course.some((q) => q.draw)).toBe(true);
    expect(course.some((q) => twinPairs(q.scenarios).length > 0)).toBe(true);
    expect(fixtureQuiz().draw).toBeUndefined();
  });

  it('gives the same verdict on every attempt, accepting the seeds’ draws and refusing altered ones', () => {
    let accepted = 0;
    let refused = 0;
    const named: [string, QuizFile][] = [...course.map((q, i) => [files[i]!, q] as [string, QuizFile]), ['fixture', fixtureQuiz()]];
    for (const [name, quiz] of named)
      for (let seed = 0; seed < 25; seed++)
        for (const spec of attemptsNear(quiz, seed)) {
          const server = attemptProblem(quiz, spec) === undefined;
          expect(isDrawnBySeed(quiz, spec), `${name} ${JSON.stringify(spec)}: ${attemptProblem(quiz, spec)}`).toBe(server);
          if (server) accepted++;
          else refused++;
        }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  }, 60_000);
});
