import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers';
import { scenarioSchema } from '../../../src/lib/quiz/schema';
import { pickStrings } from '../../../src/lib/i18n/translate';
import { LOCALES } from '../../../src/lib/i18n/locales';

const KINDS = '(account|disclosure|choice|multi|branching)';
/** A test of a scenario's kind: `kind === 'multi'`, `kind !== "branching"`, `case 'account':`, `'correct' in option`. */
const KIND_TEST = new RegExp(`kind\\s*[!=]==?\\s*['"]${KINDS}['"]|['"]${KINDS}['"]\\s*[!=]==?\\s*\\S*kind|case\\s+['"]${KINDS}['"]|['"](correct|next)['"]\\s+in\\s`);
/** The only files that may look at a scenario's kind. */
const ALLOWED = /^src\/lib\/quiz\/(scenario\.ts|kinds\/)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte|astro|mjs)$/.test(name) ? [path] : [];
  });
}

describe('scenario kinds', () => {
  it('are told apart only in src/lib/quiz/kinds and the dispatcher', () => {
    const offenders = files(join(root, 'src'))
      .map((path) => relative(root, path))
      .filter((path) => !ALLOWED.test(path))
      .flatMap((path) =>
        readFileSync(join(root, path), 'utf8')
          .split('\n')
          .flatMap((line, i) => (KIND_TEST.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the forms it is meant to catch', () => {
    for (const line of [`if (s.kind === 'branching')`, `x.kind !== "multi"`, `case 'account':`, `'correct' in o && o.correct`, `'branching' === s.kind`])
      expect(KIND_TEST.test(line), line).toBe(true);
    expect(KIND_TEST.test(`row.kind === 'unsigned-record'`)).toBe(false);
  });

  it('every kind the schema knows has its badge label in every locale', () => {
    const kinds = scenarioSchema.options.map((o) => o.shape.kind.value);
    expect(kinds).toEqual(['account', 'disclosure', 'choice', 'multi', 'branching']);
    for (const locale of LOCALES) for (const kind of kinds) expect(pickStrings(locale, ['kind.'])[`kind.${kind}`], `${locale} kind.${kind}`).toBeTruthy();
  });
});
