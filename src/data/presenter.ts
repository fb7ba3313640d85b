import type { Locale } from '../lib/i18n/locales';
import { pickStrings, t } from '../lib/i18n/translate';
import { quizForLocale } from '../lib/quiz/for-locale';
import { workshopMinutes } from '../lib/workshop/plan';
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

/** One module's presenter data in one language: the body of `/<locale>/presenter-data/<id>.json`. */
export async function presenterModules(locale: Locale): Promise<PresenterModuleData[]> {
  const optionLabels = pickStrings(locale, ['option.']);
  const outcomes = { best: t(locale, 'quiz.outcome.best'), acceptable: t(locale, 'quiz.outcome.acceptable'), poor: t(locale, 'quiz.outcome.poor') };
  return (await modulesIn(locale)).map((m) => ({
    id: m.id,
    locale,
    title: m.data.title,
    questions: m.data.facilitator.questions,
    scenarios: quizForLocale(m.quiz, locale).scenarios,
    optionLabels,
    outcomes,
  }));
}
