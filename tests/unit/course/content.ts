import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { moduleSchema } from '../../../src/lib/course/module-schema';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { readFrontmatter, readQuizzes } from '../../../src/lib/course/read-sources';
import { root } from '../helpers';

/** `MODULE=<id>` limits the content tests to one module, for authors working on it. */
export const only = process.env.MODULE;

export const quizzes = readQuizzes(root).filter((q) => !only || q.moduleId === only);

export const modules = LOCALES.flatMap((locale) =>
  readdirSync(join(root, 'modules', locale))
    .filter((f) => f.endsWith('.md') && (!only || f === `${only}.md`))
    .map((f) => {
      const text = readFileSync(join(root, 'modules', locale, f), 'utf8');
      return { locale, id: f.replace(/\.md$/, ''), data: moduleSchema.parse(readFrontmatter(text)), body: text.replace(/^---[\s\S]*?\n---/, '') };
    }),
);

export interface CoveragePoint {
  id: string;
  topic: { lv: string; en: string };
  seed: string;
  quote: string;
  scenarios: string[];
}

const coverageDir = join(root, 'modules', 'coverage');
export const coverage: { file: string; module: string; points: CoveragePoint[] }[] = existsSync(coverageDir)
  ? readdirSync(coverageDir)
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('_') && (!only || f === `${only}.yaml`))
      .map((f) => ({ file: `modules/coverage/${f}`, ...(parse(readFileSync(join(coverageDir, f), 'utf8')) as { module: string; points: CoveragePoint[] }) }))
  : [];

export const notTaught: { sentence: string; reason: string }[] = existsSync(join(coverageDir, '_not-taught.yaml'))
  ? (parse(readFileSync(join(coverageDir, '_not-taught.yaml'), 'utf8')) as { sentences: { sentence: string; reason: string }[] }).sentences
  : [];
