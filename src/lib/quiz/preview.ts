import type { Locale } from '../i18n/locales';
import { betterMoveOf, consequenceOf, correctAt, endingsOf, leadsOn, maxPoints, optionsAt, questionOf, stepsOf } from './scenario';
import type { BranchOption, Scenario } from './types';
import { optionLabel } from './view';

/** Where a story's option leads: another step, or an ending with its outcome and points. */
export type PreviewTarget = { to: 'step'; id: string } | { to: 'ending'; id: string; outcome: string; points: number };

export interface PreviewOption {
  id: string;
  label: string;
  /** Right or wrong, for a question with a key; undefined in a story, whose choices lead on. */
  right: boolean | undefined;
  /** A story's choice the guidelines count as a mistake; undefined outside a story. */
  mistake: boolean | undefined;
  target: PreviewTarget | undefined;
  feedback: string;
  source: { seed: string; title: string; quote: string; translation: string | undefined };
}

/**
 * A scenario as the content preview shows it to the reviewer who signs off the text: in the
 * file's own order (ids as written, so a remark can name the line), every step, every option with
 * its key or its target, its feedback and its source (the Latvian passage and, in English, the
 * translation beside it), the endings and the better move.
 */
export function previewScenario(s: Scenario, locale: Locale, standard: Record<string, string>, seedTitle: (seed: string) => string) {
  const story = leadsOn(s);
  const endings = endingsOf(s);
  const target = (next: string): PreviewTarget => {
    const ending = endings.find((e) => e.id === next);
    return ending ? { to: 'ending', id: ending.id, outcome: ending.outcome, points: ending.points } : { to: 'step', id: next };
  };
  const steps = stepsOf(s).map((step) => {
    const right = new Set(correctAt(s, step));
    return {
      id: step,
      consequence: consequenceOf(s, step)?.[locale],
      question: questionOf(s, step)[locale],
      options: optionsAt(s, step).map((o): PreviewOption => {
        // In a story every option is a BranchOption (it leads on); elsewhere it has a key instead.
        const branch = story ? (o as BranchOption) : undefined;
        return {
          id: o.id,
          label: optionLabel(o, locale, standard),
          right: story ? undefined : right.has(o.id),
          mistake: branch?.mistake,
          target: branch && target(branch.next),
          feedback: o.feedback[locale],
          source: { seed: o.source.seed, title: seedTitle(o.source.seed), quote: o.source.quote.lv, translation: locale === 'lv' ? undefined : o.source.quote[locale] },
        };
      }),
    };
  });
  return {
    id: s.id,
    kind: s.kind,
    // Declared on one side or both; the build checks that they agree.
    twin: 'twin' in s ? s.twin : undefined,
    points: maxPoints(s),
    situation: s.situation[locale],
    story,
    steps,
    endings: endings.map((e) => ({ id: e.id, outcome: e.outcome, points: e.points, text: e.text[locale] })),
    betterMove: betterMoveOf(s)?.[locale],
  };
}

export type PreviewScenario = ReturnType<typeof previewScenario>;
