import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The browser's code must not carry the content schema library: zod is large, and its eval probe
// (`new Function`) is reported as a Content-Security-Policy violation on every page that loads it.
test('no browser bundle includes zod (the quiz engine reaches the browser without its schema)', () => {
  const dir = join('dist', 'client', '_astro');
  const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(bundles.length).toBeGreaterThan(0);
  const withZod = bundles.filter((f) => /ZodError|\$ZodType|allowsEval/.test(readFileSync(join(dir, f), 'utf8')));
  expect(withZod).toEqual([]);
});
