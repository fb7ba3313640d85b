import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { homePath, LOCALES, progressPath, quizzes, t } from './course';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A VC-JWT-shaped token: the progress page dates it by its validFrom, it never checks a signature. */
const certificate = (validFrom: string) => `${b64({ alg: 'RS256', kid: 'e2e' })}.${b64({ type: ['VerifiableCredential', 'OpenBadgeCredential'], validFrom })}.${'s'.repeat(40)}`;
const CERT = certificate('2026-11-20T10:00:00Z');

const passedModule = (percent: number, day: string) => ({
  status: 'passed', bestPercent: percent, attempts: 1, current: null, bestLog: [{ scenario: 'x', choice: ['y'] }], bestDraw: { seed: 1, drawn: ['x'] },
  startedAt: `${day}T09:00:00.000Z`, updatedAt: `${day}T09:30:00.000Z`, passedAt: `${day}T09:30:00.000Z`,
});
const failedModule = (percent: number, day: string) => ({ ...passedModule(percent, day), status: 'in-progress', passedAt: null });

async function store(page: Page, progress: unknown) {
  await page.evaluate((value) => localStorage.setItem('smkurss.progress', JSON.stringify(value)), progress);
  await page.reload();
  // Acting on the server-rendered page before the islands hydrate would be lost: wait for them.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('smkurss.progress') ?? 'null'));
const row = (page: Page, id: string) => page.locator(`[data-testid="progress-row"][data-module="${id}"]`);
const file = (name: string, content: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)) });

for (const locale of LOCALES) {
  test(`an older progress file is compared, merged keeping the passed module and the certificate, and can be undone (${locale})`, async ({ page }, testInfo) => {
    const [a, b] = [quizzes[0]!.moduleId, quizzes[1]!.moduleId];
    await page.goto(progressPath(locale));
    await store(page, { version: 2, learnerName: 'Anna Bērziņa', modules: { [a]: passedModule(90, '2026-11-20') }, certificate: CERT });

    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const exported = testInfo.outputPath('progress.json');
    await (await download).saveAs(exported);
    const exportedData = JSON.parse(readFileSync(exported, 'utf8'));
    expect(exportedData.progress).toMatchObject({ learnerName: 'Anna Bērziņa', certificate: CERT });
    expect(exportedData.edition).toMatch(/^[0-9a-f]{12}$/);

    // An older file: module a failed at 40 %, module b tried once, no certificate.
    const older = { format: 'smkurss-progress', edition: exportedData.edition, exportedAt: '2026-11-02T08:00:00Z', progress: { version: 2, learnerName: '', modules: { [a]: failedModule(40, '2026-11-02'), [b]: failedModule(50, '2026-11-02') }, certificate: null } };
    await page.getByTestId('import').setInputFiles(file('older.json', older));
    const compare = page.getByTestId('import-compare');
    await expect(compare.getByRole('heading', { name: t(locale, 'progress.compare.heading') })).toBeFocused();
    await expect(compare.locator(`[data-module="${a}"]`)).toHaveAttribute('data-result', 'stored');
    await expect(compare.locator(`[data-module="${b}"]`)).toHaveAttribute('data-result', 'file');
    await expect(compare.getByTestId('compare-certificate')).toHaveAttribute('data-result', 'stored');
    await expect(compare.getByTestId('compare-certificate')).toContainText(t(locale, 'progress.compare.noCertificate'));
    // Nothing is replaced before the learner confirms.
    expect((await stored(page)).modules[b]).toBeUndefined();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await compare.getByRole('button', { name: t(locale, 'progress.compare.merge') }).click();
    await expect(page.getByTestId('import-message')).toHaveText(t(locale, 'progress.merged'));
    await expect(page.getByTestId('import-undo-box')).toBeFocused();
    await expect(row(page, a)).toHaveAttribute('data-status', 'passed');
    await expect(row(page, b)).toHaveAttribute('data-status', 'in-progress');
    const merged = await stored(page);
    expect(merged.certificate).toBe(CERT);
    expect(merged.modules[a]).toMatchObject({ status: 'passed', bestPercent: 90 });
    expect(merged.learnerName).toBe('Anna Bērziņa');

    await page.getByRole('button', { name: t(locale, 'progress.undo') }).click();
    await expect(page.getByTestId('import-message')).toHaveText(t(locale, 'progress.undone'));
    await expect(row(page, b)).toHaveAttribute('data-status', 'not-started');
    expect((await stored(page)).modules[b]).toBeUndefined();

    // Cancel changes nothing; the same file as stored says so instead of asking.
    await page.getByTestId('import').setInputFiles(file('older.json', older));
    await page.getByRole('button', { name: t(locale, 'progress.compare.cancel') }).click();
    await expect(page.getByTestId('import-message')).toHaveText(t(locale, 'progress.compare.cancelled'));
    await expect(page.getByTestId('import-compare')).toHaveCount(0);
    await page.getByTestId('import').setInputFiles(exported);
    await expect(page.getByTestId('import-message')).toHaveText(t(locale, 'progress.compare.unchanged'));
    expect((await stored(page)).modules[b]).toBeUndefined();
  });

  test(`a newer file brings its newer certificate; a file of another edition is flagged (${locale})`, async ({ page }) => {
    const [a, b] = [quizzes[0]!.moduleId, quizzes[1]!.moduleId];
    await page.goto(progressPath(locale));
    await store(page, { version: 2, learnerName: '', modules: { [a]: passedModule(80, '2026-11-10') }, certificate: certificate('2026-11-10T10:00:00Z') });
    const newer = { format: 'smkurss-progress', edition: 'abcdef123456', progress: { version: 2, learnerName: 'Jānis Ozoliņš', modules: { [a]: passedModule(100, '2026-11-21'), [b]: passedModule(90, '2026-11-21') }, certificate: CERT } };
    await page.getByTestId('import').setInputFiles(file('newer.json', newer));
    await expect(page.getByTestId('import-other-edition')).toHaveText(t(locale, 'progress.compare.otherEdition'));
    await expect(page.getByTestId('compare-certificate')).toHaveAttribute('data-result', 'file');
    await page.getByRole('button', { name: t(locale, 'progress.compare.merge') }).click();
    await expect(row(page, b)).toHaveAttribute('data-status', 'passed');
    expect(await stored(page)).toMatchObject({ certificate: CERT, learnerName: 'Jānis Ozoliņš', modules: { [a]: { bestPercent: 100 } } });
    await expect(page.getByLabel(t(locale, 'progress.nameLabel'))).toHaveValue('Jānis Ozoliņš');
    await page.goto(homePath(locale));
    await expect(page.locator(`[data-module="${b}"]`)).toHaveAttribute('data-status', 'passed');
  });

  test(`the reset confirmation focuses cancel, Esc cancels, and confirming resets (${locale})`, async ({ page }) => {
    const a = quizzes[0]!.moduleId;
    await page.goto(progressPath(locale));
    await store(page, { version: 2, learnerName: 'Anna', modules: { [a]: passedModule(90, '2026-11-20') }, certificate: null });
    await page.getByRole('button', { name: t(locale, 'progress.reset') }).click();
    await expect(page.getByRole('button', { name: t(locale, 'progress.resetNo') })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: t(locale, 'progress.resetYes') })).toHaveCount(0);
    await expect(page.getByRole('button', { name: t(locale, 'progress.reset') })).toBeFocused();
    // Enter on the focused "cancel" never deletes.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(row(page, a)).toHaveAttribute('data-status', 'passed');
    await page.getByRole('button', { name: t(locale, 'progress.reset') }).click();
    await page.getByRole('button', { name: t(locale, 'progress.resetYes') }).click();
    await expect(row(page, a)).toHaveAttribute('data-status', 'not-started');
    await expect(page.getByLabel(t(locale, 'progress.nameLabel'))).toHaveValue('');
  });

  test(`refuses a bad progress file with a clear message and changes nothing (${locale})`, async ({ page }) => {
    const a = quizzes[0]!.moduleId;
    await page.goto(progressPath(locale));
    await store(page, { version: 2, learnerName: '', modules: { [a]: passedModule(90, '2026-11-20') }, certificate: null });
    await page.getByTestId('import').setInputFiles(file('notes.json', { hello: 'world' }));
    await expect(page.getByTestId('import-error')).toHaveText(t(locale, 'progress.importError.not-progress'));
    await page.getByTestId('import').setInputFiles(file('broken.json', '{oops'));
    await expect(page.getByTestId('import-error')).toHaveText(t(locale, 'progress.importError.not-json'));
    await expect(page.getByTestId('import-compare')).toHaveCount(0);
    expect((await stored(page)).modules[a].status).toBe('passed');
  });
}
