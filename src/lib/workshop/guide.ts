import type { Locale } from '../i18n/locales';
import { betterMoveOf, consequenceOf, correctAt, endingsOf, leadsOn, optionsAt, questionOf, startOf, stepsOf } from '../quiz/scenario';
import { printedScenario } from '../quiz/print-order';
import { optionLabel } from '../quiz/view';
import type { Scenario } from '../quiz/types';

const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * A scenario as the facilitator guide prints it, options in the printed order (`printedScenario`,
 * the presenter's order too, so the letters in the key are the letters on the projector): for a
 * story every step with each option's consequence and the endings; otherwise the options with the
 * right ones marked, why, the source, and the misconceptions behind the wrong ones.
 */
export function guideScenario(authored: Scenario, locale: Locale, standard: Record<string, string>) {
  const s = printedScenario(authored);
  const option = (o: ReturnType<typeof optionsAt>[number], i: number, right: Set<string>) => ({
    id: o.id,
    letter: letter(i),
    label: optionLabel(o, locale, standard),
    feedback: o.feedback[locale],
    /** The guideline's words as the seed has them (Latvian) and, for another locale, their translation. */
    quote: { lv: o.source.quote.lv, translation: locale === 'lv' ? undefined : o.source.quote[locale] },
    right: right.has(o.id),
  });
  const steps = stepsOf(s).map((step) => {
    const right = new Set(correctAt(s, step));
    return { id: step ?? s.id, consequence: consequenceOf(s, step)?.[locale], question: questionOf(s, step)[locale], options: optionsAt(s, step).map((o, i) => option(o, i, right)) };
  });
  const options = steps.flatMap((st) => st.options);
  return {
    title: questionOf(s, startOf(s))[locale],
    situation: s.situation[locale],
    /** Choices lead on to other steps and endings instead of being right or wrong. */
    story: leadsOn(s),
    steps,
    endings: endingsOf(s).map((e) => ({ id: e.id, outcome: e.outcome, points: e.points, text: e.text[locale] })),
    betterMove: betterMoveOf(s)?.[locale],
    /** The scenario's question for the room, the one the presenter shows after the reveal. */
    discussion: s.discussion?.[locale],
    right: options.filter((o) => o.right),
    /** Each distinct source behind the right options (a multi scenario may rest on several), once. */
    sources: options.filter((o) => o.right).map((o) => o.quote).filter((q, i, all) => all.findIndex((r) => r.lv === q.lv) === i),
    wrong: options.filter((o) => !o.right),
  };
}
