import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { passedRecord, quizzes, t } from './course';
import { storePassedFinalTest } from './final-test-helpers';

/** Stores progress with every module passed from the quiz data's answer key (the server re-grades it). */
export async function passEverything(page: Page, name = '') {
  const modules = Object.fromEntries(
    quizzes.map((q) => [q.moduleId, passedRecord(q)]),
  );
  await page.addInitScript((value) => {
    if (!localStorage.getItem('smkurss.progress')) localStorage.setItem('smkurss.progress', value);
  }, JSON.stringify({ version: 2, learnerName: name, modules, certificate: null }));
}

/** Passes the final test (through the API, in Node) and asks for the certificate on the page. */
export async function requestCertificate(page: Page, locale: Locale, name: string, institution = 'Valsts kanceleja') {
  await storePassedFinalTest(page);
  await page.goto(pathTo(locale, { page: 'certificate' }));
  // The form is filled after hydration: what is typed into the server-rendered HTML before it is lost.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel(t(locale, 'cert.name')).fill(name);
  await page.getByLabel(t(locale, 'cert.institution')).fill(institution);
  await page.getByRole('button', { name: t(locale, 'cert.request') }).click();
  await expect(page.getByTestId('certificate')).toBeVisible();
  await expect(page.getByTestId('certificate-qr').locator('svg')).toBeVisible();
}

/** What Debian's zbarimg reads from an image: the QR code's text, or '' when it finds none. */
export function zbar(png: string): string {
  try {
    return execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', png], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
