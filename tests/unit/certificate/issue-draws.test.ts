import { describe, expect, it } from 'vitest';
import { checkIssueRequest, type CourseQuiz } from '../../../src/lib/certificate/issue-request';
import { bestAnswers } from '../../../src/lib/quiz/answer-key';
import { attemptQuiz, drawnIds } from '../../../src/lib/quiz/attempt';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
/** The fixture as a pool that draws 3 of its 5 scenarios. */
const pool: QuizFile = { ...quiz, draw: { count: 3, atLeast: { branching: 1 } } };
const course: CourseQuiz[] = [
  { id: 'plain', title: { lv: 'Bez izlozes', en: 'No draw' }, quiz },
  { id: 'pool', title: { lv: 'Izloze', en: 'Drawn' }, quiz: pool },
];
const spec = { seed: 2026, drawn: drawnIds(pool, { seed: 2026 }) };
const body = (draws: unknown, poolLog = bestAnswers(attemptQuiz(pool, spec))) => ({
  name: 'Anna Bērziņa',
  locale: 'lv',
  logs: { plain: bestAnswers(quiz), pool: poolLog },
  draws,
});

describe('a certificate request with drawn attempts', () => {
  it('is re-graded against the draw each module names', () => {
    const result = checkIssueRequest(body({ pool: spec }), course);
    expect(result.ok && result.modules.map((m) => m.percent)).toEqual([100, 100]);
  });

  it('accepts a module from before shuffling (no draw sent) where the quiz does not draw', () => {
    expect(checkIssueRequest(body({ pool: spec, plain: { seed: null } }), course).ok).toBe(true);
  });

  it('is refused when a drawing module sends no draw, or a log from another draw', () => {
    const none = checkIssueRequest(body({}), course);
    expect(none).toMatchObject({ ok: false, code: 'log-invalid', message: 'module "pool": this attempt has no seed, but the quiz draws its scenarios per attempt' });
    const seed = Array.from({ length: 50 }, (_, i) => i).find((n) => drawnIds(pool, { seed: n }).join() !== spec.drawn.join())!;
    const other = { seed, drawn: drawnIds(pool, { seed }) };
    const wrong = checkIssueRequest(body({ pool: other }), course);
    expect(wrong).toMatchObject({ ok: false, code: 'log-invalid' });
  });

  it('is refused when the named scenarios are allowed by the rules but not what the seed draws', () => {
    const seed = Array.from({ length: 50 }, (_, i) => i).find((n) => drawnIds(pool, { seed: n }).join() !== spec.drawn.join())!;
    const picked = { seed: spec.seed, drawn: drawnIds(pool, { seed }) };
    const result = checkIssueRequest(body({ pool: picked }, bestAnswers(attemptQuiz(pool, picked))), course);
    expect(result).toMatchObject({ ok: false, code: 'log-invalid', message: 'module "pool": the scenarios of this attempt are not the ones its seed draws' });
  });

  it('is refused when the named scenarios could not have been drawn', () => {
    const forged = { seed: 1, drawn: quiz.scenarios.filter((s) => s.kind !== 'branching').slice(0, 3).map((s) => s.id) };
    const result = checkIssueRequest(body({ pool: forged }, bestAnswers(attemptQuiz(pool, forged))), course);
    expect(result).toMatchObject({ ok: false, code: 'log-invalid', message: 'module "pool": the scenarios of this attempt could not have been drawn: an attempt has at least 1 branching scenario(s), this one 0' });
  });
});
