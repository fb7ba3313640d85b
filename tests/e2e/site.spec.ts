import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, modulePath, quizzes, t } from './course';

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

test('pages, scripts and styles arrive compressed, hashed assets cached for a year, pages revalidated', async ({ page }) => {
  const seen: { url: string; type: string; encoding?: string; cache?: string }[] = [];
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    seen.push({ url: response.url(), type: response.request().resourceType(), encoding: headers['content-encoding'], cache: headers['cache-control'] });
  });
  await page.goto(modulePath('lv', quizzes[0]!.moduleId));
  await expect(page.getByTestId('quiz')).toBeVisible();
  const doc = seen.find((r) => r.type === 'document')!;
  expect(doc).toMatchObject({ encoding: 'br', cache: 'no-cache' });
  const assets = seen.filter((r) => new URL(r.url).pathname.startsWith('/_astro/'));
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect(asset.cache, asset.url).toBe('public, max-age=31536000, immutable');
  // Files under 512 bytes are not worth compressing; everything larger is.
  const big = assets.filter((r) => r.encoding);
  expect(big.length).toBeGreaterThan(assets.length / 2);
  for (const asset of big) expect(asset.encoding, asset.url).toBe('br');
});
