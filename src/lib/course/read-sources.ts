import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { LOCALES } from '../i18n/locales';
import { pickStrings } from '../i18n/translate';
import { guessabilityProblems } from '../quiz/guessability';
import { compareWithKnown, readKnownFailures, type KnownFailureReport } from '../quiz/known-failures';
import { loadQuizFile } from '../quiz/load-quiz-file';
import type { Quiz } from '../quiz/types';
import type { SeedTexts } from '../quiz/validate-quiz';
import { isQuizFileName } from './quiz-file-name';

/** Files in `quizzes/` starting with `_` are about the quizzes (the known failures), not quizzes. */
export { isQuizFileName };

/**
 * Reads the seed documents in `modules/sources/`. Node file access, used only at build time and in
 * tests; the browser never needs the seeds.
 */
export function readSeeds(root: string): SeedTexts {
  const dir = join(root, 'modules', 'sources');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

export const KNOWN_FAILURES_FILE = '_known-failures.yaml';

/**
 * Every `quizzes/*.yaml`, validated against the seeds, in file-name order (Node only). Module
 * quizzes must carry their scenarios' discussion questions; the final test's bank
 * (`quizzes/final-test/`) has none.
 */
export function readQuizzes(root: string, dir = join(root, 'quizzes')): Quiz[] {
  const seeds = readSeeds(root);
  const module = resolve(dir) !== resolve(root, 'quizzes', 'final-test');
  return readdirSync(dir)
    .filter(isQuizFileName)
    .sort()
    .map((f) => loadQuizFile(`quizzes/${f}`, readFileSync(join(dir, f), 'utf8'), seeds, { module }));
}

/** The standard option labels of fixed-option kinds, per locale, as learners see them. */
export const standardLabels = (): Record<(typeof LOCALES)[number], Record<string, string>> => ({ lv: pickStrings('lv', ['option.']), en: pickStrings('en', ['option.']) });

/** The quizzes' guessability problems against `quizzes/_known-failures.yaml` in the same folder. */
export function guessabilityReport(dir: string, quizzes: readonly Quiz[]): KnownFailureReport {
  const path = join(dir, KNOWN_FAILURES_FILE);
  const file = `quizzes/${KNOWN_FAILURES_FILE}`;
  const known = existsSync(path) ? readKnownFailures(parse(readFileSync(path, 'utf8')), file) : {};
  const labels = standardLabels();
  return compareWithKnown(Object.fromEntries(quizzes.map((q) => [q.moduleId, guessabilityProblems(q, labels)])), known, file);
}

/** The YAML frontmatter of a Markdown file, as Astro's loader reads it. */
export function readFrontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? (parse(match[1]!) as Record<string, unknown>) : {};
}
