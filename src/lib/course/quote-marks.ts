import type { Locale } from '../i18n/locales';

/**
 * Typographic quotation marks in displayed text (issue 11): English quotes with “…” (nested ‘…’),
 * Latvian with „…”. A straight `"` is wrong in both; in English a straight `'` is wrong too: an
 * apostrophe is ’ (don’t, ministry’s, ministries’ staff), a quotation “…”; in Latvian a `'` may only
 * stand between letters (a name as typed), and the English “ and «…» are wrong; in English ‘…’ stands only inside “…”. Seed quotations (`source.quote.lv`, a lesson's `quote`) are
 * verbatim and are not checked here: the verbatim check holds them to the seed.
 */
const letter = (x: string) => /\p{L}/u.test(x);
/** An apostrophe stands between letters (don't), or in English after an s (ministries' staff). */
const isApostrophe = (before: string, after: string, locale: Locale) => (letter(before) && letter(after)) || (locale === 'en' && /s/i.test(before) && !letter(after));

export function quoteMarkProblem(text: string, locale: Locale): string | undefined {
  const chars = [...text.replace(/`[^`\n]*`/g, '')];
  let doubleOpen = false;
  let singleOpen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    const at = () => `"${chars.slice(Math.max(0, i - 25), i + 25).join('')}"`;
    if (c === '"') return `straight quotation mark " in ${at()}: use ${locale === 'lv' ? '„…”' : '“…”'}`;
    if (c === "'") {
      // English content writes the apostrophe as ’, so a straight one is an unconverted apostrophe or a quotation mark.
      if (locale === 'en' && isApostrophe(before, after, locale)) return `straight apostrophe ' in ${at()}: use ’`;
      if (!isApostrophe(before, after, locale)) return `straight quotation mark ' in ${at()}: use ${locale === 'lv' ? '„…”' : '“…” (nested ‘…’), and ’ for an apostrophe'}`;
    }
    if (locale === 'en' && c === '“') doubleOpen = true;
    if (locale === 'en' && c === '”') doubleOpen = false;
    if (locale === 'en' && c === '‘' && !doubleOpen) return `single quotation mark ‘ in ${at()}: English quotes with “…”, and ‘…’ only inside them`;
    if (locale === 'en' && c === '‘') singleOpen = true;
    if (locale === 'en' && c === '’') {
      if (singleOpen && !letter(after)) singleOpen = false;
      else if (!isApostrophe(before, after, locale)) return `closing quotation mark ’ in ${at()} closes nothing: an apostrophe stands between letters or after s, a quotation closes with ”`;
    }
    if (locale === 'lv' && /[“«»]/.test(c)) return `quotation mark ${c} in ${at()}: Latvian uses „…”`;
  }
  return undefined;
}

/**
 * Every `{ lv, en }` text in a quiz scenario with its place (`option "o" › feedback.en`), checked
 * for quotation marks. `source.quote.lv` is seed text, kept as the seed has it.
 */
export function quoteMarkProblems(value: unknown, names: string[] = [], field: string[] = []): string[] {
  if (Array.isArray(value)) {
    const label = { scenarios: 'scenario', options: 'option', steps: 'step', endings: 'ending' }[field.at(-1) ?? ''] ?? field.at(-1) ?? 'item';
    return value.flatMap((item, i) => {
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${i + 1}`;
      return quoteMarkProblems(item, [...names, `${label} "${id}"`], []);
    });
  }
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.lv === 'string' && typeof record.en === 'string') {
    const isSeedQuote = field.join('.') === 'source.quote';
    return (['lv', 'en'] as const).flatMap((locale) => {
      if (locale === 'lv' && isSeedQuote) return [];
      const problem = quoteMarkProblem(record[locale] as string, locale);
      return problem ? [[...names, `${[...field, locale].join('.')}: ${problem}`].join(' › ')] : [];
    });
  }
  return Object.entries(record).flatMap(([key, child]) => quoteMarkProblems(child, names, [...field, key]));
}
