import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonMarkupProblems } from '../../../src/lib/course/local-modules';
import { root } from '../helpers';

// A hostile review (round 9): whoever controls the institution's local folder must not put HTML or a
// code-running link on every learner's page through a lesson's Markdown (src/data/course.ts runs this
// on every local lesson and stops the build with the problems).
const FILE = 'iestade/local/lv/x.md';

describe('local lesson markup', () => {
  it('lets the fixture’s lessons and plain Markdown (links, autolinks, code) through', () => {
    for (const locale of ['lv', 'en']) {
      const text = readFileSync(join(root, `tests/fixtures/institutions/ministrija/local/${locale}/ministrijas-kartiba.md`), 'utf8');
      expect(lessonMarkupProblems(FILE, text.replace(/^---[\s\S]*?\n---\n/, ''))).toEqual([]);
    }
    const plain = ['Skat. [kārtību](https://intranet.example/kartiba) un <https://intranet.example/>.', 'Rakstiet uz <a@b.lv>; 2 < 3 un 5 > 4.', '`<script>` ir kods.', '```html', '<script>alert(1)</script>', '```', '{contact}'];
    expect(lessonMarkupProblems(FILE, plain.join('\n'))).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', 'HTML is not allowed'],
    ['Teksts <img src=x onerror=alert(1)> teksts', 'HTML is not allowed'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', 'HTML is not allowed'],
    ['<iframe src="https://evil.example"></iframe>', 'HTML is not allowed'],
    ['<form action="https://evil.example"><input name="parole"></form>', 'HTML is not allowed'],
    ['<style>body{display:none}</style>', 'HTML is not allowed'],
    ['<!-- slēpts -->', 'HTML is not allowed'],
    ['<SVG onload=alert(1)>', 'HTML is not allowed'],
    ['[klikšķiniet](javascript:alert(1))', 'a javascript: link'],
    ['[klikšķiniet]( JaVaScRiPt:alert(1))', 'a javascript: link'],
    ['[klikšķiniet](javascript&#58;alert(1))', 'a javascript: link'],
    ['[klikšķiniet](&#x6A;avascript:alert(1))', 'a javascript: link'],
    ['[klikšķiniet](java\tscript:alert(1))', 'a javascript: link'],
    ['<javascript:alert(1)>', 'a javascript: link'],
    ['[x]: data:text/html;base64,PHNjcmlwdD4=', 'a data: link'],
    ['[fails](file:///etc/passwd)', 'a file: link'],
  ])('refuses %s naming file › body line', (line, message) => {
    const problems = lessonMarkupProblems(FILE, `Pirmā rinda.\n\n${line}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^iestade/local/lv/x\\.md › body line 3: ${message}`));
  });
});
