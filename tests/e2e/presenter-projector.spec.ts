import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANG_TAG, type Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { everyOption } from '../../src/lib/quiz/scenario';
import { durationWords } from '../../src/lib/workshop/schedule';
import { LOCALES, quizzes, t } from './course';
import { longestScenario, screenLength } from './presenter-data';

// The classic classroom projector and today's common one.
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
];

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

/** Every element of `items` lies inside the stage, which lies between the bar and the controls, inside the window. */
async function allOnScreen(page: Page, items: Locator, what: string) {
  const viewport = page.viewportSize()!;
  const stage = (await page.locator('main.stage').boundingBox())!;
  const bar = (await page.locator('header.bar').boundingBox())!;
  const controls = (await page.locator('nav.controls').boundingBox())!;
  expect(stage.y, `${what}: stage below the bar`).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect(stage.y + stage.height, `${what}: controls never cover the stage`).toBeLessThanOrEqual(controls.y + 1);
  expect(controls.y + controls.height, `${what}: controls inside the window`).toBeLessThanOrEqual(viewport.height + 1);
  const count = await items.count();
  expect(count, what).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const box = (await items.nth(i).boundingBox())!;
    const where = `${what} #${i + 1} at y ${Math.round(box.y)}–${Math.round(box.y + box.height)} (stage ${Math.round(stage.y)}–${Math.round(stage.y + stage.height)})`;
    expect(box.y, where).toBeGreaterThanOrEqual(stage.y - 1);
    expect(box.y + box.height, where).toBeLessThanOrEqual(stage.y + stage.height + 1);
    expect(box.x, where).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width + 1);
  }
}

/** The body text of a revealed slide: situation, options, reasoning, source, ending and discussion. */
const BODY = '[data-testid="situation"], [data-testid="presenter-option"] .label, [data-testid="reveal"] p:not(.translated), [data-testid="source"]';
/**
 * The smallest body text the compact reveal reaches today for the largest scenario of every quiz at
 * 1024×768 and 1280×720 (15.1 px at worst; before it, 10.8 px). The aim is 18 px (issue 15's M3):
 * the largest multis (four reasons with their sources) do not reach it on one screen yet.
 */
const MIN_BODY_PX = 15;
/**
 * A compact reveal with one reason spreads it over both columns: its box is wider than half the
 * stage. True when the slide was such a case (and it held), false when it was not one.
 */
async function oneReasonAcross(page: Page, what: string) {
  const compact = (await page.locator('main.stage').getAttribute('data-layout')) === 'compact';
  const reasons = page.getByTestId('reveal').getByTestId('reason');
  if (!compact || (await reasons.count()) !== 1) return false;
  const stage = (await page.locator('main.stage').boundingBox())!;
  const reason = (await reasons.first().boundingBox())!;
  expect(reason.width, `${what}: the one reason spans both columns`).toBeGreaterThan(stage.width / 2);
  return true;
}
const smallestBody = (page: Page) =>
  page.evaluate((selector) => Math.min(...[...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize))), BODY);

for (const locale of LOCALES) {
  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height} the largest scenario of every quiz, revealed, keeps its body text at ${MIN_BODY_PX} px or more, all on screen (${locale})`, async ({ page }, info) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      let oneReason = 0;
      const clamped: string[] = [];
      for (const quiz of quizzes) {
        // Found by reading the data (situation, options and reveal text), not named.
        const largest = quiz.scenarios.reduce((a, b) => (screenLength(b, locale) > screenLength(a, locale) ? b : a));
        await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quiz.moduleId}:${largest.id}&lang=${locale}`);
        await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
        await page.keyboard.press('Digit1');
        await page.keyboard.press('Space');
        await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
        const what = `${quiz.moduleId}:${largest.id}`;
        await allOnScreen(page, page.getByTestId('presenter-option'), `${what}: options`);
        await allOnScreen(page, page.getByTestId('reveal').locator('h2, [data-testid="reason"] p, [data-testid="source"], .ending, [data-testid="discussion"]'), `${what}: reasoning, source and discussion`);
        expect(await smallestBody(page), `${what}: smallest body text (px)`).toBeGreaterThanOrEqual(MIN_BODY_PX);
        if (await oneReasonAcross(page, what)) oneReason++;
        // The trainer's review: wrong options were cut short at 21–24 px with room to spare. An option
        // is cut only where the slide in full would need type under the 16 px floor.
        if (viewport.width === 1024) {
          const cut = await page.getByTestId('presenter-option').locator('.label').evaluateAll((labels) => labels.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent!.slice(0, 40)));
          if (cut.length) {
            clamped.push(what);
            await expect(page.locator('.slide'), `${what}: cut options ${cut.join(' | ')}`).toHaveAttribute('data-clamp', 'true');
            // In full, the fit would have to go under the floor: show them in full at today's size and the stage overflows.
            const overflows = await page.evaluate(() => {
              const stage = document.querySelector<HTMLElement>('main.stage')!;
              document.querySelector('.slide')!.classList.remove('clamp');
              const over = stage.scrollHeight > stage.clientHeight;
              const floor = getComputedStyle(stage).fontSize;
              document.querySelector('.slide')!.classList.add('clamp');
              return { over, floor };
            });
            expect(overflows.over, `${what}: options cut although they fit in full (${overflows.floor})`).toBe(true);
          }
        }
        await page.screenshot({ path: info.outputPath(`largest-${quiz.moduleId}-${viewport.width}-${locale}.png`) });
      }
      info.annotations.push({ type: 'compact reveals with one reason', description: String(oneReason) }, { type: 'wrong options cut at 1024×768', description: clamped.join(', ') || 'none' });
    });

    test(`at ${viewport.width}×${viewport.height} with the phone-voting strip open, the largest scenario of every quiz, revealed, keeps its body text at ${MIN_BODY_PX} px or more, all on screen, and the join address is large (${locale})`, async ({ page }, info) => {
      test.setTimeout(150_000);
      await page.setViewportSize(viewport);
      const sizes: string[] = [];
      // One room for the whole run: the presenter's tab keeps it (sessionStorage) from plan to plan.
      for (const [n, quiz] of quizzes.entries()) {
        const largest = quiz.scenarios.reduce((a, b) => (screenLength(b, locale) > screenLength(a, locale) ? b : a));
        await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quiz.moduleId}:${largest.id}&lang=${locale}`);
        await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
        if (n === 0) await page.getByTestId('live-open').click();
        await expect(page.getByTestId('live-panel')).toHaveAttribute('data-status', 'live');
        if (n === 0) {
          // Readable from the back of the room: the address at 22 px or more, the code larger still.
          const url = await page.getByTestId('live-url').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          const code = await page.getByTestId('live-code').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          expect.soft(url, 'the join address (px)').toBeGreaterThanOrEqual(22);
          expect(code, 'the join code (px), more prominent than the address').toBeGreaterThan(url);
          expect((await page.getByTestId('live-panel').boundingBox())!.height, 'the strip is one row').toBeLessThanOrEqual(64);
          // Its small print too („Pievienojieties telefonā”, „Kods”, the counts' labels, the End button): 15 px or more.
          const print = await page.getByTestId('live-panel').evaluate((panel) => Math.min(...[...panel.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize))));
          expect.soft(print, "the strip's smallest text (px)").toBeGreaterThanOrEqual(15);
          // The ✓ in the bar is not alone for a screen reader: its words stay in the accessibility tree (L4).
          await expect(page.getByTestId('offline-ready-words')).not.toHaveCSS('display', 'none');
          await expect(page.getByTestId('offline-ready-words')).toContainText(t(locale, 'present.readyShort'));
        }
        await page.keyboard.press('Digit1');
        await page.keyboard.press('Space');
        await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
        const what = `${quiz.moduleId}:${largest.id} (strip open)`;
        // The stage fits again after the strip took its row (a resize observer): wait for the fit to settle.
        await expect.poll(() => page.locator('main.stage').evaluate((e) => e.scrollHeight <= e.clientHeight)).toBe(true);
        const strip = (await page.getByTestId('live-panel').boundingBox())!;
        const stage = (await page.locator('main.stage').boundingBox())!;
        expect(stage.y + stage.height, `${what}: the strip never covers the stage`).toBeLessThanOrEqual(strip.y + 1);
        await allOnScreen(page, page.getByTestId('presenter-option'), `${what}: options`);
        await allOnScreen(page, page.getByTestId('reveal').locator('h2, [data-testid="reason"] p, [data-testid="source"], .ending, [data-testid="discussion"]'), `${what}: reasoning, source and discussion`);
        const smallest = await smallestBody(page);
        sizes.push(`${quiz.moduleId} ${smallest.toFixed(1)}`);
        expect.soft(smallest, `${what}: smallest body text (px)`).toBeGreaterThanOrEqual(MIN_BODY_PX);
        await page.screenshot({ path: info.outputPath(`strip-${quiz.moduleId}-${viewport.width}-${locale}.png`) });
      }
      info.annotations.push({ type: 'smallest body text with the strip open (px)', description: sizes.join(', ') });
    });
  }

  test(`the compact reveal shows the situation's first line and opens the rest on request, still on screen (${locale})`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS[0]!);
    const { quiz, scenario } = longestScenario(quizzes, locale);
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quiz.moduleId}:${scenario}&lang=${locale}`);
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    // Before the reveal the whole situation is there and nothing offers to open it.
    await expect(page.getByTestId('situation-toggle')).toHaveCount(0);
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Space');
    await expect(page.locator('main.stage')).toHaveAttribute('data-layout', 'compact');
    const situation = page.getByTestId('situation');
    const cut = () => situation.evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1);
    expect(await cut(), 'the situation is cut to one line').toBe(true);
    // A wrong option is two lines at most, marked wrong; the marks are badges, not text.
    const wrong = page.locator('[data-testid="presenter-option"]:has([data-testid="wrong-mark"])');
    if ((await wrong.count()) > 0) {
      await expect(wrong.first().getByTestId('wrong-mark')).toContainText(t(locale, 'present.wrong'));
      const label = wrong.first().locator('.label');
      expect(await label.evaluate((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))).toBeLessThan(2.5);
    }
    const toggle = page.getByTestId('situation-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveText(t(locale, 'present.situationMore'));
    expect(await toggle.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), 'the toggle (px)').toBeGreaterThanOrEqual(15);
    // The source keeps its 3 px line after the reason, with no margin on top of the space before it (L2).
    const source = page.getByTestId('source').first();
    await expect(source).toHaveCSS('border-left-width', '3px');
    await expect(source).toHaveCSS('margin-left', '0px');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle).toHaveText(t(locale, 'present.situationLess'));
    await expect.poll(cut, { message: 'the whole situation is shown' }).toBe(false);
    await allOnScreen(page, page.locator('[data-testid="situation"], [data-testid="presenter-option"], [data-testid="reason"] p, [data-testid="discussion"]'), 'opened situation');
    await noViolations(page, 'compact reveal with the situation open');
    await toggle.click();
    await expect.poll(cut).toBe(true);
  });

  // The module with the longest scenario in the data (options, situation and reveal text), found here, not named.
  const { quiz, scenario: longest } = longestScenario(quizzes, locale);

  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height} every option and the whole reveal of every scenario in the module with the longest one are on screen (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quiz.moduleId}&lang=${locale}`);
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
      let slides = 0;
      let sawLongest = false;
      const discussed = new Set<string>();
      for (let guard = 0; guard < 120; guard++) {
        const presenter = page.getByTestId('presenter');
        const state = await presenter.getAttribute('data-state');
        if (state === 'summary') break;
        const counter = (await page.getByTestId('presenter-counter').textContent()) ?? '';
        if (state === 'voting') {
          await allOnScreen(page, page.getByTestId('presenter-option'), `${counter}: options before the reveal`);
          await page.keyboard.press('Digit1'); // a story needs the room's choice
          await page.keyboard.press('Space');
          await expect(presenter).toHaveAttribute('data-state', 'revealed');
          await allOnScreen(page, page.getByTestId('presenter-option'), `${counter}: options after the reveal`);
          await allOnScreen(page, page.getByTestId('reveal').locator('h2, [data-testid="reason"] p, [data-testid="source"], .ending, [data-testid="discussion"]'), `${counter}: reasoning, source and discussion`);
          await expect(page.getByTestId('reveal').getByTestId('source').first()).toBeVisible();
          // The scenario's own question for the room (its quiz file's `discussion`); a story asks it with its ending.
          const situation = await page.getByTestId('situation').textContent();
          const shown = quiz.scenarios.find((s) => s.situation[locale] === situation)!;
          if (shown.kind !== 'branching' || (await page.locator('.ending').count())) {
            await expect(page.getByTestId('discussion'), `${counter}: ${shown.id}'s discussion`).toHaveText(`${t(locale, 'present.discuss')}: ${shown.discussion![locale]}`);
            discussed.add(shown.id);
          } else await expect(page.getByTestId('discussion'), `${counter}: no discussion before the story ends`).toHaveCount(0);
          await oneReasonAcross(page, counter);
          slides++;
        }
        if (!sawLongest) sawLongest = (await page.locator('.situation').textContent()) === quiz.scenarios.find((s) => s.id === longest)!.situation[locale];
        await page.keyboard.press('ArrowRight');
      }
      await expect(page.getByTestId('summary')).toBeVisible();
      expect(slides).toBeGreaterThanOrEqual(quiz.scenarios.length);
      expect(sawLongest, 'the longest scenario was among the slides').toBe(true);
      // Every scenario's question was asked (a story's with its ending, which its first options reach).
      expect([...discussed].sort(), 'every scenario asked its own question').toEqual(quiz.scenarios.map((s) => s.id).sort());
    });
  }

  test(`the reveal marks right options with a badge apart from their text and quotes the source in the scenario language (${locale})`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS[0]!);
    await page.goto(`${pathTo('lv', { page: 'present' })}?plan=${quiz.moduleId}:${longest}&lang=${locale}`);
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Space');
    const right = page.locator('[data-testid="presenter-option"][data-right="true"]');
    await expect(right.first()).toBeVisible();
    for (let i = 0; i < (await right.count()); i++) {
      const label = (await right.nth(i).locator('.label').boundingBox())!;
      const mark = (await right.nth(i).getByTestId('right-mark').boundingBox())!;
      expect(await right.nth(i).locator('.label').textContent()).not.toContain('✓');
      expect(mark.x, 'the badge starts after the text, with a gap').toBeGreaterThan(label.x + label.width + 4);
    }
    const quotes = new Set(quiz.scenarios.flatMap((s) => everyOption(s).map(({ option }) => option.source.quote[locale])));
    for (const text of await page.getByTestId('source').allTextContents()) expect(quotes.has(text.slice(1, -1)), text).toBe(true);
    if (locale === 'en') await expect(page.getByTestId('reveal')).toContainText(t('lv', 'present.translation'));
    await noViolations(page, 'revealed at 1024×768');
  });

  test(`the workshop clock runs across slides against the plan while each scenario's timer restarts (${locale})`, async ({ page }) => {
    await page.clock.install();
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quizzes[0]!.moduleId}`);
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await expect(page.getByTestId('schedule')).toHaveText(t(locale, 'present.onTime'));
    // Time stands still from here but for runFor: with real time flowing too, the scenario timer read
    // 64 s after runFor(65 s) in about 1 run in 6 on a loaded machine (cause not pinned down).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const reading = /(?:(\d+):)?(\d\d):(\d\d)/;
    const toSeconds = (text: string) => {
      const [h = 0, m, s] = reading.exec(text)!.slice(1).map((n) => Number(n ?? 0)) as [number, number, number];
      return h * 3600 + m * 60 + s;
    };
    const seconds = async (id: string) => toSeconds((await page.getByTestId(id === 'workshop-clock' ? 'workshop-clock-shown' : id).textContent()) ?? '');
    // Elapsed and planned in one form („0:00:30 no 1:30:00”, „00:30 no 45:00”), never „00:30 no 1:30:00”.
    const oneForm = async () => {
      const shown = (await page.getByTestId('workshop-clock-shown').textContent())!;
      const [elapsed, plan] = shown.split(t(locale, 'present.clockOf', { elapsed: '', planned: '' }).trim()).map((part) => part.trim()) as [string, string];
      const form = (clock: string) => clock.replace(/\d/g, '0');
      expect(form(elapsed), shown).toBe(form(plan));
      return { parts: elapsed.split(':').length, planned: toSeconds(plan) };
    };
    // The workshop clock runs from the first slide even if the trainer never starts the scenario timer.
    await page.clock.runFor(10_000);
    expect(await seconds('workshop-clock')).toBeGreaterThanOrEqual(10);
    const early = await oneForm();
    expect(early.planned).toBeGreaterThan(0);
    expect(early.parts, 'both mm:ss while both are under an hour').toBe(early.planned >= 3600 ? 3 : 2);
    // Said in words inside the timer (the digits are hidden from screen readers).
    const [shown, spoken] = await page.getByTestId('workshop-clock').evaluate((clock) => ['shown', 'spoken'].map((part) => clock.querySelector(`[data-testid="workshop-clock-${part}"]`)!.textContent!));
    expect(spoken, shown).toBe(t(locale, 'present.clockSpoken', { elapsed: durationWords(toSeconds(shown!) * 1000, LANG_TAG[locale]), planned: durationWords(early.planned * 1000, LANG_TAG[locale]) }));
    await expect(page.getByTestId('workshop-clock-shown')).toHaveAttribute('aria-hidden', 'true');
    await expect(page.getByTestId('timer')).toHaveText('00:00');
    await page.keyboard.press('t');
    await page.clock.runFor(65_000);
    expect(await seconds('timer')).toBeGreaterThanOrEqual(65);
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-counter')).toContainText(t(locale, 'present.counter', { current: 2, total: quizzes[0]!.scenarios.length }));
    await page.clock.runFor(5_000);
    const [timer, clock] = [await seconds('timer'), await seconds('workshop-clock')];
    expect(timer, 'the new scenario timed from zero').toBeGreaterThanOrEqual(4);
    expect(timer).toBeLessThan(60);
    expect(clock - timer, 'the workshop clock kept the first scenario’s time').toBeGreaterThanOrEqual(65);
    // Far past the plan: the clock says how far behind.
    await page.clock.fastForward('01:00:00'); // one tick that reports the hour passed
    await expect(page.getByTestId('schedule')).toContainText(/\d+/);
    await expect(page.getByTestId('schedule')).not.toHaveText(t(locale, 'present.onTime'));
    expect((await oneForm()).parts, 'past an hour, both h:mm:ss').toBe(3);
    await page.keyboard.press('Shift+Digit0');
    // Back to zero, and running on from there.
    await expect.poll(() => seconds('workshop-clock')).toBeLessThan(30);
  });
}

test('the presenter at 375 px scrolls its stage, never the controls over it (both locales)', async ({ page }, info) => {
  await page.setViewportSize({ width: 375, height: 700 });
  for (const locale of LOCALES as Locale[]) {
    await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${quizzes[0]!.moduleId}`);
    await expect(page.getByTestId('presenter-option').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const stage = (await page.locator('main.stage').boundingBox())!;
    const controls = (await page.locator('nav.controls').boundingBox())!;
    expect(stage.y + stage.height).toBeLessThanOrEqual(controls.y + 1);
    await page.screenshot({ path: info.outputPath(`presenter-375-${locale}.png`) });
  }
});
