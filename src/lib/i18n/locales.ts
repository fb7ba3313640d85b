/** The course's locales: Latvian first (the default), English second. */
export const LOCALES = ['lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'lv';

/** A string written in every locale; content files hold these so languages cannot drift apart. */
export type LocalizedText = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** BCP 47 tags for `Intl` and the `lang` attribute. */
export const LANG_TAG: Record<Locale, string> = { lv: 'lv-LV', en: 'en-GB' };

export function otherLocale(locale: Locale): Locale {
  return locale === 'lv' ? 'en' : 'lv';
}
