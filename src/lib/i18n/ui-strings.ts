import type { lv } from './strings/lv';

/** Plural forms by `Intl.PluralRules` category: Latvian uses zero/one/other, English one/other. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type StringTable = Record<string, string | PluralForms>;
/** A feature's table in another locale: exactly the Latvian table's keys, strings where it has strings. */
export type Parity<T> = { [K in keyof T]: T[K] extends string ? string : PluralForms };

/** Latvian is the reference table: every other locale must have exactly its keys. */
export type UiKey = keyof typeof lv;
export type UiStrings = { [K in UiKey]: (typeof lv)[K] extends string ? string : PluralForms };
export type TextKey = { [K in UiKey]: (typeof lv)[K] extends string ? K : never }[UiKey];
export type PluralKey = Exclude<UiKey, TextKey>;
