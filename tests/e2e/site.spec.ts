import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import { homePath, LOCALES, modulePath, quizzes, t } from './course';

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

for (const locale of LOCALES) {
  test(`a missing page says so in the language of its address (${locale})`, async ({ page }) => {
    const response = await page.goto(`/${locale}/${locale === 'lv' ? 'nav-tadas-lapas' : 'no-such-page'}/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', locale === 'lv' ? 'lv-LV' : 'en-GB');
    await expect(page.locator('h1')).toHaveText(t(locale, 'notFound.heading'));
    await expect(page).toHaveTitle(new RegExp(`^${t(locale, 'notFound.heading')}`));
    await axe(page, '404');
  });
}

for (const locale of LOCALES) {
  test(`without an institution file the site is the general edition (${locale})`, async ({ page }) => {
    await page.goto(homePath(locale));
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(19, 54, 92)');
    await expect(page.locator('.site-name')).toContainText(t(locale, 'site.title'));
    await expect(page.getByTestId('institution-name')).toHaveCount(0);
    await expect(page.getByTestId('institution-contact')).toHaveCount(0);
    await expect(page.locator('.site-footer p')).toHaveText([t(locale, 'footer.basis'), t(locale, 'footer.privacy')]);
    // No style element of an institution's edition (its .institution rules) either.
    expect(await page.locator('style').evaluateAll((styles) => styles.filter((s) => s.textContent?.includes('.institution')).length)).toBe(0);
  });
}

test('pages, scripts and styles arrive compressed, hashed assets cached for a year, pages revalidated', async ({ page }) => {
  const seen: { url: string; type: string; encoding?: string; cache?: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
    seen.push({ url: response.url(), type: response.request().resourceType(), encoding: headers['content-encoding'], cache: headers['cache-control'], bytes });
  });
  await page.goto(modulePath('lv', quizzes[0]!.moduleId));
  await expect(page.getByTestId('quiz')).toBeVisible();
  const doc = seen.find((r) => r.type === 'document')!;
  expect(doc).toMatchObject({ encoding: 'br', cache: 'no-cache' });
  const assets = seen.filter((r) => new URL(r.url).pathname.startsWith('/_astro/'));
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
  // Files under 512 bytes are not worth compressing; every larger one is, and those are most of the bytes.
  const big = assets.filter((r) => r.bytes >= 512);
  expect(big.length).toBeGreaterThan(0);
  for (const asset of big) expect(asset.encoding, `${asset.url} (${asset.bytes} bytes)`).toBe('br');
  const total = assets.reduce((sum, r) => sum + r.bytes, 0);
  expect(big.reduce((sum, r) => sum + r.bytes, 0)).toBeGreaterThan(total * 0.9);
});

test('the language switch keeps a verify link’s certificate (after #) both ways', async ({ page }) => {
  const hash = '#c=not-a-real-certificate';
  await page.goto(`/lv/parbaudit/${hash}`);
  const toEnglish = page.getByTestId('language-switch');
  await expect(toEnglish).toHaveAttribute('href', new RegExp(`/en/verify/${hash}$`));
  await toEnglish.click();
  await expect(page).toHaveURL(new RegExp(`/en/verify/${hash}$`));
  await expect(page.getByTestId('language-switch')).toHaveAttribute('href', new RegExp(`/lv/parbaudit/${hash}$`));
  // A hash set later (a QR link opened in the page) is followed as well.
  await page.evaluate(() => (location.hash = '#q=123'));
  await expect(page.getByTestId('language-switch')).toHaveAttribute('href', /\/lv\/parbaudit\/#q=123$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a ${colorScheme}-mode browser gets the one colour scheme the contrast was checked for`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/lv/', modulePath('en', quizzes[0]!.moduleId), '/lv/progress/']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
      await axe(page, `${path} (${colorScheme})`);
    }
  });
}

test('on a phone the progress table is one labelled block per module, nothing clipped sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/en/progress/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const row = page.getByTestId('progress-row').first();
  const table = page.locator('table').first();
  expect((await row.boundingBox())!.width).toBeLessThanOrEqual((await table.boundingBox())!.width + 1);
  expect(await table.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
  const label = await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toContain(t('en', 'progress.status'));
  await axe(page, 'progress at 375 px');
});

for (const locale of LOCALES) {
  test(`every link on the home page says in its text where it goes, not just "start" (${locale})`, async ({ page }) => {
    await page.goto(homePath(locale));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    const cards = page.getByTestId('module-card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const title = (await card.locator('h3').innerText()).trim();
      const action = card.locator('a.button');
      // innerText, as search engines and Lighthouse's link-text read it (the title is visually hidden).
      expect(await action.innerText()).toContain(title);
      await expect(action).toHaveAccessibleName(new RegExp(`^${t(locale, 'home.start')}: `));
    }
    // Alternates in other languages, if any, are absolute addresses (a relative hreflang is invalid).
    for (const href of await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await axe(page, 'home');
  });

  test(`the certificate page does not move under the reader while its panel fills (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number[] }).shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shifts: number[] }).shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(pathTo(locale, { page: 'certificate' }));
    await expect(page.getByTestId('remaining')).toBeVisible();
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    await axe(page, 'certificate, new visitor');
  });
}
