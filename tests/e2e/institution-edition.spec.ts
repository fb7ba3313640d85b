import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { staticFiles } from '../../scripts/static-files.mjs';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { lessonMarkupProblems, readLocalQuizzes } from '../../src/lib/course/local-modules';
import { loadBank } from '../../src/lib/final-test/bank';
import { scenarioOf } from '../../src/lib/final-test/draw';
import { readLocalFinalTestFiles } from '../../src/lib/final-test/local-final-test-files';
import { passingRequest } from '../../src/cli/register-servers';
import { issuerProfile } from '../../src/server/issuer-config';
import { finalBankFiles } from '../support/final-bank';
import { attemptOf, post, RESULT_KEY, takeFinalTest } from './final-test-helpers';
import { readSeeds } from '../../src/lib/course/read-sources';
import { attemptQuiz } from '../../src/lib/quiz/attempt';
import { twinPairs } from '../../src/lib/quiz/draw';
import { bestAnswersOf, optionsAt, startOf } from '../../src/lib/quiz/scenario';
import { homePath, keyedAttempt, LOCALES, modulePath, next, passedRecord, progressPath, quizzes, shownQuestion, submitAnswer, t } from './course';
import { watchCsp } from './csp';
import { astroLock } from '../support/build-lock';

// An institution's edition: the course built with a fixture institution file into a folder of its
// own (the suite's server runs the general edition, INSTITUTION_FILE unset) and served here by the
// production server's static-file handler. Two builds (the fullest fixture and the smallest), about
// 15–40 s each.
const root = process.cwd();
const FIXTURES = { ministrija: 'tests/fixtures/institutions/ministrija/institution.yaml', agentura: 'tests/fixtures/institutions/agentura/institution.yaml' } as const;
type Edition = keyof typeof FIXTURES;
const outDir = (edition: Edition) => join(root, 'dist-tests', `${edition}-${process.pid}`);
const servers: Server[] = [];
const origins = {} as Record<Edition, string>;
let origin = '';

test.describe.configure({ mode: 'serial' });

/** `astro build` of the edition an institution file describes, into `out`, holding the astro lock: its exit code and output. */
async function build(institutionFile: string, out: string, what: string): Promise<{ code: number | null; output: string }> {
  const env = { ...process.env, INSTITUTION_FILE: institutionFile };
  const output: string[] = [];
  const release = await astroLock(root, `institution-edition: build ${what}`);
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    child.on('close', done);
  }).finally(release);
  return { code, output: output.join('') };
}

async function buildEdition(edition: Edition) {
  const { code, output } = await build(FIXTURES[edition], outDir(edition), edition);
  expect(code, output.slice(-3000)).toBe(0);
  const files = staticFiles(join(outDir(edition), 'client'));
  const server = createServer((req, res) => {
    if (!files(req, res)) {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  servers.push(server);
  origins[edition] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.beforeAll(async () => {
  // Two whole `astro build`s (content checks, two locales, precompression) one after the other on a two-core machine that runs other specs meanwhile.
  // Each build may first wait for the content preview's dev server (tests/support/build-lock.ts).
  test.setTimeout(1_200_000);
  await buildEdition('ministrija');
  await buildEdition('agentura');
  origin = origins.ministrija;
});

test.afterAll(async () => {
  for (const server of servers) await new Promise((closed) => server.close(closed));
  for (const edition of Object.keys(FIXTURES) as Edition[]) rmSync(outDir(edition), { recursive: true, force: true });
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

// ---- The communication unit's contact ({contact}) and the accounts ({accounts}) in the content ----

const CONTACT = {
  ministrija: {
    lv: { lead: 'Jūsu iestādē:', unit: 'Komunikācijas nodaļa', email: 'komunikacija@testa-ministrija.example', phone: '+371 67 000 000', room: '3. stāvs, 312. kabinets' },
    en: { lead: 'In your institution:', unit: 'Communication Unit', email: 'komunikacija@testa-ministrija.example', phone: '+371 67 000 000', room: '3rd floor, room 312' },
  },
  agentura: {
    lv: { lead: 'Jūsu iestādē:', unit: 'Sabiedrisko attiecību nodaļa', email: 'preses@paraugs.example', phone: undefined, room: undefined },
    en: { lead: 'In your institution:', unit: 'Public Relations Division', email: 'preses@paraugs.example', phone: undefined, room: undefined },
  },
} as const;

/** A lesson whose body asks the reader to talk a doubt through with the communication unit (`{contact}` in modules/<locale>/komunikacijas-principi.md). */
const LESSON = 'komunikacijas-principi';

async function expectContact(chip: ReturnType<Page['getByTestId']>, edition: Edition, locale: Locale) {
  const c = CONTACT[edition][locale];
  await expect(chip).toContainText(`${c.lead} ${c.unit}`);
  await expect(chip.getByRole('link', { name: c.email })).toHaveAttribute('href', `mailto:${c.email}`);
  if (c.phone) await expect(chip.getByRole('link', { name: c.phone })).toHaveAttribute('href', 'tel:+37167000000');
  else await expect(chip.getByRole('link')).toHaveCount(1);
  if (c.room) await expect(chip).toContainText(c.room);
}

for (const edition of Object.keys(FIXTURES) as Edition[])
  for (const locale of LOCALES) {
    test(`a lesson names the communication unit where it says to ask it, and the official-account lesson lists the accounts (${edition}, ${locale})`, async ({ page }) => {
      const csp = await watchCsp(page);
      await page.goto(origins[edition] + pathTo(locale, { page: 'module', id: LESSON }));
      const chip = page.locator('.prose').getByTestId('contact-chip').first();
      await expectContact(chip, edition, locale);
      await expect(page.locator('main')).not.toContainText(/[{}]/);
      await page.goto(origins[edition] + pathTo(locale, { page: 'module', id: 'oficialais-konts' }));
      const box = page.getByTestId('lesson-accounts');
      if (edition === 'ministrija') {
        await expect(box).toContainText(locale === 'lv' ? 'Piemērs no jūsu iestādes (Testa ministrija)' : 'An example from your institution (Ministry of Testing)');
        await expect(box.getByRole('link')).toHaveText(['Facebook: TestaMinistrija', 'X: @TestaMin']);
        await expect(box.getByRole('link').first()).toHaveAttribute('href', 'https://www.facebook.com/TestaMinistrija');
      } else await expect(box).toHaveCount(0); // no accounts in the file: the lesson as the general edition has it
      await expect(page.locator('main')).not.toContainText(/[{}]/);
      expect(await csp()).toEqual([]);
    });
  }

// The contact at any phone width and at the projector's: each label stays with its value, and the
// phone number is one line box („+371 / 67 000 000” split at 432–448 px, the label left apart from its address at 1024 px before).
test('the contact\'s „e-pasts …” and „tālrunis …” never break inside, from 320 to 480 px and at 1024 px (ministrija, lv)', async ({ page }) => {
  await page.goto(origin + pathTo('lv', { page: 'module', id: LESSON }));
  const chips = page.locator('.prose').getByTestId('contact-chip');
  await expect(chips.first()).toBeVisible();
  const widths = [...Array.from({ length: 21 }, (_, i) => 320 + i * 8), 1024];
  const broken: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    // Lines of each label with its value: a Range from the label's first letter to the end of its link.
    const lines = await chips.evaluateAll((all) =>
      all.flatMap((chip) =>
        [...chip.querySelectorAll('a[href^="mailto:"], a[href^="tel:"]')].map((link) => {
          const label = link.getAttribute('href')!.startsWith('tel:') ? 'tālrunis' : 'e-pasts';
          const walker = document.createTreeWalker(chip, NodeFilter.SHOW_TEXT);
          let node: Node | null;
          let at: { node: Node; offset: number } | undefined;
          while ((node = walker.nextNode()) && !(node.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_PRECEDING))
            if (node.textContent!.includes(label)) at = { node, offset: node.textContent!.lastIndexOf(label) };
          const range = document.createRange();
          range.setStart(at!.node, at!.offset);
          range.setEndAfter(link);
          const linesOf = (r: Range | Element) => new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size;
          const word = document.createRange();
          word.setStart(at!.node, at!.offset);
          word.setEnd(at!.node, at!.offset + label.length);
          // At 1024 px label and value share one line; on a phone a long address may go below its label, but the label's word stays whole.
          const phone = link.getAttribute('href')!.startsWith('tel:') ? link.getClientRects().length : 1;
          return { label, lines: window.innerWidth >= 1024 ? linesOf(range) : linesOf(word), phone };
        }),
      ),
    );
    for (const l of lines) if (l.lines !== 1 || l.phone !== 1) broken.push(`${width} px: ${l.label} on ${l.lines} lines${l.phone !== 1 ? `, the number in ${l.phone} boxes` : ''}`);
  }
  expect(broken).toEqual([]);
});

/** Whether a space separates the local mark from the text beside it (Svelte trims one at the end of an {#if}). */
const spaceBeside = (mark: ReturnType<Page['getByTestId']>, side: 'before' | 'after') =>
  mark.evaluate((el, s) => /^\s/.test((s === 'after' ? el.nextSibling?.textContent : el.previousSibling?.textContent?.split('').reverse().join('')) ?? ''), side);

/**
 * An attempt saved part-way, its next question a scenario (not a twin: its feedback would wait) whose
 * first step has an option whose feedback says `{contact}`; the questions before it answered with the key.
 */
function contactAttempt(moduleId: string) {
  const quiz = quizzes.find((q) => q.moduleId === moduleId)!;
  const twins = new Set(twinPairs(quiz.scenarios).flatMap(([a, b]) => [quiz.scenarios[a]!.id, quiz.scenarios[b]!.id]));
  for (let seed = 1; seed < 500; seed++) {
    const { drawn, log } = keyedAttempt(quiz, seed);
    const shown = attemptQuiz(quiz, { seed, drawn }).scenarios;
    const at = shown.findIndex((s) => !twins.has(s.id) && optionsAt(s, startOf(s)).some((o) => o.feedback.lv.includes('{contact}')));
    if (at < 0) continue;
    const target = shown[at]!;
    const before = new Set(shown.slice(0, at).map((s) => s.id));
    return { seed, drawn, log: log.filter((e) => before.has(e.scenario)), option: optionsAt(target, startOf(target)).find((o) => o.feedback.lv.includes('{contact}'))!.id };
  }
  throw new Error(`no attempt of ${moduleId} draws a {contact} feedback`);
}

for (const edition of Object.keys(FIXTURES) as Edition[])
  for (const locale of LOCALES) {
    test(`quiz feedback that says to ask the communication unit names it, with mailto: and tel: links (${edition}, ${locale})`, async ({ page }) => {
      const at = contactAttempt(LESSON);
      const record = { status: 'in-progress', bestPercent: null, attempts: 0, current: { seed: at.seed, drawn: at.drawn, log: at.log, phase: 'answering' }, bestLog: null, bestDraw: null, startedAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', passedAt: null };
      await page.addInitScript((r) => localStorage.setItem('smkurss.progress', JSON.stringify({ version: 2, learnerName: '', modules: { 'komunikacijas-principi': r }, certificate: null })), record);
      await page.goto(origins[edition] + pathTo(locale, { page: 'module', id: LESSON }));
      if (await page.getByTestId('quiz-start').isVisible()) await page.getByTestId('quiz-start').click();
      await page.locator(`input[name="answer"][value="${at.option}"]`).check();
      await page.getByRole('button', { name: t(locale, 'quiz.submit') }).click();
      const feedback = page.getByTestId('feedback');
      await expect(feedback).toBeVisible();
      await expectContact(feedback.getByTestId('contact-chip').first(), edition, locale);
      await expect(feedback).not.toContainText(/[{}]/);
      if (edition === 'ministrija' && locale === 'lv') {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });
  }

test('the printed guide, the projector and the phones get the contact as plain text', async ({ request }) => {
  const guide = await (await request.get(origin + pathTo('lv', { page: 'guide', id: LESSON }))).text();
  expect(guide).toContain('(Jūsu iestādē: Komunikācijas nodaļa, e-pasts komunikacija@testa-ministrija.example, tālrunis +371 67 000 000, 3. stāvs, 312. kabinets, lapa iekštīklā https://intranet.testa-ministrija.example/komunikacija)');
  const presenter = await (await request.get(`${origin}/en/presenter-data/${LESSON}.json`)).text();
  expect(presenter).toContain('(In your institution: Communication Unit, e-mail komunikacija@testa-ministrija.example');
  expect(presenter).not.toMatch(/\{(contact|accounts)\}/);
});

test('axe finds no violations on a lesson with the contact and on the official-account lesson with the accounts', async ({ page }) => {
  for (const [locale, id] of [['lv', 'oficialais-konts'], ['en', LESSON]] as const) {
    await page.goto(origin + pathTo(locale, { page: 'module', id }));
    await expect(page.locator('.prose').getByTestId(id === LESSON ? 'contact-chip' : 'lesson-accounts').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

// ---- No placeholder left anywhere in a built site ----

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const stringsOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsOf) : v && typeof v === 'object' ? Object.values(v).flatMap(stringsOf) : []);

/**
 * Every brace a built site shows or hands to a page as text: in every page's text (scripts,
 * styles and tags left out: the islands' i18n strings carry `{n}`-style variables) and in every
 * string of every JSON file. The one kept on purpose: an edition with a contact keeps `{contact}`
 * in the quiz data files, for the quiz island to fill with links.
 */
function leftovers(client: string, keepsContactForIsland: boolean): string[] {
  const found: string[] = [];
  for (const file of walk(client)) {
    const name = file.slice(client.length + 1);
    if (name.endsWith('.html')) {
      const text = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ');
      for (const m of text.matchAll(/.{0,30}[{}].{0,30}/g)) found.push(`${name}: ${m[0]}`);
    } else if (name.endsWith('.json')) {
      const island = keepsContactForIsland && /\/quiz-data\//.test(`/${name}`);
      for (const s of stringsOf(JSON.parse(readFileSync(file, 'utf8')))) {
        const rest = island ? s.replaceAll('{contact}', '') : s;
        if (/[{}]/.test(rest)) found.push(`${name}: ${s.slice(0, 80)}`);
      }
    }
    // Any placeholder name in any file but the islands' data (scripts included: none should carry content).
    // The quiz island's own marker, the bare string "{contact}" it splits a feedback at, is code, not content.
    else if (!/\.(br|gz|png|svg|ico|woff2?)$/.test(name) && /\{(contact|accounts)\}/.test(readFileSync(file, 'utf8').replace(/(["'`])\{contact\}\1/g, ''))) found.push(`${name}: a placeholder`);
  }
  return found;
}

test('no built site holds a placeholder: the general edition (dist/client) and both institutions’ editions', async () => {
  expect(leftovers(join(root, 'dist', 'client'), false)).toEqual([]);
  for (const edition of Object.keys(FIXTURES) as Edition[]) expect(leftovers(join(outDir(edition), 'client'), true), edition).toEqual([]);
});

test('the leftover check finds a raw placeholder (it can fail)', () => {
  const fake = join(outDir('agentura'), 'client', 'lv', 'leftover-check.html');
  writeFileSync(fake, '<p>Jautājiet komunikācijas nodaļai. {kontakts}</p>');
  try {
    expect(leftovers(join(outDir('agentura'), 'client'), true)).toEqual([expect.stringMatching(/^lv\/leftover-check\.html: .*nodaļai\. \{kontakts\}/)]);
  } finally {
    rmSync(fake);
  }
});

for (const locale of LOCALES)
  test(`the general edition drops the placeholders: no contact aside, no accounts box (${locale})`, async ({ page }) => {
    await page.goto(pathTo(locale, { page: 'module', id: LESSON }));
    await expect(page.locator('.prose')).toContainText(locale === 'lv' ? 'komunikācijas struktūrvienību vai speciālistu. Abi ceļi ir pareizi' : 'communication unit or specialist. Both routes are right');
    await expect(page.getByTestId('contact-chip')).toHaveCount(0);
    await page.goto(pathTo(locale, { page: 'module', id: 'oficialais-konts' }));
    await expect(page.locator('.prose')).toContainText(locale === 'lv' ? 'un viņi to publicē. Oficiālais konts' : 'who publish it. The official account');
    await expect(page.getByTestId('lesson-accounts')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/[{}]/);
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
    expect(await spaceBeside(cards.last().getByTestId('local-mark'), 'after')).toBe(true);

    // Every course module passed: 8 of 9, not complete, until the ministry's module is passed too.
    const modules = Object.fromEntries(quizzes.map((q) => [q.moduleId, passedRecord(q)]));
    await page.evaluate((value) => localStorage.setItem('smkurss.progress', JSON.stringify(value)), { version: 2, learnerName: '', modules, certificate: null });
    await page.goto(origin + progressPath(locale));
    const localRow = page.locator(`[data-testid="progress-row"][data-module="${LOCAL_ID}"]`);
    await expect(localRow).toHaveAttribute('data-status', 'not-started');
    await expect(localRow.getByTestId('local-mark')).toHaveText(MARK[locale]);
    expect(await spaceBeside(localRow.getByTestId('local-mark'), 'before')).toBe(true);
    await expect(page.getByTestId('progress-done')).toHaveCount(0);
    await page.goto(origin + homePath(locale));
    await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: quizzes.length, total: quizzes.length + 1 }));

    // Its page carries the mark and cites the ministry's own rules; its quiz is passed with the key.
    await page.goto(origin + modulePath(locale, LOCAL_ID));
    await expect(page.locator('.eyebrow').getByTestId('local-mark')).toHaveText(MARK[locale]);
    expect(await spaceBeside(page.locator('.eyebrow').getByTestId('local-mark'), 'after')).toBe(true);
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

// ---- The ministry's own items in the final test (local/final-test/, issue 16) ----

const LOCAL_FOLDER = join(root, 'tests/fixtures/institutions/ministrija/local');
/** The bank the ministry's server bundled: the course's items, then the ministry's. */
const ministryBank = loadBank(finalBankFiles, readLocalFinalTestFiles(LOCAL_FOLDER)).bank;

/** A learner who passed every module of the ministry's edition, its own included (a start re-grades them all). */
function ministryPassed() {
  const { logs, draws } = passingRequest('x');
  const own = keyedAttempt(localQuiz!, 1);
  return { logs: { ...logs, [LOCAL_ID]: own.log }, draws: { ...draws, [LOCAL_ID]: { seed: own.seed, drawn: own.drawn } } };
}

test.describe('the ministry’s final test examines its own rules too', () => {
  let server: ChildProcess | undefined;
  let base = '';
  // The ministry's build with its API (the static handler above serves pages only): its own
  // server entry, with this suite's key and issuer so Node can open its attempt tokens, a fresh register.
  test.beforeAll(async () => {
    const port = Number(process.env.E2E_PORT ?? 4329) + 30;
    const register = join(mkdtempSync(join(tmpdir(), 'ministry-final-test-')), 'register.sqlite');
    const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), INSTITUTION_FILE: FIXTURES.ministrija, CERT_REGISTER_FILE: register, CERT_ISSUER_ID: issuerProfile().id, FINAL_TEST_ATTEMPTS: '1000', FINAL_TEST_BACKOFF_MINUTES: '0', FINAL_TEST_OPEN_ATTEMPTS: '1000' };
    server = spawn(process.execPath, [join(outDir('ministrija'), 'server', 'entry.mjs')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr!.on('data', (d) => (stderr += d));
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 120) throw new Error(`the ministry's server did not start: ${stderr.slice(-800)}`);
      if (await fetch(`${base}/lv/`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  test.afterAll(async () => {
    if (server && server.exitCode === null) await new Promise((exited) => (server!.once('exit', exited), server!.kill('SIGTERM')));
  });

  test('an attempt draws the ministry’s own items, and a passed one gives a certificate the ministry issues', async ({ page }) => {
    test.setTimeout(120_000);
    const taken = await takeFinalTest('best', base, 'lv', { bank: ministryBank, passed: ministryPassed() });
    const own = attemptOf(taken.token).items.filter((r) => r.module === LOCAL_ID);
    // Every attempt takes at least two items of every module: the ministry's pair at least.
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(taken.items.map((i) => i.situation)).toEqual(expect.arrayContaining(own.map((r) => scenarioOf(ministryBank, r)!.situation.lv)));
    expect(taken.passed).toBe(true);
    expect(taken.result).toBeTruthy();

    const modules = Object.fromEntries([...quizzes, localQuiz!].map((q) => [q.moduleId, passedRecord(q)]));
    await page.addInitScript(([progress, key, result]) => {
      if (!localStorage.getItem('smkurss.progress')) localStorage.setItem('smkurss.progress', progress!);
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, result!);
    }, [JSON.stringify({ version: 2, learnerName: '', modules, certificate: null }), RESULT_KEY, taken.result!]);
    await page.goto(base + pathTo('lv', { page: 'certificate' }));
    await expect(page.getByTestId('cert-will-attest')).toContainText('noslēguma testu');
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.getByLabel(t('lv', 'cert.name')).fill('Anna Bērziņa');
    await page.getByRole('button', { name: t('lv', 'cert.request') }).click();
    await expect(page.getByTestId('certificate')).toBeVisible();
    await expect(page.getByTestId('certificate')).toContainText('Testa ministrija');
    await expect(page.getByTestId('cert-attests')).toContainText(t('lv', 'certificate.finalTestResult', { date: new Date().toISOString().slice(0, 10) }));
  });

  test('a failed attempt names the ministry’s module for review, last, after the course’s', async () => {
    const failed = await takeFinalTest('worst', base, 'en', { bank: ministryBank, passed: ministryPassed() });
    expect(failed.passed).toBe(false);
    expect(failed.review.at(-1)).toBe(LOCAL_ID);
  });

  test('an attempt is graded only against the bank it was drawn from: the general edition’s token is refused here, and the ministry’s there', async ({ baseURL }) => {
    const started = async (origin: string, passed: { logs: unknown; draws: unknown }) => {
      const r = await post(`${origin}/api/final-test/`, { locale: 'lv', ...passed });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.token as string;
    };
    const general = await started(baseURL!, passingRequest('x'));
    const ministry = await started(base, ministryPassed());
    for (const [token, origin] of [[general, base], [ministry, baseURL!]] as const) {
      const refused = await post(`${origin}/api/final-test/submit/`, { token, answers: [] });
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body.message).toContain('the final test has changed since this attempt started');
    }
  });
});

test('raw HTML in a local lesson stops the whole build, naming file › line', async () => {
  test.setTimeout(600_000);
  // A copy of the ministry's files inside the project (so the build names it by its relative path), one lesson line made HTML.
  const copy = mkdtempSync(join(root, 'dist-tests', 'html-lesson-'));
  try {
    cpSync(join(root, 'tests/fixtures/institutions/ministrija'), copy, { recursive: true });
    const lesson = join(copy, 'local/lv/ministrijas-kartiba.md');
    const text = readFileSync(lesson, 'utf8');
    const broken = text.replace(/\n## /, '\n<iframe src="https://example.com/"></iframe>\n\n## ');
    expect(broken).not.toBe(text);
    writeFileSync(lesson, broken);
    const label = `${copy.slice(root.length + 1)}/local/lv/ministrijas-kartiba.md`;
    const [expected] = lessonMarkupProblems(label, broken.replace(/^---[\s\S]*?\n---\n/, ''));
    expect(expected).toMatch(/› body line \d+: HTML is not allowed in a local lesson \(<iframe/);
    const { code, output } = await build(join(copy, 'institution.yaml'), join(copy, 'never-built'), 'a lesson with raw HTML');
    expect(code, output.slice(-3000)).not.toBe(0);
    expect(output).toContain(expected);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
