import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { editionDate } from '../../scripts/edition-date.mjs';
import { editionLabel } from '../../src/lib/certificate/edition-label';
import { INSTITUTION_MAX, NAME_MAX } from '../../src/lib/certificate/issue-request';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { issuerProfile } from '../../src/server/issuer-config';
import { LOCALES, t } from './course';
import { passEverything, requestCertificate, run, zbar } from './certificates';
import { watchCsp } from './csp';

// Screenshots for people to look at, outside test-results/ (which Playwright empties on every run).
const screens = join('screenshots', 'certificate');
mkdirSync(screens, { recursive: true });

/** Real words cut to exactly n characters, so the limit itself is what is tested. */
const exactly = (text: string, n: number) => { const cut = [...text].slice(0, n); if (cut[n - 1] === ' ') cut[n - 1] = 'a'; return cut.join(''); };
const longName = exactly('Anna-Marija Kristīne Bērziņa-Ozoliņa-Kalniņa-Vītoliņa Jēkabsone-Zariņa-Liepiņa Ābeltiņa-Krūmiņa-Dambīte Šteinberga-Žagare-Birziņa', NAME_MAX);
const longInstitution = exactly(
  'Vides aizsardzības un reģionālās attīstības ministrijas Valsts reģionālās attīstības aģentūras Eiropas Savienības fondu uzraudzības un kontroles departamenta Komunikācijas un sabiedrisko attiecību nodaļa un Reģionu nodaļa', INSTITUTION_MAX);

/** Every number on the certificate (digits with their separators and a % sign) that spans two lines. */
function brokenNumbers(page: Page) {
  return page.getByTestId('certificate').evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/\d[\d.,]*(?:[\s\u00a0\u202f]?%)?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

/** Prints to PDF, rasterises it at 150 dpi and expects zbarimg to read the link from the one page. */
function printDecodes(info: TestInfo, pdf: Buffer, url: string) {
  const file = info.outputPath('ordinary.pdf');
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
  expect(pages).toBe(1);
  run('pdftoppm', ['-r', '150', '-png', file, info.outputPath('ordinary')]);
  const png = readdirSync(info.outputDir).find((f) => f.startsWith('ordinary') && f.endsWith('.png'))!;
  const decoded = zbar(join(info.outputDir, png));
  expect(decoded, 'zbarimg on the 150 dpi print').toBe(url);
  return `${pages} page; zbarimg at 150 dpi: decoded, equals the link`;
}

/** Figures for the report: in the test's annotations and on the console. */
const note = (info: TestInfo, text: string) => {
  info.annotations.push({ type: 'qr', description: text });
  console.log(`QR ${text}`);
};
const link = (page: Page) => page.getByTestId('verify-link').getAttribute('href');

async function expectValidOnVerifyPage(page: Page, locale: Locale, url: string, name: string, institution: string, edition: string) {
  await page.goto(url);
  const row = page.getByTestId('verify-row').first();
  await expect(row).toHaveAttribute('data-status', 'valid');
  await expect(row).toContainText(name);
  await expect(row).toContainText(institution);
  await expect(row).toContainText(edition);
  // Signed by the development key in tests: the verify page says it is a test.
  await expect(row.getByTestId('verify-test-key')).toHaveText(t(locale, 'verify.testKey'));
}

test.describe.configure({ timeout: 90_000 });

for (const locale of LOCALES) {
  test(`the QR code decodes from a DPR 1 screenshot at 1280 and 375 px and from a 150 dpi print, and opens as valid (${locale})`, async ({ page }, info) => {
    const csp = await watchCsp(page);
    await passEverything(page);
    const name = 'Līga Bērziņa-Ozoliņa';
    await requestCertificate(page, locale, name);
    const url = (await link(page))!;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${pathTo(locale, { page: 'verify' })}#q=\\d+$`));
    const qr = page.getByTestId('certificate-qr');
    const version = Number(await qr.getAttribute('data-qr-version'));
    expect(version).toBeLessThanOrEqual(10);

    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('smkurss.progress')!).certificate as string);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const edition = editionLabel(locale, t(locale, 'cert.edition'), { date: editionDate(), version: payload.credentialSubject.achievement.version });
    await expect(page.getByTestId('certificate-edition')).toHaveText(edition);
    await expect(page.getByTestId('certificate-issuer')).toHaveText(issuerProfile().name);
    await expect(page.getByTestId('test-mark')).toContainText(t(locale, 'cert.testMark'));

    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const box = (await qr.locator('svg').boundingBox())!;
      const png = info.outputPath(`qr-${width}.png`);
      await qr.locator('svg').screenshot({ path: png });
      const decoded = zbar(png);
      note(info, `${locale} ${width} px: version ${version}, ${17 + 4 * version} modules, drawn ${box.width} px wide; zbarimg: ${decoded === url ? 'decoded, equals the link' : JSON.stringify(decoded)}`);
      expect(decoded, `zbarimg on the ${width} px screenshot`).toBe(url);
      await page.getByTestId('certificate').screenshot({ path: join(screens, `certificate-${locale}-screen-${width}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px overflow`).toBeLessThanOrEqual(0);
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.getByTestId('certificate').screenshot({ path: join(screens, `certificate-${locale}-print.png`) });
    note(info, `${locale} print: ${printDecodes(info, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), url)}`);
    await page.emulateMedia({ media: 'screen' });
    // No number broken across lines, from 320 px up.
    for (const width of [320, 375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await brokenNumbers(page), `${width} px`).toEqual([]);
    }
    expect(await csp()).toEqual([]);

    await expectValidOnVerifyPage(page, locale, url, name, 'Valsts kanceleja', editionLabel(locale, t(locale, 'verify.edition'), { date: editionDate(), version: payload.credentialSubject.achievement.version }));
    // The full credential (.jwt) pasted on the verify page is marked as a test too.
    await page.getByTestId('verify-paste').fill(token);
    await page.getByRole('button', { name: t(locale, 'verify.check'), exact: true }).click();
    await expect(page.getByTestId('verify-row').first().getByTestId('verify-test-key')).toBeVisible();
    expect(await csp(), 'CSP on the verify page').toEqual([]);
  });

  test(`prints on one A4 page with the longest name and institution, and the 40 mm QR decodes at 150 dpi (${locale})`, async ({ page }, info) => {
    expect([...longName]).toHaveLength(NAME_MAX);
    expect([...longInstitution]).toHaveLength(INSTITUTION_MAX);
    await passEverything(page);
    await requestCertificate(page, locale, longName, longInstitution);
    const url = (await link(page))!;
    const version = Number(await page.getByTestId('certificate-qr').getAttribute('data-qr-version'));

    // On screen at DPR 1 this, the largest summary, still decodes.
    await page.setViewportSize({ width: 1280, height: 900 });
    const screenPng = info.outputPath('qr-screen.png');
    await page.getByTestId('certificate-qr').locator('svg').screenshot({ path: screenPng });
    expect(zbar(screenPng), 'zbarimg on the screen').toBe(url);

    await page.emulateMedia({ media: 'print' });
    const qrBox = (await page.getByTestId('certificate-qr').locator('svg').boundingBox())!;
    expect(qrBox.width).toBeCloseTo((40 / 25.4) * 96, 0); // 40 mm
    // Everything inside the fixed A4 frame: nothing overflows it (and so nothing is clipped).
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, as printed
    const fits = await page.getByTestId('certificate').evaluate((el) => {
      const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).borderBlockEndWidth);
      return [...el.children].every((child) => child.getBoundingClientRect().bottom <= bottom + 0.5);
    });
    expect(fits, 'the certificate fits its one-page frame').toBe(true);
    expect(await brokenNumbers(page)).toEqual([]);
    const pdf = info.outputPath('certificate.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
    expect(pages, 'printed pages').toBe(1);
    expect(run('pdftotext', [pdf, '-']).replace(/\s+/g, ' ')).toContain(t(locale, 'cert.testMark'));
    run('pdftoppm', ['-r', '150', '-png', pdf, info.outputPath('print')]);
    const printed = readdirSync(info.outputDir).filter((f) => f.startsWith('print') && f.endsWith('.png')).map((f) => join(info.outputDir, f));
    expect(printed).toHaveLength(1);
    copyFileSync(printed[0]!, join(screens, `certificate-${locale}-print-longest-150dpi.png`));
    const decoded = zbar(printed[0]!);
    note(info, `${locale} longest: version ${version}, ${17 + 4 * version} modules, ${url.length} characters; pages ${pages}; zbarimg at 150 dpi: ${decoded === url ? 'decoded, equals the link' : JSON.stringify(decoded)}`);
    expect(decoded, 'zbarimg on the 150 dpi print').toBe(url);
    await page.emulateMedia({ media: 'screen' });

    await expectValidOnVerifyPage(page, locale, url, longName, longInstitution, locale === 'lv' ? 'redakcija' : 'Edition of');
  });
}
