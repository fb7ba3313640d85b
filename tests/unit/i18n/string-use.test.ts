import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseTexts, modulePassLabel } from '../../../src/lib/certificate/course-texts';
import { formatPercent, STRINGS } from '../../../src/lib/i18n/translate';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { root } from '../helpers';

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const code = [...files(join(root, 'src')), ...files(join(root, 'scripts'))]
  .filter((f) => /\.(ts|astro|svelte|mjs)$/.test(f) && !relative(root, f).startsWith(join('src', 'lib', 'i18n', 'strings')))
  .map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));
const all = code.map((c) => c.text).join('\n');

describe('the UI strings', () => {
  it('are all used: each key is named in the code, or built there from a prefix (`status.${…}`)', () => {
    // A prefix built at run time covers its keys; a template type (`verify.${string}`) does not.
    const built = [...all.matchAll(/`([a-zA-Z]+\.[a-zA-Z.-]*)\$\{(?!string\})/g)].map((m) => m[1]!);
    const unused = Object.keys(STRINGS.lv).filter((key) => !new RegExp(`['"\`]${key.replace(/\./g, '\\.')}['"\`]`).test(all) && !built.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('have no hard-coded pass mark: the certificate texts take it from the quizzes', () => {
    for (const locale of ['lv', 'en'] as const)
      for (const key of ['certificate.criteria', 'certificate.criteria.finalTest', 'certificate.courseDescription'] as const) expect(STRINGS[locale][key], key).not.toMatch(/\d+ ?%/);
  });
});

describe('islands read strings typed', () => {
  it('with no `!` on a string lookup (a missing key is a type error instead)', () => {
    const offenders = code
      .filter((c) => c.file.startsWith(join('src', 'components')))
      .flatMap((c) => [...c.text.matchAll(/\b(strings|ui|transferStrings)\[[^\]]+\]!/g)].map((m) => `${c.file}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('with a typed strings prop, never an untyped bag', () => {
    const untyped = code.filter((c) => c.file.endsWith('.svelte') && /\bstrings: Record<string, string>/.test(c.text)).map((c) => c.file);
    expect(untyped).toEqual([]);
  });
});

describe('certificate texts built from the course', () => {
  const quiz = (passPercent: number) => ({ passPercent }) as QuizFile;
  const course = [
    { id: 'a', title: { lv: 'Pirmais', en: 'First' }, quiz: quiz(80) },
    { id: 'b', title: { lv: 'Otrais', en: 'Second' }, quiz: quiz(80) },
  ];

  it('state the module pass mark from the quizzes, and a range when they differ', () => {
    expect(modulePassLabel('lv', course)).toBe(formatPercent('lv', 80));
    expect(modulePassLabel('en', course)).toBe('80%');
    expect(modulePassLabel('en', [...course, { ...course[0]!, quiz: quiz(70) }])).toBe('70–80%');
  });

  it('list the modules by title and name both pass marks with a final test', () => {
    const texts = courseTexts('en', course, 75);
    expect(texts.description).toContain('First; Second');
    expect(texts.criteria).toContain('80%');
    expect(texts.criteria).toContain('75%');
    expect(courseTexts('lv', [{ ...course[0]!, quiz: quiz(90) }]).criteria).toContain(formatPercent('lv', 90));
  });
});
