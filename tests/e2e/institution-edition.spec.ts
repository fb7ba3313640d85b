import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { staticFiles } from '../../scripts/static-files.mjs';
import { pathTo } from '../../src/lib/i18n/routes';
import { readLocalQuizzes } from '../../src/lib/course/local-modules';
import { readSeeds } from '../../src/lib/course/read-sources';
import { bestAnswersOf } from '../../src/lib/quiz/scenario';
import { homePath, LOCALES, modulePath, next, passedRecord, progressPath, quizzes, shownQuestion, submitAnswer, t } from './course';
import { watchCsp } from './csp';

// An institution's edition: the course built with a fixture institution file into a folder of its
// own (the suite's server runs the general edition, INSTITUTION_FILE unset) and served here by the
// production server's static-file handler. One build, about 15–40 s.
const root = process.cwd();
const FIXTURE = 'tests/fixtures/institutions/ministrija/institution.yaml';
const outDir = join(root, 'dist-tests', `ministrija-${process.pid}`);
let server: Server;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A whole `astro build` (content checks, two locales, precompression) on a two-core machine that runs other specs meanwhile.
  test.setTimeout(240_000);
  const env = { ...process.env, INSTITUTION_FILE: FIXTURE };
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    child.on('close', done);
  });
  expect(code, output.join('').slice(-3000)).toBe(0);
  const files = staticFiles(join(outDir, 'client'));
  server = createServer((req, res) => {
    if (!files(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  rmSync(outDir, { recursive: true, force: true });
});

const NAME = { lv: 'Testa ministrija', en: 'Ministry of Testing' } as const;
const UNIT = { lv: 'Komunikācijas nodaļa', en: 'Communication Unit' } as const;
const ROOM = { lv: '3. stāvs, 312. kabinets', en: '3rd floor, room 312' } as const;

for (const locale of LOCALES) {
  test(`the header and footer name the institution and its communication unit (${locale})`, async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto(origin + pathTo(locale, { page: 'home' }));
    const name = page.getByTestId('institution-name');
    await expect(name).toHaveText(NAME[locale]);
    await expect(name.getByRole('img')).toHaveAttribute('alt', locale === 'lv' ? 'Testa ministrijas logotips' : 'Ministry of Testing logo');
    // The logo is carried in the page (a data: address): it shows without any request.
    expect(await name.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml'))).toBe(true);
    const contact = page.getByTestId('institution-contact');
    await expect(contact).toContainText(t(locale, 'institution.contact'));
    await expect(contact).toContainText(UNIT[locale]);
    await expect(contact.getByRole('link', { name: 'komunikacija@testa-ministrija.example' })).toHaveAttribute('href', 'mailto:komunikacija@testa-ministrija.example');
    await expect(contact.getByRole('link', { name: '+371 67 000 000' })).toHaveAttribute('href', 'tel:+37167000000');
    await expect(contact).toContainText(ROOM[locale]);
    await expect(contact.getByRole('link', { name: t(locale, 'institution.intranet') })).toHaveAttribute('href', 'https://intranet.testa-ministrija.example/komunikacija');
    await expect(page.getByTestId('institution-accounts').getByRole('link')).toHaveText(['Facebook: TestaMinistrija', 'X: @TestaMin']);
    // The accent takes the place of the course's dark blue, and the Content-Security-Policy lets its style element through.
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(31, 78, 121)');
    expect(await csp()).toEqual([]);
  });
}

test('axe finds no violations on an institution edition\'s page', async ({ page }) => {
  await page.goto(origin + pathTo('lv', { page: 'home' }));
  await expect(page.getByTestId('institution-name')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the verify page trusts this installation\'s keys under the institution\'s name', async ({ request }) => {
  const html = await (await request.get(origin + pathTo('en', { page: 'verify' }))).text();
  expect(html).toContain('Testa ministrija');
  expect(html).not.toContain('Sociālie mediji valsts pārvaldē — e-kurss');
});

// The ministry's own module („Iestādes kārtība”, tests/fixtures/institutions/ministrija/local/): after
// the course's eight, marked, with a quiz that counts for completion like theirs.
const LOCAL_ID = 'ministrijas-kartiba';
const [localQuiz] = readLocalQuizzes({ dir: join(root, 'tests/fixtures/institutions/ministrija/local'), label: 'local' }, readSeeds(root), []);
const LOCAL_TITLE = { lv: 'Testa ministrijas kārtība', en: 'The Ministry of Testing’s rules' } as const;
const MARK = { lv: 'Iestādes kārtība', en: 'Our institution’s rules' } as const;

for (const locale of LOCALES) {
  test(`the institution's own module comes after the course's, marked, and counts for completion (${locale})`, async ({ page }) => {
    await page.goto(origin + homePath(locale));
    const cards = page.getByTestId('module-card');
    await expect(cards).toHaveCount(quizzes.length + 1);
    // Last, after all of the course's modules, and the only card with the mark.
    await expect(cards.last()).toHaveAttribute('data-module', LOCAL_ID);
    await expect(cards.last().getByRole('heading')).toHaveText(LOCAL_TITLE[locale]);
    await expect(page.getByTestId('local-mark')).toHaveCount(1);
    await expect(cards.last().getByTestId('local-mark')).toHaveText(MARK[locale]);

    // Every course module passed: 8 of 9, not complete, until the ministry's module is passed too.
    const modules = Object.fromEntries(quizzes.map((q) => [q.moduleId, passedRecord(q)]));
    await page.evaluate((value) => localStorage.setItem('smkurss.progress', JSON.stringify(value)), { version: 2, learnerName: '', modules, certificate: null });
    await page.goto(origin + progressPath(locale));
    const localRow = page.locator(`[data-testid="progress-row"][data-module="${LOCAL_ID}"]`);
    await expect(localRow).toHaveAttribute('data-status', 'not-started');
    await expect(localRow.getByTestId('local-mark')).toHaveText(MARK[locale]);
    await expect(page.getByTestId('progress-done')).toHaveCount(0);
    await page.goto(origin + homePath(locale));
    await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: quizzes.length, total: quizzes.length + 1 }));

    // Its page carries the mark and cites the ministry's own rules; its quiz is passed with the key.
    await page.goto(origin + modulePath(locale, LOCAL_ID));
    await expect(page.locator('.eyebrow').getByTestId('local-mark')).toHaveText(MARK[locale]);
    await expect(page.locator('.module')).toContainText(locale === 'lv' ? 'Testa ministrija, „Testa ministrijas sociālo mediju lietošanas kārtība”' : 'Ministry of Testing, “Testa ministrijas sociālo mediju lietošanas kārtība”');
    await expect(page.getByTestId('quiz')).toBeVisible();
    await page.getByTestId('quiz-start').click();
    await expect(page.getByTestId('quiz').locator('form')).toBeVisible();
    const met: string[] = [];
    while (!(await page.getByTestId('result').isVisible())) {
      await expect(page.getByTestId('quiz').locator('form').or(page.getByTestId('result'))).toBeVisible();
      if (await page.getByTestId('result').isVisible()) break;
      const { scenario, step } = await shownQuestion(page, [localQuiz!]);
      met.push(scenario);
      await submitAnswer(page, locale, bestAnswersOf(localQuiz!.scenarios.find((s) => s.id === scenario)!).find((e) => e.step === step)!);
      await next(page);
    }
    expect(met.sort()).toEqual(localQuiz!.scenarios.map((s) => s.id).sort());

    await page.goto(origin + progressPath(locale));
    await expect(localRow).toHaveAttribute('data-status', 'passed');
    await expect(page.getByTestId('progress-done')).toBeVisible();
    await page.goto(origin + homePath(locale));
    await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: quizzes.length + 1, total: quizzes.length + 1 }));
  });
}

test('the workshop planner offers the institution\'s own module too', async ({ page }) => {
  for (const locale of LOCALES) {
    await page.goto(origin + pathTo(locale, { page: 'workshop' }));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: LOCAL_TITLE[locale] })).toBeVisible();
  }
});

test('axe finds no violations on the institution\'s own module page', async ({ page }) => {
  await page.goto(origin + modulePath('lv', LOCAL_ID));
  await expect(page.getByTestId('quiz')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the general edition (the suite\'s server, no INSTITUTION_FILE) has no local module', async ({ page, request }) => {
  for (const locale of LOCALES) {
    await page.goto(homePath(locale));
    await expect(page.getByTestId('module-card')).toHaveCount(quizzes.length);
    await expect(page.getByTestId('local-mark')).toHaveCount(0);
    expect((await request.get(modulePath(locale, LOCAL_ID))).status()).toBe(404);
  }
});
