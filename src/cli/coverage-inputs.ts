import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CoverageFragment, ModuleSummary } from '../lib/course/coverage-map';
import { readFrontmatter } from '../lib/course/read-sources';

/** Reads the coverage fragments and each module's order and titles (frontmatter) from disk. */
export function loadCoverageInputs(root: string): { fragments: CoverageFragment[]; modules: ModuleSummary[] } {
  const dir = join(root, 'modules', 'coverage');
  const fragments = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as CoverageFragment);
  const front = (locale: string, id: string) => readFrontmatter(readFileSync(join(root, 'modules', locale, `${id}.md`), 'utf8')) as { order: number; title: string };
  const modules = readdirSync(join(root, 'modules', 'lv'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const id = f.replace(/\.md$/, '');
      const lv = front('lv', id);
      return { id, order: lv.order, title: { lv: lv.title, en: front('en', id).title } };
    });
  return { fragments, modules };
}
