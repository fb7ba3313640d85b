import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSeeds } from '../../src/lib/course/read-sources';
import { loadQuizFile } from '../../src/lib/quiz/load-quiz-file';
import type { Quiz } from '../../src/lib/quiz/types';

export const root = join(import.meta.dirname, '..', '..');
export const seeds = readSeeds(root);

export function fixtureText(name: string): string {
  return readFileSync(join(root, 'tests', 'fixtures', name), 'utf8');
}

/** The valid fixture quiz (every kind), validated as the build does. */
export function fixtureQuiz(): Quiz {
  return loadQuizFile('tests/fixtures/quizzes/valid.yaml', fixtureText('quizzes/valid.yaml'), seeds);
}

/** The fixture's raw data, for breaking it one field at a time. */
export function fixtureData(): any {
  return parse(fixtureText('quizzes/valid.yaml'));
}
