import { allowsSeveral, correctAt, endingReached, leadsOn, maxPoints, optionsAt } from '../quiz/scenario';
import type { Locale } from '../i18n/locales';
import { distinctTitle, distinctTitles } from '../quiz/scenario-names';
import type { Ending, Scenario } from '../quiz/types';
import { optionsOf, voteKey, type PresenterContext, type Slide } from './presenter-machine';
import { revealKey } from './reveal-key';

export interface StepSummary {
  step?: string;
  votes: number[];
  /** Indexes of the right options; where choices lead on, the step's better ones (the reveal's ✓, none when no single one is better). */
  correct: number[];
  /** Chosen by the room's majority, where choices lead on. */
  chosen?: string;
}

export interface SlideSummary {
  index: number;
  /** Several answers were allowed: the votes are ticks per option, not people. */
  several: boolean;
  module: string;
  scenario: string;
  steps: StepSummary[];
  /** Share of the room's votes on right options (0–1), or for a story the ending's share of the best points; null without votes. */
  score: number | null;
  ending?: Ending;
}

/** What the room answered in each scenario shown, against the right answer. */
export function summarise(context: PresenterContext): SlideSummary[] {
  return context.slides.map((slide, index) => {
    const s = slide.scenario;
    if (leadsOn(s)) {
      const path = context.path[index] ?? [];
      const steps = path.map((p) => {
        const better = new Set(revealKey(s, p.step).right);
        const correct = optionsAt(s, p.step).flatMap((o, i) => (better.has(o.id) ? [i] : []));
        return { step: p.step, votes: context.votes[voteKey(index, p.step)] ?? [], correct, chosen: p.choice };
      });
      const ending = endingReached(s, path.map((p) => ({ scenario: s.id, step: p.step, choice: [p.choice] })));
      return { index, several: false, module: slide.module, scenario: s.id, steps, ending, score: ending ? ending.points / maxPoints(s) : null };
    }
    const options = optionsOf(slide, undefined);
    const votes = context.votes[voteKey(index, undefined)] ?? options.map(() => 0);
    const right = new Set(correctAt(s, undefined));
    const correct = options.flatMap((o, i) => (right.has(o.id) ? [i] : []));
    const total = votes.reduce((a, b) => a + b, 0);
    const onRight = correct.reduce((sum, i) => sum + (votes[i] ?? 0), 0);
    return { index, several: allowsSeveral(s), module: slide.module, scenario: s.id, steps: [{ votes, correct }], score: total ? onRight / total : null };
  });
}

/** The scenarios the room found hardest: lowest score first, only those with votes. */
export function hardest(summaries: readonly SlideSummary[], count = 3): SlideSummary[] {
  return summaries.filter((s) => s.score !== null && s.score < 1).sort((a, b) => a.score! - b.score! || a.index - b.index).slice(0, count);
}

/**
 * Each slide's name in the summary: its module's `distinctTitles` (twins told apart by their own
 * words), or `distinctTitle` alone where the module's scenarios are not at hand.
 */
export function slideTitles(slides: readonly Slide[], scenariosOf: (module: string) => readonly Scenario[] | undefined, locale: Locale): string[] {
  return slides.map((s) => {
    const all = scenariosOf(s.module) ?? [s.scenario];
    return distinctTitles(all, locale)[all.findIndex((x) => x.id === s.scenario.id)] ?? distinctTitle(s.scenario, locale);
  });
}
