import type { Locale } from '../i18n/locales';
import type { Quiz } from './types';

const isLocalized = (value: object): value is Record<Locale, string> =>
  Object.keys(value).length === 2 && typeof (value as Record<string, unknown>).lv === 'string' && typeof (value as Record<string, unknown>).en === 'string';

/**
 * The quiz with every text in one locale only, for the page's island props (halves the HTML).
 * Source quotes keep their Latvian original beside the translation. The shape stays `Quiz`, so
 * the same engine runs on it; only the other locale's strings are missing.
 */
export function quizForLocale(quiz: Quiz, locale: Locale): Quiz {
  const strip = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => strip(v));
    if (!value || typeof value !== 'object') return value;
    if (isLocalized(value) && key !== 'quote') return { [locale]: value[locale] };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, k)]));
  };
  return strip(quiz) as Quiz;
}
