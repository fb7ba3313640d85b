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

/**
 * The fixture tripled into a pool of 15 (ids suffixed -1, -2, -3) with two twin pairs declared on
 * the second: evening-question-2 of -1 (key flipped to personal-private), letter-content-2 of -1
 * (key: share); the third copies and two others get another question so they are not look-alikes.
 * Used by the twin and gambler tests.
 */
export function tripledTwinData(): any {
  const flip = (options: any[], correct: string) => options.map((o: any) => ({ ...o, correct: o.id === correct }));
  const data = fixtureData();
  data.scenarios = [1, 2, 3].flatMap((n) => data.scenarios.map((s: any) => ({ ...structuredClone(s), id: `${s.id}-${n}` })));
  const byId = (id: string) => data.scenarios.find((s: any) => s.id === id);
  Object.assign(byId('evening-question-2'), { twin: 'evening-question-1', options: flip(byId('evening-question-2').options, 'personal-private') });
  Object.assign(byId('letter-content-2'), { twin: 'letter-content-1', options: flip(byId('letter-content-2').options, 'share') });
  for (const s of data.scenarios.filter((s: any) => s.id.endsWith('-3') && s.question)) s.question = { lv: `${s.question.lv} (3)`, en: `${s.question.en} (3)` };
  for (const s of data.scenarios.filter((s: any) => /^(good-principles|press-release)-2$/.test(s.id))) s.question = { lv: `${s.question.lv} (2)`, en: `${s.question.en} (2)` };
  return data;
}
