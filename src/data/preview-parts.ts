import { fillText } from '../lib/content/placeholders';
import type { Locale } from '../lib/i18n/locales';
import { t } from '../lib/i18n/translate';
import { placeholderFill } from '../lib/institution/placeholder-fill';
import { plainFill } from '../lib/content/fill';
import type { Institution } from '../lib/institution/validate';
import type { PreviewScenario } from '../lib/quiz/preview';

/*
 * The content preview's parts that depend on the edition, free of astro:content so unit tests can
 * build them with an institution (tests/unit/course/content-preview.test.ts).
 */

/** A module's heading and quiz file: numbered as home and the module page number it, the file where it really is. */
export function previewHead(m: { id: string; local: boolean; number: number; title: string }, locale: Locale, localFolder: string | undefined) {
  return {
    title: `${t(locale, 'module.number', { n: m.number })} · ${m.title}`,
    // A local module's quiz is in the institution's folder (its label: relative to the project when inside it).
    file: m.local && localFolder ? `${localFolder}/quizzes/${m.id}.yaml` : `quizzes/${m.id}.yaml`,
  };
}

/**
 * `{contact}` as the reviewer should read it: with an institution, the plain text learners see in
 * its edition; in the general edition (which drops it), a visible marker of what goes there.
 */
export function previewContact(institution: Institution | undefined, locale: Locale): (text: string) => string {
  const contact = institution ? plainFill(placeholderFill(institution, locale)).contact : t(locale, 'preview.contactMarker');
  return (text) => fillText(text, { contact });
}

/** A previewed scenario with `{contact}` filled where quiz data may hold it (feedback and the better move). */
export function withContact(sc: PreviewScenario, fill: (text: string) => string): PreviewScenario {
  return {
    ...sc,
    steps: sc.steps.map((step) => ({ ...step, options: step.options.map((o) => ({ ...o, feedback: fill(o.feedback) })) })),
    betterMove: sc.betterMove === undefined ? undefined : fill(sc.betterMove),
  };
}
