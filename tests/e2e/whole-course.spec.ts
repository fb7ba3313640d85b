import { expect, test } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import { finalTestStrings } from '../../src/lib/i18n/strings/final-test';
import { answerAll, homePath, LOCALES, openModule, quizzes, t } from './course';
import { answerAllByKeyboard } from './final-test-helpers';

for (const locale of LOCALES) {
  test(`completes the whole course from the answer key and gets a certificate (${locale})`, async ({ page }) => {
    test.setTimeout(240_000);
    for (const quiz of quizzes) {
      await openModule(page, locale, quiz.moduleId);
      await answerAll(page, locale, quiz, 'best');
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    }
    await page.goto(homePath(locale));
    await expect(page.getByTestId('overall')).toHaveText(t(locale, 'home.overall', { passed: quizzes.length, total: quizzes.length }));
    for (const quiz of quizzes) await expect(page.locator(`[data-module="${quiz.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    await expect(page.getByText(t(locale, 'home.complete'))).toBeVisible();

    // The default: the final test before the certificate, answered by keyboard with the key read in Node.
    await page.getByTestId('home-primary').click();
    await expect(page).toHaveURL(new RegExp(`${pathTo(locale, { page: 'final-test' })}$`));
    await page.getByRole('button', { name: finalTestStrings[locale].start }).click();
    await answerAllByKeyboard(page, 'best');
    await page.getByRole('button', { name: finalTestStrings[locale].submit }).click();
    await expect(page.getByTestId('final-result')).toHaveAttribute('data-passed', 'true');
    await page.getByRole('link', { name: finalTestStrings[locale].toCertificate }).click();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.getByLabel(t(locale, 'cert.name')).fill('Kārlis Zariņš');
    await page.getByRole('button', { name: t(locale, 'cert.request') }).click();
    await expect(page.getByTestId('certificate-name')).toHaveText('Kārlis Zariņš');
    await page.getByTestId('verify-link').click();
    await expect(page.getByTestId('verify-row').first()).toHaveAttribute('data-status', 'valid');
  });
}

test('the course home lists every module in order with its estimated minutes', async ({ page }) => {
  await page.goto(homePath('lv'));
  const cards = page.getByTestId('module-card');
  await expect(cards).toHaveCount(quizzes.length);
  const numbers = await cards.locator('.number').allTextContents();
  numbers.forEach((text, i) => expect(text).toMatch(new RegExp(`^${i + 1}\\. modulis · \\d+ minū`)));
});
