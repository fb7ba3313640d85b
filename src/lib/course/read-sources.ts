import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadQuizFile } from '../quiz/load-quiz-file';
import type { Quiz } from '../quiz/types';
import type { SeedTexts } from '../quiz/validate-quiz';

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

/** Every `quizzes/*.yaml`, validated against the seeds, in file-name order (Node only). */
export function readQuizzes(root: string): Quiz[] {
  const seeds = readSeeds(root);
  return readdirSync(join(root, 'quizzes'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadQuizFile(`quizzes/${f}`, readFileSync(join(root, 'quizzes', f), 'utf8'), seeds));
}

/** The YAML frontmatter of a Markdown file, as Astro's loader reads it. */
export function readFrontmatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? (parse(match[1]!) as Record<string, unknown>) : {};
}
