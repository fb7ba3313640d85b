import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { answerAll, homePath, LOCALES, openModule, progressPath, quizzes, t } from './course';

for (const locale of LOCALES) {
  test(`exports progress, resets with confirmation and imports it back (${locale})`, async ({ page }, testInfo) => {
    const id = quizzes[0]!.moduleId;
    await openModule(page, locale, id);
    await answerAll(page, locale, quizzes[0]!, 'best');
    await page.goto(progressPath(locale));
    // Typing into the server-rendered form before the island hydrates would be lost: wait for it.
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.getByLabel(t(locale, 'progress.nameLabel')).fill('Anna Bērziņa');
    await page.getByRole('button', { name: t(locale, 'progress.nameSave') }).click();
    await expect(page.getByTestId('progress-message')).toHaveText(t(locale, 'progress.nameSaved'));

    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const file = testInfo.outputPath('progress.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).progress.learnerName).toBe('Anna Bērziņa');

    await page.getByRole('button', { name: t(locale, 'progress.reset') }).click();
    await page.getByRole('button', { name: t(locale, 'progress.resetNo') }).click();
    await expect(page.locator(`[data-testid="progress-row"][data-module="${id}"]`)).toHaveAttribute('data-status', 'passed');
    await page.getByRole('button', { name: t(locale, 'progress.reset') }).click();
    await expect(page.getByRole('button', { name: t(locale, 'progress.resetYes') })).toBeFocused();
    await page.getByRole('button', { name: t(locale, 'progress.resetYes') }).click();
    await expect(page.locator(`[data-testid="progress-row"][data-module="${id}"]`)).toHaveAttribute('data-status', 'not-started');
    await expect(page.getByLabel(t(locale, 'progress.nameLabel'))).toHaveValue('');

    await page.getByTestId('import').setInputFiles(file);
    await expect(page.getByTestId('progress-message')).toHaveText(t(locale, 'progress.imported'));
    await expect(page.locator(`[data-testid="progress-row"][data-module="${id}"]`)).toHaveAttribute('data-status', 'passed');
    await expect(page.getByLabel(t(locale, 'progress.nameLabel'))).toHaveValue('Anna Bērziņa');
    await page.goto(homePath(locale));
    await expect(page.locator(`[data-module="${id}"]`)).toHaveAttribute('data-status', 'passed');
  });

  test(`refuses a bad progress file with a clear message and changes nothing (${locale})`, async ({ page }) => {
    await page.goto(progressPath(locale));
    await page.getByTestId('import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
    await expect(page.getByTestId('progress-error')).toHaveText(t(locale, 'progress.importError.not-progress'));
    await page.getByTestId('import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
    await expect(page.getByTestId('progress-error')).toHaveText(t(locale, 'progress.importError.not-json'));
  });
}
