import { LOCALES, type Locale } from '../i18n/locales';
import { quoteProblem, type SeedTexts } from '../quiz/validate-quiz';
import type { ModuleData } from './module-schema';

export interface ModuleEntry {
  locale: Locale;
  id: string;
  data: ModuleData;
}

/**
 * What a per-file schema cannot see: every module in every locale with a quiz, one order per
 * module, and lesson sources that quote the seeds word for word.
 */
export function checkCourse(modules: readonly ModuleEntry[], quizIds: readonly string[], seeds: SeedTexts): string[] {
  const problems: string[] = [];
  const ids = [...new Set(modules.map((m) => m.id))].sort();
  for (const id of ids) {
    for (const locale of LOCALES)
      if (!modules.some((m) => m.id === id && m.locale === locale)) problems.push(`modules/${locale}/${id}.md: missing (module "${id}" exists in another locale)`);
    if (!quizIds.includes(id)) problems.push(`quizzes/${id}.yaml: missing (module "${id}" has no quiz)`);
    const orders = new Set(modules.filter((m) => m.id === id).map((m) => m.data.order));
    if (orders.size > 1) problems.push(`modules/*/${id}.md › order: differs between locales (${[...orders].join(', ')})`);
  }
  for (const id of quizIds) if (!ids.includes(id)) problems.push(`quizzes/${id}.yaml: no module "${id}" in modules/`);
  for (const locale of LOCALES) {
    const inLocale = modules.filter((m) => m.locale === locale);
    for (const m of inLocale) {
      const twin = inLocale.find((o) => o !== m && o.data.order === m.data.order);
      if (twin && m.id < twin.id) problems.push(`modules/${locale}/${m.id}.md › order: ${m.data.order} is also used by "${twin.id}"`);
      m.data.sources.forEach((source, i) => {
        const problem = quoteProblem(source, seeds);
        if (problem) problems.push(`modules/${locale}/${m.id}.md › sources #${i + 1} › ${problem}`);
        if (locale !== 'lv' && !source.translation) problems.push(`modules/${locale}/${m.id}.md › sources #${i + 1} › translation: missing`);
      });
    }
  }
  return problems;
}
