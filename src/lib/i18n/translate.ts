import { LANG_TAG, type Locale } from './locales';
import { en } from './strings/en';
import { lv } from './strings/lv';
import type { PluralForms, PluralKey, TextKey, UiStrings } from './ui-strings';

export const STRINGS: Record<Locale, UiStrings> = { lv, en };

import { format as fill, type Vars } from './format';

/** A UI string with `{name}` placeholders filled in. */
export function t(locale: Locale, key: TextKey, vars?: Vars): string {
  return fill(STRINGS[locale][key] as string, vars);
}

/** A counted phrase in the locale's plural form, e.g. Latvian "1 minūte", "5 minūtes", "10 minūšu". */
export function plural(locale: Locale, key: PluralKey, count: number): string {
  const forms = STRINGS[locale][key] as PluralForms;
  const category = new Intl.PluralRules(LANG_TAG[locale]).select(count);
  return fill(forms[category] ?? forms.other, { n: formatNumber(locale, count) });
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(LANG_TAG[locale]).format(value);
}

/** 80 → "80 %" in Latvian, "80%" in English. */
export function formatPercent(locale: Locale, percent: number): string {
  return new Intl.NumberFormat(LANG_TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/**
 * The strings an island needs, already in its locale, so islands ship no string tables: keys
 * starting with any of the prefixes, e.g. `pickStrings('lv', ['quiz.', 'kind.'])`, typed so that
 * the island's `strings: StringsUnder<'quiz.' | 'kind.'>` prop is checked against what the route
 * picks (a key the tables do not have, or a prefix the route forgot, is a type error).
 */
export function pickStrings<const P extends string>(locale: Locale, prefixes: readonly P[]): StringsUnder<P> {
  return Object.fromEntries(
    Object.entries(STRINGS[locale]).filter(([key, value]) => typeof value === 'string' && prefixes.some((p) => key.startsWith(p))),
  ) as StringsUnder<P>;
}

/** Fills `{name}` placeholders; the islands' counterpart of `t`. */
export { format } from './format';

/**
 * The named strings of one locale, typed: `pickKeys('lv', ['quiz.start'])['quiz.start']` is a
 * string, and a key the tables do not have is a type error (no `!` at the use).
 */
export function pickKeys<const K extends TextKey>(locale: Locale, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, STRINGS[locale][key] as string])) as Record<K, string>;
}

/** The text keys under a prefix, e.g. every `present.*` key. */
export type KeysUnder<P extends string> = Extract<TextKey, `${P}${string}`>;
/** An island's strings, typed: reading a key the table does not have is a compile error, so no `!`. */
export type StringsUnder<P extends string> = Record<KeysUnder<P>, string>;

/** The typed counterpart of `pickStrings` for one prefix. */
export function stringsUnder<P extends string>(locale: Locale, prefix: P): StringsUnder<P> {
  return pickStrings(locale, [prefix]);
}
