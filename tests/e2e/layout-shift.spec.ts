import { expect, test, type Browser, type Page } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import type { Locale } from '../../src/lib/i18n/locales';
import { passEverything } from './certificates';
import { LOCALES, quizzes } from './course';

// Layout shift while a page loads, measured as Lighthouse (mobile) does: a 375 px phone, a slow
// connection and a slow CPU, and the browser's own layout-shift entries (those after input aside).
// Lighthouse once gave the final test page 0.11: its box held one loading line until the island
// had read the stored progress, then the list of modules to pass pushed the footer off the screen.

const BUDGET = 0.05;

interface Shift {
  value: number;
  sources: string[];
}

async function shiftsWhileLoading(browser: Browser, path: string, setUp?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await setUp?.(page);
  await page.addInitScript(() => {
    const seen: Shift[] = [];
    (window as unknown as { shifts: Shift[] }).shifts = seen;
    const name = (node: Node | null) => (node instanceof Element ? `${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}` : String(node?.nodeName));
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
        if (entry.hadRecentInput) continue;
        seen.push({ value: entry.value, sources: entry.sources.map((s) => `${name(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}, h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path, { waitUntil: 'load' });
  // Every island hydrated, and whatever it renders then has been laid out.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(1500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
  await context.close();
  return { total: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

const modulePath = (locale: Locale) => pathTo(locale, { page: 'module', id: quizzes[0]!.moduleId });

for (const locale of LOCALES) {
  test(`the final test page does not shift while it loads on a slow phone, for a new learner and one ready to start (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const fresh = await shiftsWhileLoading(browser, pathTo(locale, { page: 'final-test' }));
    expect(fresh.total, JSON.stringify(fresh.shifts, null, 1)).toBeLessThan(BUDGET);
    const ready = await shiftsWhileLoading(browser, pathTo(locale, { page: 'final-test' }), (page) => passEverything(page));
    expect(ready.total, JSON.stringify(ready.shifts, null, 1)).toBeLessThan(BUDGET);
  });

  test(`a module page does not shift while it loads on a slow phone (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const { total, shifts } = await shiftsWhileLoading(browser, modulePath(locale));
    expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(BUDGET);
  });
}
