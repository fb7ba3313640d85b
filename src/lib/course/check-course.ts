import { LOCALES, type Locale } from '../i18n/locales';
import { quoteProblem, type SeedTexts } from '../quiz/validate-quiz';
import type { ModuleData } from './module-schema';
import { LESSON_PLACEHOLDERS, placeholderProblems } from '../content/placeholders';
import { quoteMarkProblem } from './quote-marks';

export interface ModuleEntry {
  locale: Locale;
  id: string;
  data: ModuleData;
  /** The lesson's Markdown, checked for quotation marks when given. */
  body?: string;
}

/**
 * What a per-file schema cannot see: every module in every locale with a quiz, one order per
 * module, lesson sources that quote the seeds word for word, and typographic quotation marks in
 * every displayed string of a lesson (not in its seed quotes).
 */
export function checkCourse(modules: readonly ModuleEntry[], quizIds: readonly string[], seeds: SeedTexts, where: { modules: string; quizzes: string } = { modules: 'modules', quizzes: 'quizzes' }): string[] {
  const M = where.modules;
  const Q = where.quizzes;
  const problems: string[] = [];
  const ids = [...new Set(modules.map((m) => m.id))].sort();
  for (const id of ids) {
    for (const locale of LOCALES)
      if (!modules.some((m) => m.id === id && m.locale === locale)) problems.push(`${M}/${locale}/${id}.md: missing (module "${id}" exists in another locale)`);
    if (!quizIds.includes(id)) problems.push(`${Q}/${id}.yaml: missing (module "${id}" has no quiz)`);
    const orders = new Set(modules.filter((m) => m.id === id).map((m) => m.data.order));
    if (orders.size > 1) problems.push(`${M}/*/${id}.md › order: differs between locales (${[...orders].join(', ')})`);
  }
  for (const id of quizIds) if (!ids.includes(id)) problems.push(`${Q}/${id}.yaml: no module "${id}" in ${M}/`);
  for (const locale of LOCALES) {
    const inLocale = modules.filter((m) => m.locale === locale);
    for (const m of inLocale) {
      const twin = inLocale.find((o) => o !== m && o.data.order === m.data.order);
      if (twin && m.id < twin.id) problems.push(`${M}/${locale}/${m.id}.md › order: ${m.data.order} is also used by "${twin.id}"`);
      m.data.sources.forEach((source, i) => {
        const problem = quoteProblem(source, seeds);
        if (problem) problems.push(`${M}/${locale}/${m.id}.md › sources #${i + 1} › ${problem}`);
        if (locale !== 'lv' && !source.translation) problems.push(`${M}/${locale}/${m.id}.md › sources #${i + 1} › translation: missing`);
      });
      for (const [where, text] of lessonTexts(m)) {
        const problem = quoteMarkProblem(text, locale);
        if (problem) problems.push(`${M}/${locale}/${m.id}.md › ${where}: ${problem}`);
        // Placeholders stand in the body only; {accounts} is a paragraph of its own (it becomes a box).
        const inBody = where.startsWith('body line');
        for (const p of placeholderProblems(text, inBody ? LESSON_PLACEHOLDERS : [])) problems.push(`${M}/${locale}/${m.id}.md › ${where}: ${p}`);
        if (inBody && text.includes('{accounts}') && text.trim() !== '{accounts}') problems.push(`${M}/${locale}/${m.id}.md › ${where}: {accounts} must be a paragraph of its own (a line with nothing else)`);
      }
    }
  }
  return problems;
}

/** A lesson's displayed strings with their place: frontmatter fields, then the body line by line (code left out). */
function lessonTexts(m: ModuleEntry): [string, string][] {
  const d = m.data;
  const list = (name: string, items: readonly string[]) => items.map((t, i) => [`${name} #${i + 1}`, t] as [string, string]);
  const body = (m.body ?? '').replace(/^```[\s\S]*?^```/gm, (code) => code.replace(/[^\n]/g, ''));
  return [
    ['title', d.title],
    ['summary', d.summary],
    ...list('objectives', d.objectives),
    ...list('keyPoints', d.keyPoints),
    ...d.sources.flatMap((s, i) => (s.translation ? [[`sources #${i + 1} › translation`, s.translation] as [string, string]] : [])),
    ...list('facilitator.questions', d.facilitator.questions),
    ...list('facilitator.timing', d.facilitator.timing.map((t) => t.activity)),
    ...body.split('\n').map((line, i) => [`body line ${i + 1}`, line] as [string, string]),
  ];
}
