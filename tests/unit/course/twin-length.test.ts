import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isQuizFileName } from '../../../src/lib/course/read-sources';
import { twinLengthProblems } from '../../../src/lib/quiz/twin';
import type { Scenario } from '../../../src/lib/quiz/types';

// The course's own quizzes and the final test's bank: every twin pair's situations within 10 % in
// length in both locales (the build refuses the file too; this lists every pair at once). Read as
// plain YAML, so one failing file does not hide the others.
const root = join(import.meta.dirname, '..', '..', '..');
const files = [
  ...readdirSync(join(root, 'quizzes')).filter(isQuizFileName).map((f) => `quizzes/${f}`),
  ...readdirSync(join(root, 'quizzes', 'final-test')).filter((f) => f.endsWith('.yaml')).map((f) => `quizzes/final-test/${f}`),
];

describe('twin situations of the course are within 10 % in length', () => {
  it.each(files)('%s', (file) => {
    const scenarios = (parse(readFileSync(join(root, file), 'utf8')) as { scenarios: Scenario[] }).scenarios;
    expect(twinLengthProblems(scenarios).map((p) => `${file}: ${p}`)).toEqual([]);
  });
});
