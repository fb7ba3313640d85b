import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadBank } from '../../src/lib/final-test/bank';
import { LANG_TAG } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { t } from '../../src/lib/i18n/translate';
import { correctAt, leadsOn, optionsAt, startOf } from '../../src/lib/quiz/scenario';
import { LOCALES, quizzes } from './course';
import { astroLock } from '../support/build-lock';

/**
 * The content preview and the error overlay live in `astro dev` only: this spec starts its own dev
 * server (on E2E_PORT + 10) over a copy of the quizzes, so it can break one and mend it again. The
 * built site (the suite's own server) must not have the preview at all.
 */
const root = process.cwd();
const devPort = Number(process.env.E2E_PORT ?? 4329) + 10;
const dev = `http://127.0.0.1:${devPort}`;
const work = mkdtempSync(join(tmpdir(), 'preview-dev-'));
const quizDir = join(work, 'quizzes');
const bankDir = join(root, 'quizzes/final-test');
const bank = loadBank(readdirSync(bankDir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(bankDir, f), 'utf8')] as const)).bank;
let server: ChildProcess | undefined;
let releaseLock: (() => void) | undefined;
const output: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Waiting for another spec's astro build to end, then starting astro dev (content sync, the
  // quizzes' guessability checks) on a busy two-core machine.
  test.setTimeout(600_000);
  cpSync(join(root, 'quizzes'), quizDir, { recursive: true });
  // No astro build in this folder while the dev server runs: it would reload the pages under test.
  releaseLock = await astroLock(root, 'content-preview: astro dev', 380_000);
  server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(devPort), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, COURSE_QUIZ_DIR: quizDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (d) => output.push(String(d)));
  await expect.poll(() => output.join('').includes('ready in'), { timeout: 200_000, intervals: [1000] }).toBe(true);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill();
    await exited;
  }
  releaseLock?.();
  rmSync(work, { recursive: true, force: true });
});

for (const locale of LOCALES) {
  test(`${locale}: the preview lists every scenario of every quiz and of the final-test bank, with the key, feedback and sources, and axe finds nothing`, async ({ page }) => {
    // Under astro dev the page (220 scenarios) renders on request, and axe reads a large DOM: 1.3 min on a quiet machine, 3 min under load.
    test.setTimeout(420_000);
    await page.goto(`${dev}${pathTo(locale, { page: 'preview' })}`, { timeout: 300_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'preview.heading'));
    await expect(page.locator('html')).toHaveAttribute('lang', LANG_TAG[locale]);
    const modules = page.getByTestId('preview-module');
    await expect(modules).toHaveCount(quizzes.length);
    await expect(modules.getByTestId('preview-scenario')).toHaveCount(quizzes.reduce((n, q) => n + q.scenarios.length, 0));
    await expect(page.getByTestId('preview-bank').getByTestId('preview-scenario')).toHaveCount(bank.reduce((n, q) => n + q.scenarios.length, 0));
    // A question with a key: its right option says so in words, a wrong one too, each with its feedback and source.
    const quiz = quizzes[0]!;
    const keyed = quiz.scenarios.find((s) => !leadsOn(s))!;
    const right = correctAt(keyed, undefined)[0]!;
    const wrong = optionsAt(keyed, undefined).find((o) => o.id !== right)!;
    const shown = page.locator(`[data-module="m-${quiz.moduleId}"] [data-scenario="${keyed.id}"]`);
    const option = (id: string) => shown.locator(`li[data-option="${id}"]`);
    await expect(option(right)).toContainText(t(locale, 'preview.right'));
    await expect(option(wrong.id)).toContainText(t(locale, 'preview.wrong'));
    await expect(option(wrong.id)).toContainText(wrong.feedback[locale].slice(0, 40));
    await expect(option(wrong.id)).toContainText(wrong.source.quote.lv.slice(0, 30));
    // Each module numbered as home numbers it (a local module was „1. modulis” here and „9. modulis” there).
    const numbers = await page.getByTestId('preview-module').locator('h3').allTextContents();
    const home = await page.context().newPage();
    await home.goto(pathTo(locale, { page: 'home' }));
    const homeNumbers = (await home.getByTestId('module-card').locator('.number').allTextContents()).map((n) => n.split(' · ')[0]!.trim());
    await home.close();
    expect(numbers.map((n) => n.split(' · ')[0]!.trim())).toEqual(homeNumbers);
    expect(homeNumbers[0]).toBe(t(locale, 'module.number', { n: 1 }));
    // {contact}, which the general edition drops, marked where an institution's edition puts its contact.
    const contactAt = quizzes.flatMap((q) => q.scenarios.flatMap((sc) => optionsAt(sc, startOf(sc)).filter((o) => o.feedback.lv.includes('{contact}')).map((o) => ({ q, sc, o }))))[0]!;
    const marked = page.locator(`[data-module="m-${contactAt.q.moduleId}"] [data-scenario="${contactAt.sc.id}"] li[data-option="${contactAt.o.id}"]`).first();
    await expect(marked).toContainText(t(locale, 'preview.contactMarker'));
    await expect(page.locator('main')).not.toContainText('{contact}');
    // A story: each choice says where it leads, and the endings are listed.
    const story = quizzes.flatMap((q) => q.scenarios).find(leadsOn)!;
    const first = optionsAt(story, startOf(story))[0]!;
    await expect(page.locator(`[data-scenario="${story.id}"] li[data-option="${first.id}"]`).first()).toContainText(t(locale, 'preview.leadsTo'));
    await expect(page.locator(`[data-scenario="${story.id}"]`).first().getByRole('heading', { name: t(locale, 'preview.endings') })).toBeVisible();
    // axe over the whole page (220 scenarios, some 5000 elements) outlasts any timeout on this machine: the
    // page's frame and one module with a story in it, each part of the page being one of these templates.
    const storyModule = quizzes.find((q) => q.scenarios.some((s) => s.id === story.id))!.moduleId;
    const results = await new AxeBuilder({ page })
      .include('header')
      .include('.content-preview > h1')
      .include('.content-preview > nav')
      .include(`[data-module="m-${storyModule}"]`)
      .include('footer')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
}

test('a broken quiz file shows the error overlay naming the file, the scenario and the field; mending it brings the page back', async ({ page }) => {
  test.setTimeout(360_000);
  const file = join(quizDir, `${quizzes[0]!.moduleId}.yaml`);
  const good = readFileSync(file, 'utf8');
  const scenario = quizzes[0]!.scenarios[0]!.id;
  writeFileSync(file, good.replace(/^( {4})situation:/m, '$1situaton:'));
  const home = `${dev}${pathTo('lv', { page: 'home' })}`;
  const message = new RegExp(`quizzes/${quizzes[0]!.moduleId}\\.yaml: scenario "${scenario}" › situation: missing[\\s\\S]*"situaton": not a field here`);
  // Vite sends a page's error to the dev clients connected at that moment and keeps it for the next one
  // only when none is: navigating from a dev page that is still connected (the page before the reload)
  // hands the error to that page as it goes, and the new one stays blank. So each look is a new tab, the
  // last one closed first (and the terminal always has the message: the guide says to read it there).
  let shown = page;
  await expect
    .poll(async () => {
      await shown.close();
      shown = await page.context().newPage();
      await shown.goto(home, { timeout: 100_000 });
      return shown.locator('vite-error-overlay').waitFor({ timeout: 5000 }).then(() => 1, () => 0);
    }, { timeout: 150_000, intervals: [2000] })
    .toBe(1);
  await expect(shown.locator('vite-error-overlay')).toContainText(message);
  expect(output.join('')).toMatch(message);
  writeFileSync(file, good);
  await expect
    .poll(async () => (await shown.request.get(home, { timeout: 100_000 })).status(), { timeout: 150_000, intervals: [3000] })
    .toBe(200);
});

test('the built site has no preview: no page, no file', async ({ request }) => {
  for (const locale of LOCALES) expect((await request.get(pathTo(locale, { page: 'preview' }))).status()).toBe(404);
  const client = join(root, 'dist/client');
  expect(existsSync(client)).toBe(true);
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const mentions = files(client).filter((f) => /\.(html|js|json)$/.test(f) && readFileSync(f, 'utf8').includes(t('en', 'preview.heading')));
  expect(mentions).toEqual([]);
});
