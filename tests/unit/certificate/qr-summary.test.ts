import { exportJWK, generateKeyPair } from 'jose';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { INSTITUTION_MAX, NAME_MAX } from '../../../src/lib/certificate/issue-request';
import { bytesToDigits, digitsToBytes } from '../../../src/lib/certificate/qr-digits';
import { decodeSummary, encodeSummary } from '../../../src/lib/certificate/qr-summary-codec';
import { FORMAT, qrDigitsIn, qrLink, readSummary, summaryParts, type CertificateSummary } from '../../../src/lib/certificate/qr-summary';
import { summaryRow } from '../../../src/lib/certificate/summary-row';
import { verificationText } from '../../../src/lib/certificate/verification-text';
import { t } from '../../../src/lib/i18n/translate';
import { signSummary, verifySummary } from '../../../src/lib/certificate/qr-summary-check';
import { qrOptions } from '../../../src/lib/certificate/qr-options';

const summary: CertificateSummary = {
  id: 'urn:uuid:3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0b',
  name: 'Anna Bērziņa',
  institution: 'Valsts kanceleja',
  issued: '2026-12-01T09:30:15Z',
  validUntil: '2028-12-01T09:30:15Z',
  edition: { date: '2026-11-22', version: '667e35' },
  results: [100, 89, 100, 100, 90, 100, 100, 80],
  development: true,
};

async function issuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'q-test1234', alg: 'ES256' };
  return { signing: { key: privateKey, kid: 'q-test1234' }, issuers: [{ id: 'https://kurss.example.lv/issuer', name: 'Valsts kanceleja', keys: [jwk] }] };
}
const link = (digits: string) => qrLink('https://kurss.example.lv/lv/parbaudit/', digits);
const version = (text: string) => QRCode.create(text, qrOptions(text)).version;

describe('QR digits', () => {
  it('turns any bytes into digits and back', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) % 256);
      expect(digitsToBytes(bytesToDigits(bytes))).toEqual(bytes);
    }
    expect(bytesToDigits(Uint8Array.from([255, 255, 255, 255, 255, 255, 255]))).toHaveLength(17);
  });

  it('refuses digits that no bytes give', () => {
    expect(digitsToBytes('12')).toBeUndefined();
    expect(digitsToBytes('999')).toBeUndefined();
    expect(digitsToBytes('12a')).toBeUndefined();
  });
});

describe('certificate summary', () => {
  it('encodes a summary and reads it back exactly, Latvian letters at one byte each', () => {
    expect(decodeSummary(encodeSummary(summary))).toEqual(summary);
    const other = { ...summary, name: 'Łucja Ŵ 日本', institution: undefined, development: false };
    expect(decodeSummary(encodeSummary(other))).toEqual({ ...other, institution: undefined });
    expect(encodeSummary({ ...summary, name: 'ĀāČčĒē' }).length).toBe(encodeSummary({ ...summary, name: 'AaCcEe' }).length);
  });

  it('verifies a signed summary offline as valid, with every field', async () => {
    const { signing, issuers } = await issuer();
    const digits = await signSummary(summary, signing);
    expect(qrDigitsIn(new URL(link(digits)).hash)).toBe(digits);
    const check = await verifySummary(digits, issuers, new Date('2027-01-01'));
    expect(check.status).toBe('valid');
    expect(check.status === 'valid' && check.summary).toEqual(summary);
    expect((await verifySummary(digits, issuers, new Date('2029-01-01'))).status).toBe('expired');
    expect((await verifySummary(digits, issuers, new Date('2026-01-01'))).status).toBe('not-yet-valid');
  });

  it('rejects a changed digit, an unknown key and garbage', async () => {
    const { signing, issuers } = await issuer();
    const digits = await signSummary(summary, signing);
    const statuses = new Set<string>();
    // Change digits inside the name; each change must fail the signature or the format.
    for (const at of [60, 80, 100, 140]) {
      const changed = digits.slice(0, at) + String((Number(digits[at]) + 1) % 10) + digits.slice(at + 1);
      const status = (await verifySummary(changed, issuers)).status;
      expect(['signature-invalid', 'not-a-certificate']).toContain(status);
      statuses.add(status);
    }
    expect(statuses.has('signature-invalid')).toBe(true);
    const other = await issuer();
    expect((await verifySummary(digits, other.issuers.map((i) => ({ ...i, keys: [{ ...i.keys[0]!, kid: 'q-other' }] })))).status).toBe('unknown-issuer');
    expect((await verifySummary(await signSummary(summary, other.signing), issuers)).status).toBe('signature-invalid');
    expect((await verifySummary('123', issuers)).status).toBe('not-a-certificate');
    expect((await verifySummary('9'.repeat(5000), issuers)).status).toBe('not-a-certificate');
  });

  it('carries the final test\'s score and date when the certificate attests one; without one, the bytes are as before', () => {
    const attested = { ...summary, finalTest: { percent: 94, date: '2026-11-30' } };
    expect(decodeSummary(encodeSummary(attested))).toEqual(attested);
    expect(decodeSummary(encodeSummary({ ...attested, development: false }))).toEqual({ ...attested, development: false });
    const [plain, withTest] = [encodeSummary(summary), encodeSummary(attested)];
    // One flag bit and three bytes (score, day) after the module results; nothing else moves.
    expect(withTest.length).toBe(plain.length + 3);
    expect(withTest[0]).toBe(plain[0]! | 2);
    expect(decodeSummary(plain)).not.toHaveProperty('finalTest');
    // A score over 100, or an unknown flag, is not a summary.
    const over = Uint8Array.from(withTest);
    over[plain.length - (summary.name.length + 1 + summary.institution!.length + 1)] = 101;
    expect(decodeSummary(over)).toBeUndefined();
    const flagged = Uint8Array.from(plain);
    flagged[0] = 4;
    expect(decodeSummary(flagged)).toBeUndefined();
    expect(() => encodeSummary({ ...summary, finalTest: { percent: 94, date: '30.11.2026' } })).toThrow(/YYYY-MM-DD/);
  });

  it('signs the final test with the rest: a changed score fails the signature, and the verify row names the final test', async () => {
    const { signing, issuers } = await issuer();
    const attested = { ...summary, finalTest: { percent: 94, date: '2026-11-30' } };
    const digits = await signSummary(attested, signing);
    const check = await verifySummary(digits, issuers, new Date('2027-01-01'));
    expect(check.status === 'valid' && check.summary.finalTest).toEqual({ percent: 94, date: '2026-11-30' });
    // The same summary with the score raised to 100, signature kept.
    const parts = summaryParts(digits)!;
    const payload = Uint8Array.from(parts.payload);
    const at = encodeSummary(summary).length - (summary.name.length + 1 + summary.institution!.length + 1);
    expect(payload[at]).toBe(94);
    payload[at] = 100;
    const kid = new TextEncoder().encode(parts.kid);
    const forged = bytesToDigits(Uint8Array.from([FORMAT, kid.length, ...kid, ...payload, ...parts.signature]));
    expect(readSummary(forged)?.finalTest?.percent).toBe(100);
    expect((await verifySummary(forged, issuers, new Date('2027-01-01'))).status).toBe('signature-invalid');
    const row = summaryRow(check, 'QR', () => '');
    expect(row.finalTest).toEqual({ percent: 94, date: '2026-11-30' });
    const lv = verificationText((key, vars) => t('lv', key, vars), 'lv-LV').finalTest(row);
    const en = verificationText((key, vars) => t('en', key, vars), 'en-GB').finalTest(row);
    expect(lv).toMatch(/^Noslēguma tests nokārtots 30\.11\.2026 ar rezultātu 94\s?%\.$/);
    expect(en).toMatch(/^Final test passed on 30 Nov 2026 with 94\s?%\.$/);
    // A summary without a final test attests the module quizzes only, and its row says so (F7).
    const modulesOnly = summaryRow(await verifySummary(await signSummary(summary, signing), issuers, new Date('2027-01-01')), 'QR', () => '');
    expect(modulesOnly.assessment).toBe('modules');
    expect(verificationText((key, vars) => t('en', key, vars), 'en-GB').finalTest(modulesOnly)).toBe('Attests the module quizzes only; it does not include a final test.');
    expect(verificationText((key, vars) => t('lv', key, vars), 'lv-LV').finalTest(modulesOnly)).toBe('Apliecina tikai moduļu uzdevumu nokārtošanu; noslēguma tests tajā nav ietverts.');
  });

  it('gives a QR code of version 10 or lower for an ordinary name, and states the version for the longest', async () => {
    const { signing } = await issuer();
    const ordinary = link(await signSummary({ ...summary, finalTest: { percent: 94, date: '2026-11-30' } }, signing));
    const longest = link(await signSummary({ ...summary, name: 'Ā'.repeat(NAME_MAX), institution: 'Ž'.repeat(INSTITUTION_MAX), finalTest: { percent: 100, date: '2026-11-30' } }, signing));
    console.log(`QR: ordinary ${ordinary.length} chars → version ${version(ordinary)}; longest ${longest.length} chars → version ${version(longest)}`);
    expect(version(ordinary)).toBeLessThanOrEqual(10);
    expect(version(longest)).toBeLessThanOrEqual(17);
  });
});
