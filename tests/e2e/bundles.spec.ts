import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { generalText, LOCALES, openModule, quizzes } from './course';

// The browser's code must not carry the content schema library: zod is large, and its eval probe
// (`new Function`) is reported as a Content-Security-Policy violation on every page that loads it.
test('no browser bundle includes zod (the quiz engine reaches the browser without its schema)', () => {
  const dir = join('dist', 'client', '_astro');
  const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(bundles.length).toBeGreaterThan(0);
  const withZod = bundles.filter((f) => /ZodError|\$ZodType|allowsEval/.test(readFileSync(join(dir, f), 'utf8')));
  expect(withZod).toEqual([]);
});

/** Every file under a folder, recursively (text or not: a leak could sit in any of them). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

// The final test's item bank lives in the server code only: one drawn attempt at a time, without its
// key, is all a browser may get. Its texts (situations, questions, options, feedback) must appear in
// no file the site serves — and must appear in the server build, or the scan would prove nothing.
test('no text of the final test bank is in any file under dist/client (and the server build has them)', () => {
  const bankDir = join('quizzes', 'final-test');
  const texts = new Set<string>();
  // Whole texts that identify an item (situations, options, feedback, endings), not questions, which
  // may be as generic as a module quiz's („Kā rīkoties?”).
  const collect = (value: unknown, key = '') => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, key));
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (['situation', 'label', 'feedback', 'betterMove', 'text'].includes(key))
        for (const locale of ['lv', 'en']) if (typeof v[locale] === 'string' && (v[locale] as string).length >= 40) texts.add(generalText(v[locale] as string));
      Object.entries(v).forEach(([k, x]) => k !== 'quote' && collect(x, k));
    }
  };
  for (const f of readdirSync(bankDir).filter((f) => f.endsWith('.yaml'))) collect(parse(readFileSync(join(bankDir, f), 'utf8')));
  expect(texts.size).toBeGreaterThan(100);
  const probes = [...texts].flatMap((t) => [t, JSON.stringify(t).slice(1, -1)]);
  const scan = (dir: string) => {
    const found: string[] = [];
    for (const file of filesUnder(dir)) {
      const body = readFileSync(file).toString('utf8');
      for (const probe of probes) if (body.includes(probe)) found.push(`${file}: ${probe.slice(0, 40)}`);
    }
    return found;
  };
  expect(scan(join('dist', 'client'))).toEqual([]);
  expect(scan(join('dist', 'server')).length).toBeGreaterThan(0);
});

// Lazy imports preload what they need with a few lines in their own chunk (scripts/small-preload.mjs),
// not with Vite's shared preload-helper chunk, which every island with a lazy part loaded at once.
test('no shared preload helper: the built chunks carry their own, and nothing imports preload-helper or rolldown-runtime at once', () => {
  const dir = join('dist', 'client', '_astro');
  const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(bundles.filter((f) => /^preload-helper\./.test(f))).toEqual([]);
  expect(bundles.filter((f) => /preload-helper\./.test(readFileSync(join(dir, f), 'utf8')))).toEqual([]);
  expect(bundles.filter((f) => /rel=`modulepreload`|rel="modulepreload"/.test(readFileSync(join(dir, f), 'utf8'))).length).toBeGreaterThan(0);
  // The shared quiz chunks are plain modules: no namespace object, so no bundler runtime with them.
  for (const f of bundles.filter((f) => /^(quiz|scenario)\./.test(f))) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/rolldown-runtime/);
});

for (const locale of LOCALES) {
  test(`the module page's lazy views arrive with their own imports preloaded, and no helper chunk is fetched (${locale})`, async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await openModule(page, locale, quizzes[0]!.moduleId);
    await expect.poll(() => fetched.some((p) => /\/_astro\/quiz-answer-views\./.test(p)), { timeout: 15_000 }).toBe(true);
    // What the views import that the page had not loaded (the result store) is preloaded by a link.
    await expect(page.locator('link[rel="modulepreload"][href*="/_astro/result-store."]')).toHaveCount(1);
    await expect.poll(() => fetched.some((p) => /\/_astro\/result-store\./.test(p))).toBe(true);
    expect(fetched.filter((p) => /preload-helper|rolldown-runtime/.test(p))).toEqual([]);
  });
}
