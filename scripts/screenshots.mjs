// Takes screenshots of every page at 1280 px and 375 px in both locales, for looking at layout,
// contrast and overflow: `node scripts/screenshots.mjs [baseURL] [outDir]` with the site served.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:4329';
const out = process.argv[3] ?? 'test-results/screenshots';
const pages = (process.env.PAGES ?? '/lv/,/en/,/lv/moduli/komunikacijas-principi/,/en/modules/komunikacijas-principi/,/lv/progress/,/en/progress/').split(',');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    const file = `${out}/${path.replace(/\W+/g, '_')}${width}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    console.log(`${file}${overflow ? '  ⚠ horizontal overflow' : ''}`);
  }
  await page.close();
}
await browser.close();
