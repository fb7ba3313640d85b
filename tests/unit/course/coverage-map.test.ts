import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCoverageInputs } from '../../../src/cli/coverage-inputs';
import { coverageMarkdown } from '../../../src/lib/course/coverage-map';
import { root } from '../helpers';

describe('modules/COVERAGE.md', () => {
  it('is up to date with the coverage fragments (npm run coverage-map)', () => {
    const { fragments, modules } = loadCoverageInputs(root);
    expect(readFileSync(join(root, 'modules', 'COVERAGE.md'), 'utf8')).toBe(coverageMarkdown(fragments, modules));
  });

  it('lists each module in order with its points and scenarios', () => {
    const md = coverageMarkdown(
      [{ module: 'b', points: [{ id: 'p', topic: { lv: 'Tēma', en: 'Topic' }, seed: '001_x.txt', quote: 'Citāts | ar svītru', scenarios: ['s1'] }] }],
      [
        { id: 'b', order: 2, title: { lv: 'Otrais', en: 'Second' } },
        { id: 'a', order: 1, title: { lv: 'Pirmais', en: 'First' } },
      ],
    );
    expect(md.indexOf('## 1. Pirmais / First')).toBeLessThan(md.indexOf('## 2. Otrais / Second'));
    expect(md).toContain('| Tēma / Topic | „Citāts \\| ar svītru” (001) | `s1` |');
    expect(md).toContain('_No points mapped._');
  });
});
