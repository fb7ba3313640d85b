import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { LANG_TAG } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { dateInWords } from '../../src/lib/workshop/details';
import { LOCALES, quizzes, t } from './course';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** Prints the page as Chromium does (print media, the page's own @page size and margins) and reads the PDF back with poppler. */
async function printed(page: Page, info: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  const file = info.outputPath(`${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
  const layout = (n: number) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']);
  // A look at the first pages, kept with the test's results.
  run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', file, info.outputPath(name)]);
  const lines = Array.from({ length: pages }, (_, i) => layout(i + 1).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()));
  return { pages, lines, texts: lines.map((l) => l.join(' ')) };
}

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

// The module with the most scenarios: the longest guide.
const longest = [...quizzes].sort((a, b) => b.scenarios.length - a.scenarios.length)[0]!;
const details = { title: 'Sociālie mediji jaunajiem darbiniekiem', date: '2026-12-14', place: 'Rīga, Brīvības bulvāris 36, 2. zāle', start: '09:30' };

for (const locale of LOCALES) {
  test(`the facilitator guide prints compact, with a running title and page numbers on every page (${locale})`, async ({ page }, info) => {
    await page.goto(pathTo(locale, { page: 'guide', id: longest.moduleId }));
    const heading = (await page.locator('h1').textContent())!.trim();
    const pdf = await printed(page, info, `guide-${locale}`);
    expect(pdf.pages, 'several scenarios a page, not one each').toBeLessThan(longest.scenarios.length);
    pdf.texts.forEach((text, i) => {
      expect(text, `page ${i + 1}: running title`).toContain(heading);
      expect(text, `page ${i + 1}: number`).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pdf.pages}\\b`));
    });
    // No heading, and no story step's question, left at a page's foot apart from what it heads.
    const heads = (await page.locator('.doc h1, .doc h2, .doc h3, .doc h4, .doc .ask').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
    pdf.lines.slice(0, -1).forEach((lines, i) => {
      const last = lines.filter((line) => line && !/^\d+ \/ \d+$/.test(line)).at(-1)!;
      expect(heads.filter((h) => h.endsWith(last)), `page ${i + 1} ends with “${last}”`).toEqual([]);
    });
  });

  test(`every handout prints on one A4 page (${locale})`, async ({ page }, info) => {
    for (const quiz of quizzes) {
      await page.goto(pathTo(locale, { page: 'handout', id: quiz.moduleId }));
      expect((await printed(page, info, `handout-${locale}-${quiz.moduleId}`)).pages, quiz.moduleId).toBe(1);
    }
  });

  test(`the printed agenda of the whole course: title, date, place and start times, no blank first page, three A4 pages at most, no row split, a module named again on a page it runs onto (${locale})`, async ({ page }, info) => {
    await page.goto(pathTo(locale, { page: 'workshop' }));
    for (const quiz of quizzes) await page.getByTestId(`pick-${quiz.moduleId}`).check();
    await page.getByTestId('detail-title').fill(details.title);
    await page.getByTestId('detail-date').fill(details.date);
    await page.getByTestId('detail-place').fill(details.place);
    await page.getByTestId('detail-start').fill(details.start);
    await noViolations(page, 'planner with details');
    // The details are in the link: a reload keeps them.
    await page.reload();
    await expect(page.getByTestId('detail-place')).toHaveValue(details.place);
    const table = page.getByTestId('agenda-table');
    await page.emulateMedia({ media: 'print' });
    const cellsOf = (rows: string) => table.locator(rows).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())));
    const modules = await cellsOf('[data-testid="agenda-module"], [data-testid="agenda-end"]');
    const scenarios = await cellsOf('[data-testid="agenda-scenario"]');
    // Rows of text (a module's block, which holds its rows, runs over pages).
    const breaks = await table.locator('tr[data-testid]').evaluateAll((trs) => ({
      splittable: trs.filter((tr) => getComputedStyle(tr).breakInside !== 'avoid').length,
      loose: trs.filter((tr) => tr.dataset.testid === 'agenda-module' && getComputedStyle(tr).breakAfter !== 'avoid').length,
    }));
    await page.emulateMedia({ media: 'screen' });
    expect(modules).toHaveLength(quizzes.length + 1); // every module and the end
    expect(scenarios).toHaveLength(quizzes.reduce((n, q) => n + q.scenarios.length, 0));
    expect(modules[0]![0]).toBe(details.start);
    const times = modules.map((c) => c[0]!);
    expect([...times].sort()).toEqual(times); // the morning's start times in order
    expect(breaks, 'every row whole; a module row kept with its first scenario').toEqual({ splittable: 0, loose: 0 });

    const pdf = await printed(page, info, `agenda-${locale}`);
    const first = run('pdftotext', ['-f', '1', '-l', '1', info.outputPath(`agenda-${locale}.pdf`), '-']);
    expect(first, 'page 1 holds the heading and the first module').toContain(details.title);
    expect(pdf.lines[0]!.some((line) => line.startsWith(`${details.start} ${modules[0]![1]!.split(' ')[0]}`)), 'page 1: the first module').toBe(true);
    // All 8 modules and 148 scenarios: once 17 pages, page 1 blank (one row per module, too tall for what was left of it).
    expect(pdf.pages, 'A4 pages').toBeLessThanOrEqual(3);
    const all = pdf.texts.join(' ');
    for (const expected of [details.title, dateInWords(details.date, LANG_TAG[locale]), details.place]) expect(all).toContain(expected);
    // Each module's row begins with its start time beside its title's first word, on some page's line.
    for (const [time, title] of modules.slice(0, -1))
      expect(pdf.lines.some((page) => page.some((line) => line.startsWith(`${time} ${title!.split(' ')[0]}`))), `${time} ${title}`).toBe(true);
    // The trainer's review: a page that goes on with a module's scenarios names that module above them.
    let current: string[] | undefined;
    pdf.lines.forEach((lines, p) => {
      const heads = modules.slice(0, -1).filter(([time, title]) => lines.some((line) => line.startsWith(`${time} ${title!.split(' ')[0]}`)));
      const firstRow = lines.findIndex((line) => /^\d+\. /.test(line));
      if (p > 0 && firstRow >= 0 && !lines[firstRow]!.startsWith('1. ')) {
        const [time, title] = current!;
        expect(lines.slice(0, firstRow).some((line) => line.startsWith(`${time} ${title!.split(' ')[0]}`)), `page ${p + 1} goes on with “${title}”: its name above the rows`).toBe(true);
      }
      if (heads.length) current = heads.at(-1);
    });
    // Every scenario's numbered name is whole on one page (never split across two), in one or two lines.
    const pageTexts = pdf.texts.map((text) => text.replace(/\s+/g, ' '));
    for (const [n, name] of scenarios) expect(pageTexts.some((text) => text.includes(`${n} ${name}`)), `${n} ${name}`).toBe(true);
  });

  test(`the printed summary has the workshop's title, date and place, and rows that never split (${locale})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const plan = quizzes.map((q) => q.moduleId).join(',');
    const query = new URLSearchParams({ plan, lang: locale, ...details });
    await page.goto(`${pathTo(locale, { page: 'present' })}?${query}`);
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await page.keyboard.press('Digit1');
    await page.keyboard.press('Digit2');
    await page.keyboard.press('Space');
    await page.keyboard.press('s');
    await expect(page.getByTestId('summary')).toBeVisible();
    await expect(page.getByTestId('summary-details')).toContainText(details.place);
    await expect(page.getByRole('columnheader', { name: t(locale, 'present.result') })).toBeVisible();
    await noViolations(page, 'summary');
    const rows = await page.getByTestId('summary-row').locator('td:first-child').allTextContents();
    const pdf = await printed(page, info, `summary-${locale}`);
    expect(pdf.pages).toBeGreaterThan(1); // every scenario of the course: the rows run over pages
    const all = pdf.texts.join(' ');
    for (const expected of [details.title, dateInWords(details.date, LANG_TAG[locale]), details.place]) expect(all).toContain(expected);
    // Every row's scenario title is whole on one page, and print CSS keeps each row from splitting.
    const titles = await page.getByTestId('summary-row').locator('td:nth-child(2)').allTextContents();
    titles.forEach((title, i) => {
      const start = `${i + 1} ${title.trim().split(/\s+/).slice(0, 2).join(' ')}`;
      expect(pdf.lines.some((page) => page.some((line) => line.startsWith(start))), start).toBe(true);
    });
    await page.emulateMedia({ media: 'print' });
    const splittable = await page.getByTestId('summary-row').evaluateAll((trs) => trs.filter((tr) => getComputedStyle(tr).breakInside !== 'avoid').length);
    await page.emulateMedia({ media: 'screen' });
    expect(splittable, 'rows that may split across pages').toBe(0);
    expect(rows.length).toBe(quizzes.reduce((n, q) => n + q.scenarios.length, 0));
  });
}
