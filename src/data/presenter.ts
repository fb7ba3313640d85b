import type { Locale } from '../lib/i18n/locales';
import { pickStrings, t } from '../lib/i18n/translate';
import { quizForLocale } from '../lib/quiz/for-locale';
import { printedScenario } from '../lib/quiz/print-order';
import { correctAt, leadsOn, optionsAt, stepsOf } from '../lib/quiz/scenario';
import type { Scenario } from '../lib/quiz/types';
import { fillPlainDeep, placeholderFill } from '../lib/institution/placeholder-fill';
import { workshopMinutes } from '../lib/workshop/plan';
import { institution } from '../server/institution';
import type { PresenterModuleData, PresenterModuleIndex } from '../lib/workshop/presenter-data';
import { modulesIn } from './course';

/** The module index the presenter page embeds: ids, titles in both languages, minutes, scenario ids. */
export async function presenterIndex(): Promise<PresenterModuleIndex[]> {
  const [lv, en] = await Promise.all([modulesIn('lv'), modulesIn('en')]);
  return lv.map((m) => ({
    id: m.id,
    title: { lv: m.data.title, en: en.find((e) => e.id === m.id)?.data.title ?? m.data.title },
    minutes: workshopMinutes(m.data.facilitator.timing),
    scenarios: m.quiz.scenarios.map((s) => s.id),
  }));
}

/**
 * Keeps each source quotation in the scenario language only: the Latvian room reads the original,
 * the English room its translation (quizForLocale keeps both for the learner's page).
 */
/**
 * A quote in the scenario language; where the English text is the Latvian one (a passage the seed
 * quotes in English), both are kept, which tells the page it is an original, not a translation.
 */
const quoteOnly = (quote: Record<Locale, string>, locale: Locale) => (locale !== 'lv' && quote[locale] === quote.lv ? { [locale]: quote[locale], lv: quote.lv } : { [locale]: quote[locale] });

function quoteIn<T>(value: T, locale: Locale): T {
  if (Array.isArray(value)) return value.map((v) => quoteIn(v, locale)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'quote' && v && typeof v === 'object' ? quoteOnly(v as Record<Locale, string>, locale) : quoteIn(v, locale)]),
  ) as T;
}

/**
 * The reveal explains the right options (a story: the room's choice, which may be any). The other
 * options' reasoning is in the facilitator guide, not on the projector, so its text stays out of the
 * file: it is most of a module's size, and the first load has a budget (60 KB gzip).
 */
function explainedOnly(scenario: Scenario): Scenario {
  if (leadsOn(scenario)) return scenario;
  for (const step of stepsOf(scenario)) {
    const right = new Set(correctAt(scenario, step));
    for (const option of optionsAt(scenario, step))
      if (!right.has(option.id)) Object.assign(option, { feedback: {}, source: { ...option.source, quote: {} } });
  }
  return scenario;
}

/** One module's presenter data in one language: the body of `/<locale>/presenter-data/<id>.json`. */
export async function presenterModules(locale: Locale): Promise<PresenterModuleData[]> {
  const optionLabels = pickStrings(locale, ['option.']);
  const outcomes = { best: t(locale, 'quiz.outcome.best'), acceptable: t(locale, 'quiz.outcome.acceptable'), poor: t(locale, 'quiz.outcome.poor') };
  // The projector and the phones show the contact as text (`{contact}` filled, or dropped in the general edition).
  const fill = placeholderFill(institution(), locale);
  return (await modulesIn(locale)).map((m) => ({
    id: m.id,
    locale,
    title: m.data.title,
    // In the printed order, the facilitator guide's: the file order (right option often at B) stays out.
    scenarios: fillPlainDeep(quoteIn(quizForLocale(m.quiz, locale).scenarios, locale).map(printedScenario).map(explainedOnly), fill),
    optionLabels,
    outcomes,
  }));
}
