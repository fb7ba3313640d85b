import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import { presenterDataPath } from '../../src/lib/workshop/presenter-data';
import { LOCALES, quizzes, t } from './course';

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

/** Votes A where a story needs it, reveals and moves on until the summary; returns how many slides it saw. */
async function walkToSummary(page: Page): Promise<number> {
  const slides = new Set<string>();
  for (let guard = 0; guard < 200; guard++) {
    const state = await page.getByTestId('presenter').getAttribute('data-state');
    if (state === 'summary') return slides.size;
    if (state === 'voting') {
      await expect(page.getByTestId('presenter-option').first()).toBeVisible();
      slides.add((await page.getByTestId('presenter-counter').textContent()) ?? '');
      await page.keyboard.press('Digit1');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    }
    await page.keyboard.press('ArrowRight');
  }
  throw new Error('never reached the summary');
}

/** The presenter's lazily loaded checks of a stored run (src/lib/workshop/saved-run.ts). */
const SAVED_RUN_CHUNK = /\/_astro\/saved-run\.[^/]+\.js$/;
/** What the presenter's tab stores of its run, per plan (sessionStorage). */
const storedRun = () => Object.entries(sessionStorage).find(([key]) => key.startsWith('presenter-run:'))?.[1];

const [first, second, third] = [quizzes[0]!, quizzes[2]!, quizzes[5]!];

test('the presenter page carries no scenario text; it fetches only the plan’s modules, in the scenario language', async ({ page, request }) => {
  const html = await (await request.get(pathTo('lv', { page: 'present' }))).text();
  for (const quiz of quizzes)
    for (const s of quiz.scenarios) {
      expect(html).not.toContain(s.situation.lv.slice(0, 60));
      expect(html).not.toContain(s.situation.en.slice(0, 60));
    }
  const fetched: string[] = [];
  page.on('request', (r) => r.url().includes('/presenter-data/') && fetched.push(new URL(r.url()).pathname));
  await page.goto(`${pathTo('lv', { page: 'present' })}?plan=${second.moduleId},${first.moduleId}&lang=en`);
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
  expect(fetched).toEqual([presenterDataPath('en', second.moduleId), presenterDataPath('en', first.moduleId)]);
});

for (const locale of LOCALES) {
  test(`once loaded, the whole plan runs offline to the summary (${locale})`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${first.moduleId},${second.moduleId}:${second.scenarios.slice(0, 3).map((s) => s.id).join('.')}`);
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await expect(page.getByTestId('offline-ready')).toBeVisible();
    await context.setOffline(true);
    const seen = await walkToSummary(page);
    expect(seen).toBe(first.scenarios.length + 3);
    await expect(page.getByTestId('summary-row')).toHaveCount(first.scenarios.length + 3);
    await context.setOffline(false);
  });

  test(`a module that fails to load says so with a retry, and the slides already in keep working (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const total = first.scenarios.length + second.scenarios.length + third.scenarios.length;
    let blocked = true;
    await page.route(`**${presenterDataPath(locale, second.moduleId)}`, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${first.moduleId},${second.moduleId},${third.moduleId}`);
    const alert = page.getByTestId('load-failed');
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(t(locale, 'present.loadFailed', { module: '' }).split('„')[0]!.split('“')[0]!.trim());
    // The first module presents meanwhile; at its last slide the trainer is held there, not sent to an empty one.
    await expect(page.getByTestId('presenter-option').first()).toBeVisible();
    await noViolations(page, 'presenter with a failed module');
    const next = page.getByRole('button', { name: t(locale, 'present.next') });
    for (let guard = 0; guard < 100; guard++) {
      if ((await page.getByTestId('presenter').getAttribute('data-state')) === 'voting') {
        await page.keyboard.press('Digit1');
        await page.keyboard.press('Space');
      } else if (await next.isDisabled()) break;
      else await page.keyboard.press('ArrowRight');
    }
    await expect(next).toBeDisabled();
    await expect(page.getByTestId('presenter-counter')).toContainText(t(locale, 'present.counter', { current: first.scenarios.length, total }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    blocked = false;
    await page.getByRole('button', { name: t(locale, 'present.retry') }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-counter')).toContainText(t(locale, 'present.counter', { current: first.scenarios.length + 1, total }));
    await expect(page.locator('.situation')).toHaveText(second.scenarios[0]!.situation[locale]);
  });

  test(`a reload comes back to the same slide, reveal and votes; the stored run’s checks load only then, and nothing is saved over it meanwhile (${locale})`, async ({ page }) => {
    const checks: string[] = [];
    page.on('request', (r) => SAVED_RUN_CHUNK.test(new URL(r.url()).pathname) && checks.push(r.url()));
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${first.moduleId}`);
    await expect(page.getByTestId('presenter-option').first()).toBeVisible();
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'voting');
    await page.keyboard.press('Digit2');
    await page.keyboard.press('Digit2');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    const counter = (await page.getByTestId('presenter-counter').textContent())!;
    const counts = await page.getByTestId('vote-count').allTextContents();
    expect(checks, 'no stored run on the first visit: no checks loaded').toEqual([]);
    // The checks held back after the reload: the fresh run on screen meanwhile is not saved over the stored one.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(SAVED_RUN_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    // Read after the reload: the page before it may still save its own last tick as it goes (seen under
    // load: clockMs 0 read, 1027 saved by the old page); the new page cannot save before its checks arrive.
    const stored = await page.evaluate(storedRun);
    expect(JSON.parse(stored!).run).toMatchObject({ index: 1, phase: 'revealed' });
    await expect(page.locator('.situation')).toHaveText(first.scenarios[0]!.situation[locale]);
    await page.waitForTimeout(1500); // a clock tick: the run on screen changed
    expect(await page.evaluate(storedRun)).toBe(stored);
    release();
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    await expect(page.getByTestId('presenter-counter')).toHaveText(counter);
    await expect(page.getByTestId('vote-count')).toHaveText(counts);
    expect(checks).toHaveLength(1);
  });

  test(`a corrupted stored run never breaks the presenter: it starts afresh, or without the bad phone entries, and saves over it (${locale})`, async ({ page }) => {
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${first.moduleId}`);
    await expect(page.getByTestId('presenter-option').first()).toBeVisible();
    const fresh = { index: 0, phase: 'voting', votes: {}, path: {}, clockMs: 0 };
    for (const bad of ['{not json', JSON.stringify({ run: { ...fresh, index: 'x' } }), JSON.stringify({ run: fresh, phones: { '0:': 'many' }, people: [3] })]) {
      await page.evaluate((text) => {
        for (const key of Object.keys(sessionStorage)) if (key.startsWith('presenter-run:')) sessionStorage.setItem(key, text);
      }, bad);
      await page.reload();
      await expect(page.locator('.situation'), bad).toHaveText(first.scenarios[0]!.situation[locale]);
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'voting');
      await page.keyboard.press('Digit1');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
      await expect.poll(async () => JSON.parse((await page.evaluate(storedRun))!).run.phase, bad).toBe('revealed');
      // The summary reads the phones' part of the votes: a bad entry never reaches it.
      await page.keyboard.press('s');
      await expect(page.getByTestId('summary-row')).toHaveCount(first.scenarios.length);
      await page.keyboard.press('s');
    }
  });

  test(`when the first module cannot load there is a message and a retry, never an empty slide (${locale})`, async ({ page }) => {
    let status = 503;
    await page.route(`**${presenterDataPath(locale, first.moduleId)}`, (route) => (status === 200 ? route.continue() : route.fulfill({ status, body: 'busy' })));
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${first.moduleId}`);
    await expect(page.getByTestId('load-failed')).toBeVisible();
    await expect(page.getByTestId('presenter-option')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'present.heading'));
    await noViolations(page, 'presenter without its first module');
    status = 200;
    await page.getByRole('button', { name: t(locale, 'present.retry') }).click();
    await expect(page.locator('.situation')).toHaveText(first.scenarios[0]!.situation[locale]);
    await expect(page.getByTestId('load-failed')).toBeHidden();
  });
}
