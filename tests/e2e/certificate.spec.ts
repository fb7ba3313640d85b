import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importJWK, type CryptoKey } from 'jose';
import { buildCredential } from '../../src/lib/certificate/credential';
import { signCredential } from '../../src/lib/certificate/sign-credential';
import { keyedAttempt, LOCALES, passedRecord, quizzes, t } from './course';
import { pathTo } from '../../src/lib/i18n/routes';
import type { Locale } from '../../src/lib/i18n/locales';
import { storePassedFinalTest } from './final-test-helpers';

/** Stores progress with every module passed from the quiz data's answer key (the server re-grades it). */
async function passEverything(page: Page, name = '') {
  const modules = Object.fromEntries(
    quizzes.map((q) => [q.moduleId, passedRecord(q)]),
  );
  await page.addInitScript((value) => {
    if (!localStorage.getItem('smkurss.progress')) localStorage.setItem('smkurss.progress', value);
  }, JSON.stringify({ version: 2, learnerName: name, modules, certificate: null }));
}

async function requestCertificate(page: Page, locale: Locale, name: string, institution = 'Valsts kanceleja') {
  // The default assessment: a passed final test first (taken through the API in Node).
  await storePassedFinalTest(page);
  await page.goto(pathTo(locale, { page: 'certificate' }));
  // The form is filled after hydration: what is typed into the server-rendered HTML before it is lost.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel(t(locale, 'cert.name')).fill(name);
  await page.getByLabel(t(locale, 'cert.institution')).fill(institution);
  await page.getByLabel(t(locale, 'cert.email')).fill('anna@vk.gov.lv');
  await page.getByRole('button', { name: t(locale, 'cert.request') }).click();
  await expect(page.getByTestId('certificate')).toBeVisible();
}

for (const locale of LOCALES) {
  test(`gets a signed certificate, prints it and verifies it through its QR link (${locale})`, async ({ page }, info) => {
    await passEverything(page);
    // A name with markup must stay text everywhere.
    const name = 'Anna Bērziņa <b>Admin</b>';
    await requestCertificate(page, locale, name);
    await expect(page.getByTestId('certificate-name')).toHaveText(name);
    await expect(page.locator('[data-testid="certificate"] b')).toHaveCount(0);
    await expect(page.getByTestId('certificate').locator('svg')).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByTestId('download-jwt').click();
    const file = info.outputPath('certificate.jwt');
    await (await download).saveAs(file);
    expect(readFileSync(file, 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: info.outputPath(`certificate-print-${locale}.png`), fullPage: true });
    await expect(page.locator('.site-header')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('verify-link').click();
    await expect(page).toHaveURL(new RegExp(`${pathTo(locale, { page: 'verify' })}#q=\\d+$`));
    const row = page.getByTestId('verify-row').first();
    await expect(row).toHaveAttribute('data-status', 'valid');
    await expect(row).toContainText(name);
    await expect(row).toContainText(t(locale, 'verify.status.valid'));
  });
}

test('verifies a whole folder: valid, tampered, expired and not-a-certificate, and exports CSV', async ({ page }, info) => {
  await passEverything(page);
  await requestCertificate(page, 'lv', 'Jānis Ozoliņš, "Jr."');
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('smkurss.progress')!).certificate as string);

  // An expired certificate signed with this installation's development key.
  const jwk = JSON.parse(readFileSync(join('data', 'dev-signing-key.json'), 'utf8'));
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
  const old = buildCredential({
    credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    subjectId: 'urn:uuid:00000000-0000-4000-8000-000000000002',
    issuer: payload.issuer,
    learnerName: 'Vecs Sertifikāts',
    course: { id: 'c', name: payload.name, description: 'd', criteria: 'c', language: 'lv', version: 'old' },
    modules: [],
    issuedAt: new Date('2020-01-01T00:00:00Z'),
    validMonths: 24,
  });
  const expired = await signCredential(old, { key: (await importJWK(jwk, 'RS256')) as CryptoKey, kid: jwk.kid, alg: 'RS256' });
  // A forger's edit: the payload re-encoded with another name, the signature kept.
  const [header, , signature] = token.split('.');
  const forged = { ...payload, credentialSubject: { ...payload.credentialSubject, name: 'Mallory' } };
  const tampered = [header, Buffer.from(JSON.stringify(forged)).toString('base64url'), signature].join('.');

  const folder = info.outputPath('certificates');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'a-valid.jwt'), token);
  writeFileSync(join(folder, 'b-tampered.jwt'), tampered);
  writeFileSync(join(folder, 'c-expired.jwt'), expired);
  writeFileSync(join(folder, 'd-photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

  await page.goto(pathTo('lv', { page: 'verify' }));
  await page.getByTestId('verify-folder').setInputFiles(folder);
  const status = (file: string) => page.locator(`[data-testid="verify-row"][data-source$="${file}"]`);
  await expect(status('a-valid.jwt')).toHaveAttribute('data-status', 'valid');
  await expect(status('b-tampered.jwt')).toHaveAttribute('data-status', 'signature-invalid');
  await expect(status('c-expired.jwt')).toHaveAttribute('data-status', 'expired');
  await expect(status('d-photo.png')).toHaveAttribute('data-status', 'not-a-certificate');
  await expect(page.getByTestId('verify-summary')).toHaveText(t('lv', 'verify.summary', { total: 4, valid: 1, invalid: 3 }));

  const download = page.waitForEvent('download');
  await page.getByTestId('verify-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');

  // The same files dropped onto the page (a synthetic drop carries files, not folder entries).
  await page.getByRole('button', { name: t('lv', 'verify.clear') }).click();
  const dropped = { 'a-valid.jwt': token, 'b-tampered.jwt': tampered, 'c-expired.jwt': expired };
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const [name, text] of Object.entries(files)) data.items.add(new File([text], name));
    return data;
  }, dropped);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('verify-row')).toHaveCount(3);
  await expect(status('b-tampered.jwt')).toHaveAttribute('data-status', 'signature-invalid');
  await expect(status('a-valid.jwt')).toHaveAttribute('data-status', 'valid');
  expect(csv).toContain('"Jānis Ozoliņš, ""Jr."""');
  expect(csv).toContain(t('lv', 'verify.status.expired'));
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
});

test('without the signing server the learner gets an unsigned record, and the verify page says so', async ({ page }) => {
  await passEverything(page, 'Līga Kalniņa');
  // Static hosting: no API at all (neither the certificate nor the final test).
  await page.route('**/api/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(pathTo('en', { page: 'certificate' }));
  await page.getByRole('button', { name: t('en', 'cert.request') }).click();
  await expect(page.getByTestId('cert-offline')).toBeVisible();
  await page.getByRole('button', { name: t('en', 'cert.unsignedButton') }).click();
  await expect(page.getByTestId('unsigned-mark')).toHaveText(t('en', 'cert.unsignedMark'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('en', 'cert.downloadRecord') }).click();
  const record = readFileSync(await (await download).path(), 'utf8');
  await page.goto(pathTo('en', { page: 'verify' }));
  await page.getByTestId('verify-paste').fill(record);
  await page.getByRole('button', { name: t('en', 'verify.check'), exact: true }).click();
  const row = page.getByTestId('verify-row').first();
  await expect(row).toHaveAttribute('data-status', 'not-a-certificate');
  await expect(row).toContainText(t('en', 'verify.reason.unsigned-record'));
});

test('the certificate page lists what is still to pass', async ({ page }) => {
  await page.goto(pathTo('lv', { page: 'certificate' }));
  await expect(page.getByTestId('remaining').locator('li')).toHaveCount(quizzes.length);
});

test('the server refuses a certificate for answers that do not pass, with the reason', async ({ request }) => {
  const attempts = quizzes.map((q) => [q.moduleId, keyedAttempt(q, 1)] as const);
  const logs = Object.fromEntries(attempts.map(([id, a]) => [id, a.log]));
  const draws = Object.fromEntries(attempts.map(([id, a]) => [id, { seed: a.seed, drawn: a.drawn }]));
  logs[quizzes[0]!.moduleId] = [];
  const response = await request.post('/api/certificates/', { data: { name: 'Anna', locale: 'lv', logs, draws } });
  expect(response.status()).toBe(422);
  expect(await response.json()).toMatchObject({ code: 'log-invalid', message: expect.stringContaining(quizzes[0]!.moduleId) });
  const big = await request.post('/api/certificates/', { data: { name: 'x'.repeat(300_000), logs } });
  expect(big.status()).toBe(413);
});

test('axe finds no violations on an issued certificate and a filled verify table', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await passEverything(page);
  await requestCertificate(page, 'lv', 'Anna Bērziņa');
  const check = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(await check()).toEqual([]);
  await page.getByTestId('verify-link').click();
  await expect(page.getByTestId('verify-row')).toHaveCount(1);
  expect(await check()).toEqual([]);
});
