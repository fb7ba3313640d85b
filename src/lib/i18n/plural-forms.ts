import type { PluralForms } from './ui-strings';

/**
 * A counted phrase from its plural forms, for islands: they get the forms (not every count's phrase,
 * which capped the planner's total at 240 minutes) and pick the form with `Intl.PluralRules`.
 */
export function pluralFrom(forms: PluralForms, langTag: string, count: number): string {
  const category = new Intl.PluralRules(langTag).select(count);
  return (forms[category] ?? forms.other).replace('{n}', new Intl.NumberFormat(langTag).format(count));
}
