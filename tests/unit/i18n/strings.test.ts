import { describe, expect, it } from 'vitest';
import { LANG_TAG, LOCALES } from '../../../src/lib/i18n/locales';
import { pathTo } from '../../../src/lib/i18n/routes';
import { formatPercent, plural, STRINGS, t } from '../../../src/lib/i18n/translate';

describe('UI strings', () => {
  it('has every key in every locale, each non-empty', () => {
    const keys = Object.keys(STRINGS.lv).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(STRINGS[locale]).sort(), locale).toEqual(keys);
      for (const [key, value] of Object.entries(STRINGS[locale]))
        for (const text of typeof value === 'string' ? [value] : Object.values(value)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('has every plural form each language needs', () => {
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(LANG_TAG[locale]).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(STRINGS[locale]))
        if (typeof value !== 'string') expect(Object.keys(value).sort(), `${locale} ${key}`).toEqual([...categories].sort());
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: unknown) => JSON.stringify(s).match(/\{\w+\}/g)?.sort() ?? [];
    for (const key of Object.keys(STRINGS.lv) as (keyof typeof STRINGS.lv)[])
      expect(new Set(placeholders(STRINGS.en[key])), key).toEqual(new Set(placeholders(STRINGS.lv[key])));
  });

  it('writes Latvian plurals in all three forms', () => {
    expect(plural('lv', 'plural.minutes', 1)).toBe('1 minūte');
    expect(plural('lv', 'plural.minutes', 21)).toBe('21 minūte');
    expect(plural('lv', 'plural.minutes', 5)).toBe('5 minūtes');
    expect(plural('lv', 'plural.minutes', 10)).toBe('10 minūšu');
    expect(plural('lv', 'plural.minutes', 0)).toBe('0 minūšu');
    expect(plural('en', 'plural.minutes', 1)).toBe('1 minute');
    expect(plural('en', 'plural.minutes', 10)).toBe('10 minutes');
  });

  it('fills placeholders and formats numbers per locale', () => {
    expect(t('lv', 'home.overall', { passed: 1, total: 2 })).toBe('Nokārtoti 1 no 2 moduļiem');
    expect(formatPercent('lv', 80)).toMatch(/^80\s?%$/);
    expect(formatPercent('en', 80)).toBe('80%');
  });

  it('localises paths so the language switch keeps the page', () => {
    expect(pathTo('lv', { page: 'module', id: 'x' })).toBe('/lv/moduli/x/');
    expect(pathTo('en', { page: 'module', id: 'x' })).toBe('/en/modules/x/');
    expect(pathTo('en', { page: 'progress' })).toBe('/en/progress/');
  });
});
