import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { buildCredential, type CredentialInput } from '../../src/lib/certificate/credential';
import { packCertificate } from '../../src/lib/certificate/pack-certificate';
import { signCredential } from '../../src/lib/certificate/sign-credential';
import { PRIVATE_MEMBERS } from '../../src/lib/certificate/public-jwk';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { issuerProfile } from '../../src/server/issuer-config';
import { LOCALES, t } from './course';

// Certificates signed with this installation's development key (what the build embedded), and forgeries.
const devJwk = JSON.parse(readFileSync(join('data', 'dev-signing-key.json'), 'utf8'));
const devKey = { key: (await importJWK(devJwk, 'RS256')) as CryptoKey, kid: devJwk.kid as string, alg: 'RS256' as const };
const issuer = issuerProfile();
const credential = (overrides: Partial<CredentialInput> = {}) =>
  buildCredential({
    credentialId: 'urn:uuid:11111111-1111-4111-8111-111111111111',
    subjectId: 'urn:uuid:22222222-2222-4222-8222-222222222222',
    issuer,
    learnerName: 'Anna Bērziņa',
    institution: 'Valsts kanceleja',
    course: { id: 'c', name: 'Sociālie mediji valsts pārvaldē', description: 'd', criteria: 'c', language: 'lv', version: 'v1' },
    modules: [],
    issuedAt: new Date(),
    validMonths: 24,
    ...overrides,
  });
const genuine = await signCredential(credential(), devKey);
const [h, p, s] = genuine.split('.');
const tampered = [h, Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), credentialSubject: { ...credential().credentialSubject, name: 'Mallory' } })).toString('base64url'), s].join('.');
const poison = `${Buffer.from(JSON.stringify({ alg: { toString: 1, valueOf: 1 }, kid: devJwk.kid })).toString('base64url')}.${p}.${s}`;
const poisonRecord = JSON.stringify({ format: 'smkurss-unsigned-record', name: { toString: 1, valueOf: 1 }, completedAt: { x: 1 } });

// A forger's own key, issuer id and a copy of the genuine issuer's name.
const forger = await generateKeyPair('EdDSA', { extractable: true });
const forgerPublic = { ...(await exportJWK(forger.publicKey)), kid: 'forger-key-1' };
const forgery = await signCredential(credential({ learnerName: 'Mallory Forger', credentialId: 'urn:uuid:33333333-3333-4333-8333-333333333333', issuer: { ...issuer, id: 'https://forger.example/issuer' } }), { key: forger.privateKey, kid: 'forger-key-1', alg: 'EdDSA' });

async function paste(page: Page, locale: Locale, ...tokens: string[]) {
  await page.getByTestId('verify-paste').fill(tokens.join('\n'));
  await page.getByRole('button', { name: t(locale, 'verify.check'), exact: true }).click();
}

async function addIssuer(page: Page, locale: Locale, id: string, name: string, keys: unknown) {
  const details = page.locator('details.issuers');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText(t(locale, 'verify.issuers')).click();
  await page.getByLabel(t(locale, 'verify.issuerId')).fill(id);
  await page.getByLabel(t(locale, 'verify.issuerName')).fill(name);
  await page.getByLabel(t(locale, 'verify.jwks')).fill(JSON.stringify(keys));
  await page.getByRole('button', { name: t(locale, 'verify.addIssuer') }).click();
}

const rows = (page: Page) => page.getByTestId('verify-row');
const errors: string[] = [];
test.beforeEach(({ page }) => {
  errors.length = 0;
  page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(() => expect(errors).toEqual([]));

for (const locale of LOCALES) {
  test(`says why in plain ${locale === 'lv' ? 'Latvian' : 'English'}, without jargon (${locale})`, async ({ page }) => {
    await page.goto(pathTo(locale, { page: 'verify' }));
    await paste(page, locale, genuine, tampered, 'hello');
    await expect(rows(page)).toHaveCount(3);
    const reasons = await page.getByTestId('verify-reason').allTextContents();
    // The tampered copy keeps the genuine id, so both rows also say the certificate appears twice.
    // Made without the register, it has no revocation entry, and the row says so.
    expect(reasons[0]).toBe(`${t(locale, 'verify.reason.signed-by', { issuer: issuer.name })} ${t(locale, 'verify.note.revocation.no-entry')} ${t(locale, 'verify.note.duplicate')}`);
    expect(reasons[1]).toBe(`${t(locale, 'verify.reason.signature-mismatch')} ${t(locale, 'verify.note.duplicate')}`);
    expect(reasons[2]).toBe(t(locale, 'verify.reason.not-a-token'));
    if (locale === 'lv') expect(reasons[1]).toContain('Sertifikāts ir mainīts pēc parakstīšanas');
    for (const reason of reasons) expect(reason).not.toMatch(/JWT|base64|JSON|kid|signature does not match/);
    await expect(page.locator('.reason[lang="en"]')).toHaveCount(0);
  });

  test(`a crafted file gives one bad row and the genuine one is still checked (${locale})`, async ({ page }) => {
    await page.goto(pathTo(locale, { page: 'verify' }));
    await page.getByTestId('verify-files').setInputFiles([
      { name: 'a-genuine.jwt', mimeType: 'application/jwt', buffer: Buffer.from(genuine) },
      { name: 'b-poison-header.jwt', mimeType: 'application/jwt', buffer: Buffer.from(poison) },
      { name: 'c-poison-record.json', mimeType: 'application/json', buffer: Buffer.from(poisonRecord) },
      { name: 'd-huge.jwt', mimeType: 'application/jwt', buffer: Buffer.alloc(3_000_000, 'x') },
      { name: 'e-again.jwt', mimeType: 'application/jwt', buffer: Buffer.from(genuine) },
    ]);
    await expect(rows(page)).toHaveCount(5);
    const row = (name: string) => page.locator(`[data-testid="verify-row"][data-source="${name}"]`);
    await expect(row('a-genuine.jwt')).toHaveAttribute('data-status', 'valid');
    await expect(row('b-poison-header.jwt')).toHaveAttribute('data-status', 'signature-invalid');
    await expect(row('c-poison-record.json')).toHaveAttribute('data-status', 'not-a-certificate');
    await expect(row('d-huge.jwt')).toContainText(t(locale, 'verify.reason.file-too-large', { size: '64 KB' }));
    // The same certificate twice in one check is flagged on both rows.
    await expect(row('a-genuine.jwt')).toHaveAttribute('data-duplicate', 'true');
    await expect(row('e-again.jwt')).toContainText(t(locale, 'verify.note.duplicate'));
    await expect(page.getByTestId('verify-summary')).toHaveText(t(locale, 'verify.summary', { total: 5, valid: 2, invalid: 3 }));
  });

  test(`a pasted issuer can never pass for this site's issuer (${locale})`, async ({ page }) => {
    await page.goto(pathTo(locale, { page: 'verify' }));
    // The forger's key under the built-in kid: refused, and the genuine certificate stays valid.
    await addIssuer(page, locale, 'https://forger.example/issuer', 'Forger', { keys: [{ ...forgerPublic, kid: devJwk.kid }] });
    await expect(page.getByTestId('issuer-message')).toHaveText(t(locale, 'verify.issuerProblem.kid-taken'));
    // The genuine issuer id reused: refused.
    await addIssuer(page, locale, issuer.id, 'Forger', { keys: [forgerPublic] });
    await expect(page.getByTestId('issuer-message')).toHaveText(t(locale, 'verify.issuerProblem.id-taken'));
    // A copy of the genuine name: refused.
    await addIssuer(page, locale, 'https://forger.example/issuer', issuer.name, { keys: [forgerPublic] });
    await expect(page.getByTestId('issuer-message')).toHaveText(t(locale, 'verify.issuerProblem.name-taken'));
    await expect(page.getByTestId('trusted-issuer')).toHaveCount(1);
    // Its own id and name: added, and every row it checks says so and looks different.
    await addIssuer(page, locale, 'https://forger.example/issuer', 'Sociālo mediju kurss', { keys: [{ ...forgerPublic, d: 'should-never-be-kept' }] });
    await expect(page.getByTestId('issuer-message')).toHaveText(t(locale, 'verify.issuerAdded'));
    await expect(page.locator('[data-testid="trusted-issuer"][data-trust="added"]')).toContainText(t(locale, 'verify.trust.added'));
    await expect(page.locator('body')).not.toContainText('should-never-be-kept');
    await paste(page, locale, genuine, forgery);
    const real = rows(page).nth(0);
    const forged = rows(page).nth(1);
    await expect(real).toHaveAttribute('data-trust', 'built-in');
    await expect(forged).toHaveAttribute('data-trust', 'added');
    // Without a revocation entry it says so: never a plain "valid".
    await expect(forged.locator('.badge')).toHaveText(t(locale, 'verify.status.withAddedIssuer', { status: t(locale, 'verify.status.valid-unchecked') }));
    await expect(forged).toContainText('https://forger.example/issuer');
    const look = (row: typeof real) => row.locator('.badge').evaluate((b) => `${getComputedStyle(b).borderStyle} ${getComputedStyle(b).color}`);
    expect(await look(forged)).not.toBe(await look(real));
    const download = page.waitForEvent('download');
    await page.getByTestId('verify-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain(t(locale, 'verify.trust.added'));
    expect(csv).toContain('https://forger.example/issuer');
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  test(`says which assessment a certificate attests: module quizzes only, or the final test, on a QR link, in the table and the CSV (${locale})`, async ({ page }) => {
    const withFinal = await signCredential(
      credential({ credentialId: 'urn:uuid:44444444-4444-4444-8444-444444444444', modules: [{ id: 'm1', title: 'Modulis', percent: 90 }, { id: 'final-test', title: 'Noslēguma tests', percent: 88 }] }),
      devKey,
    );
    // One certificate from a QR link: its row says it attests the module quizzes only.
    await page.goto(`${pathTo(locale, { page: 'verify' })}#c=${await packCertificate(genuine)}`);
    const single = rows(page).first();
    await expect(single).toHaveAttribute('data-status', 'valid');
    await expect(single.getByTestId('verify-final-test')).toHaveText(t(locale, 'verify.assessment.modules'));
    await expect(single.getByTestId('verify-final-test')).toHaveAttribute('data-assessment', 'modules');
    // Several checked at once: each row says what it attests.
    await paste(page, locale, genuine, withFinal);
    await expect(rows(page)).toHaveCount(3);
    await expect(page.locator('[data-testid="verify-final-test"][data-assessment="modules"]')).toHaveCount(2);
    await expect(page.locator('[data-testid="verify-final-test"][data-assessment="final-test"]')).toHaveText(new RegExp(`^${locale === 'lv' ? 'Noslēguma tests nokārtots ar rezultātu' : 'Final test passed with'} 88\\s?%\\.$`));
    const download = page.waitForEvent('download');
    await page.getByTestId('verify-csv-plain').click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toContain(`"${t(locale, 'verify.col.assessment')}"`);
    expect(csv.filter((line) => line.includes(`"${t(locale, 'verify.assessment.modules')}"`))).toHaveLength(2);
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  test(`after a QR link the result comes first, in view on a phone (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${pathTo(locale, { page: 'verify' })}#c=${await packCertificate(genuine)}`);
    const row = rows(page).first();
    await expect(row).toHaveAttribute('data-status', 'valid');
    const [results, paste] = await Promise.all([page.getByTestId('verify-results').boundingBox(), page.getByTestId('verify-paste').boundingBox()]);
    expect(results!.y).toBeLessThan(paste!.y);
    await expect(page.getByRole('heading', { name: t(locale, 'verify.results') })).toBeFocused();
    await expect(row).toBeInViewport();
    // Switching language keeps the certificate.
    await page.getByTestId('language-switch').click();
    await expect(rows(page).first()).toHaveAttribute('data-status', 'valid');
  });
}

test('a #c= decompression bomb is refused quickly, without inflating it (lv)', async ({ page }) => {
  const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024)).toString('base64url');
  const started = Date.now();
  await page.goto(`${pathTo('lv', { page: 'verify' })}#c=${bomb}`);
  await expect(rows(page).first()).toContainText(t('lv', 'verify.reason.file-too-large', { size: '64 KB' }));
  expect(Date.now() - started).toBeLessThan(10_000);
  await paste(page, 'lv', genuine);
  await expect(page.locator('[data-testid="verify-row"][data-status="valid"]')).toHaveCount(1);
});

test('exports the Latvian spreadsheet CSV and the plain CSV', async ({ page }) => {
  await page.goto(pathTo('lv', { page: 'verify' }));
  await paste(page, 'lv', genuine, tampered);
  await expect(rows(page)).toHaveCount(2);
  const save = async (testId: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    return readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  };
  const lv = await save('verify-csv');
  // Every field is quoted, so nothing inside a cell can end a field or a record.
  expect(lv[0]).toMatch(/^"Statuss";"Vārds";"Iestāde";/);
  expect(lv[1]).toMatch(/^"Derīgs — atsaukums nav pārbaudīts";"Anna Bērziņa";"Valsts kanceleja";.*;"\d\d\.\d\d\.\d{4} \d\d:\d\d";/);
  expect(lv.join('\n')).toContain(t('lv', 'verify.reason.signature-mismatch'));
  const plain = await save('verify-csv-plain');
  expect(plain[0]).toMatch(/^"Statuss","Vārds","Iestāde",/);
  expect(plain[1]).toMatch(/,"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",/);
});

test('the certificate page does not show a stored certificate that does not verify', async ({ page }) => {
  await page.addInitScript((token) => {
    localStorage.setItem('smkurss.progress', JSON.stringify({ version: 1, learnerName: 'Mallory', modules: {}, certificate: token }));
  }, tampered);
  await page.goto(pathTo('en', { page: 'certificate' }));
  await expect(page.getByTestId('cert-unverified')).toContainText(t('en', 'verify.reason.signature-mismatch'));
  await expect(page.getByTestId('certificate')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Mallory');
  await page.getByRole('button', { name: t('en', 'cert.unverifiedRemove') }).click();
  await expect(page.getByTestId('cert-unverified')).toHaveCount(0);
});

test('the certificate page shows a stored certificate that verifies', async ({ page }) => {
  await page.addInitScript((token) => {
    localStorage.setItem('smkurss.progress', JSON.stringify({ version: 1, learnerName: 'Anna', modules: {}, certificate: token }));
  }, genuine);
  await page.goto(pathTo('lv', { page: 'certificate' }));
  await expect(page.getByTestId('certificate-name')).toHaveText('Anna Bērziņa');
});

test('the API refuses a look-alike content type and invisible names', async ({ request }) => {
  const body = JSON.stringify({ name: 'Anna Bērziņa', locale: 'lv', logs: {} });
  const evil = await request.post('/api/certificates/', { headers: { 'content-type': 'application/jsonp-evil' }, data: body });
  expect(evil.status()).toBe(415);
  const blank = await request.post('/api/certificates/', { data: { name: '\u200B\u200C\u200D\u2060', locale: 'lv', logs: {} } });
  expect(await blank.json()).toMatchObject({ code: 'name-invalid' });
  const filler = await request.post('/api/certificates/', { data: { name: '\u3164\u3164', locale: 'lv', logs: {} } });
  expect(await filler.json()).toMatchObject({ code: 'name-invalid' });
});

test('the build publishes no private key member: jwks.json and the verify pages hold public members only', () => {
  const jwks = JSON.parse(readFileSync('dist/client/.well-known/jwks.json', 'utf8')) as { keys: Record<string, unknown>[] };
  for (const key of jwks.keys) {
    // RSA n, e; Ed25519 crv, x; the QR summary key (EC P-256) crv, x, y: public members only.
    expect(Object.keys(key).every((m) => ['kty', 'n', 'e', 'crv', 'x', 'y', 'kid', 'alg', 'use'].includes(m)), JSON.stringify(Object.keys(key))).toBe(true);
    for (const m of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(m);
  }
  for (const page of ['dist/client/lv/parbaudit/index.html', 'dist/client/en/verify/index.html', 'dist/client/lv/sertifikats/index.html']) {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toContain(devJwk.d.slice(0, 24));
    expect(html).not.toContain(devJwk.p.slice(0, 24));
  }
});

test('npm start refuses a signing key that differs from the one the build embedded', async () => {
  const other = await generateKeyPair('EdDSA', { extractable: true });
  const jwk = JSON.stringify({ ...(await exportJWK(other.privateKey)), kid: 'prod-ed-1' });
  const child = spawn(join('node_modules', '.bin', 'node'), ['scripts/start.mjs'], { env: { ...process.env, CERT_PRIVATE_JWK: jwk, PORT: '4351', HOST: '127.0.0.1' } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve(null);
    }, 20_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain('The server does not start: the signing key (kid "prod-ed-1", thumbprint');
  expect(output).toContain(`not among the keys the build embedded (kid "${devJwk.kid}"`);
});
