import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { paramsOf, pathTo, routePaths, type PageRef } from '../../../src/lib/i18n/routes';
import { root } from '../helpers';

const every: PageRef[] = [
  { page: 'home' },
  { page: 'progress' },
  { page: 'certificate' },
  { page: 'final-test' },
  { page: 'verify' },
  { page: 'workshop' },
  { page: 'present' },
  { page: 'join' },
  { page: 'module', id: 'm' },
  { page: 'guide', id: 'm' },
  { page: 'handout', id: 'm' },
];
const pages = join(root, 'src', 'pages');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

describe('the route table', () => {
  it('gives Latvian addresses in Latvian and English ones in English', () => {
    expect(pathTo('lv', { page: 'guide', id: 'x' })).toBe('/lv/moduli/x/vaditajam/');
    expect(pathTo('en', { page: 'guide', id: 'x' })).toBe('/en/modules/x/facilitator-guide/');
    expect(pathTo('lv', { page: 'final-test' })).toBe('/lv/nosleguma-tests/');
    expect(pathTo('en', { page: 'home' })).toBe('/en/');
  });

  it('names each address part after a route file that exists, so a path and its page cannot drift apart', () => {
    for (const locale of LOCALES)
      for (const ref of every) {
        const params = paramsOf(locale, ref);
        const names = Object.keys(params).filter((k) => k !== 'locale');
        const file = join(pages, '[locale]', ...names.map((n) => `[${n}]`));
        expect(existsSync(`${file}.astro`) || (names.length === 0 && existsSync(join(pages, '[locale]', 'index.astro'))), `${ref.page}: ${relative(root, file)}.astro`).toBe(true);
        // The same values, joined, are the address.
        expect(`/${Object.values(params).join('/')}/`).toBe(pathTo(locale, ref));
      }
  });

  it('hands Astro the params and the page ref in both locales, and refuses a view model for another page', async () => {
    const paths = await routePaths('module', (locale) => [{ ref: { page: 'module', id: `m-${locale}` }, props: { n: 1 } }]);
    expect(paths.map((p) => p.params)).toEqual([
      { locale: 'lv', modules: 'moduli', id: 'm-lv' },
      { locale: 'en', modules: 'modules', id: 'm-en' },
    ]);
    expect(paths[1]!.props).toEqual({ n: 1, locale: 'en', ref: { page: 'module', id: 'm-en' } });
    await expect(routePaths('module', () => [{ ref: { page: 'guide', id: 'x' } as never, props: {} }])).rejects.toThrow(/guide/);
  });

  it('is the only place that spells an address: no route file or page view model writes a path segment', () => {
    const segments = new Set(LOCALES.flatMap((l) => every.flatMap((ref) => Object.entries(paramsOf(l, ref)).filter(([k]) => k !== 'locale' && k !== 'id').map(([, v]) => v))));
    // Page routes only: the API's addresses (/api/…) are not pages and not localised.
    const sources = [...files(pages).filter((f) => /\.(astro|ts)$/.test(f) && !relative(pages, f).startsWith('api')), join(root, 'src', 'data', 'pages.ts')];
    const offenders = sources.flatMap((f) => {
      const text = readFileSync(f, 'utf8').replace(/^import .*$/gm, '');
      return [...segments].filter((s) => new RegExp(`/${s}[/'"\`]|['"\`]${s}/`).test(text)).map((s) => `${relative(root, f)}: ${s}`);
    });
    expect(offenders).toEqual([]);
  });

  it('serves every page through the table: each route file under [locale] builds its paths with routePaths or onePerLocale', () => {
    const routeFiles = files(join(pages, '[locale]')).filter((f) => f.endsWith('.astro'));
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    for (const f of routeFiles) expect(readFileSync(f, 'utf8'), relative(root, f)).toMatch(/getStaticPaths = \(\) => (routePaths|onePerLocale)\(/);
  });
});
