import { describe, expect, it } from 'vitest';
import { compareWithKnown, readKnownFailures } from '../../../src/lib/quiz/known-failures';
import { guessabilityReport } from '../../../src/lib/course/read-sources';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { join } from 'node:path';
import { root } from '../helpers';

const problem = (key: string) => ({ key, detail: 'why' });

describe('known guessability failures', () => {
  it('turn a listed problem into a warning and an unlisted one into an error', () => {
    const report = compareWithKnown({ a: [problem('old'), problem('new')] }, { a: ['old'] }, 'k.yaml');
    expect(report.warnings).toEqual(['quizzes/a.yaml: old (why)']);
    expect(report.errors).toEqual(['quizzes/a.yaml: new (why)']);
  });

  it('fail on a listed problem that no longer occurs, so the list only shrinks', () => {
    expect(compareWithKnown({ a: [] }, { a: ['fixed'] }, 'k.yaml').errors).toEqual(['k.yaml: "a" › "fixed" no longer occurs: remove it from the list']);
    expect(compareWithKnown({}, { gone: ['x'] }, 'k.yaml').errors[0]).toMatch(/no longer occurs \(no such quiz\)/);
  });

  it('refuse a malformed list with the file named', () => {
    expect(() => readKnownFailures(['x'], 'quizzes/_known-failures.yaml')).toThrow(/quizzes\/_known-failures\.yaml: must map quiz ids/);
    expect(() => readKnownFailures({ a: [1] }, 'f.yaml')).toThrow(/f\.yaml: a: must be a list/);
    expect(readKnownFailures(null, 'f.yaml')).toEqual({});
  });

  it('match today’s quizzes exactly: every problem listed, nothing listed that is fixed', () => {
    const report = guessabilityReport(join(root, 'quizzes'), readQuizzes(root));
    expect(report.errors).toEqual([]);
  }, 60_000);
});
