import { describe, expect, it } from 'vitest';
import { editionDate, editionLabel } from '../../../src/lib/certificate/edition-label';
import { certificateFileName } from '../../../src/lib/certificate/file-name';
import { t } from '../../../src/lib/i18n/translate';

describe('course edition in words', () => {
  it('writes the Latvian date in the genitive, as „… redakcija” needs', () => {
    expect(editionLabel('lv', t('lv', 'cert.edition'), { date: '2026-12-01', version: '667e3572336a' })).toBe('2026. gada 1. decembra redakcija (667e35)');
    expect(editionDate('lv', '2027-04-15')).toBe('2027. gada 15. aprīļa');
    expect(editionDate('lv', '2027-03-02')).toBe('2027. gada 2. marta');
  });

  it('writes the English date in words', () => {
    expect(editionLabel('en', t('en', 'cert.edition'), { date: '2026-12-01', version: '667e35' })).toBe('Edition of 1 December 2026 (667e35)');
  });
});

describe('certificate file names', () => {
  it('uses plain ASCII letters for a Latvian name (ux review P12)', () => {
    expect(certificateFileName('Līga Bērziņa-Ozoliņa', 'jwt')).toBe('sertifikats-liga-berzina-ozolina.jwt');
    expect(certificateFileName('Łucja Ørsted-Straße', 'json')).toBe('sertifikats-lucja-orsted-strasse.json');
    expect(certificateFileName('日本', 'jwt')).toBe('sertifikats.jwt');
  });
});
