import { itemKey, scenarioOf, type Bank } from './draw';
import type { GradedItem } from './grade';
import { everyOption } from '../quiz/scenario';

/** What the register keeps of one graded attempt for statistics: nothing personal. */
export interface AttemptRecord {
  percent: number;
  items: readonly GradedItem[];
}

export interface ItemStats {
  item: string;
  attempts: number;
  /** Mean share of the item's points earned, 0–1 ("facility"). */
  facility: number;
  /** Facility in the top third of attempts by total score minus facility in the bottom third, −1–1. */
  discrimination: number | undefined;
  /** How often each option was chosen, by option (stories: `step: option`), every option of the item listed. */
  options: Record<string, number>;
  flags: ('too-easy' | 'too-hard' | 'not-discriminating')[];
}

export const THRESHOLDS = { easy: 0.9, hard: 0.3, discrimination: 0.2, minAttempts: 20 } as const;

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const optionKey = (step: string | undefined, option: string) => (step === undefined ? option : `${step}: ${option}`);

/**
 * Classical item statistics over the recorded attempts: facility, a discrimination index (upper vs
 * lower third of total scores, Kelley's groups at a third) and option counts, flagging items too
 * easy (> 90 %), too hard (< 30 %) or not discriminating (< 0.2) once an item has enough attempts.
 */
export function itemStats(bank: Bank, attempts: readonly AttemptRecord[]): ItemStats[] {
  const ranked = [...attempts].sort((a, b) => a.percent - b.percent);
  const third = Math.floor(ranked.length / 3);
  const lower = new Set(ranked.slice(0, third));
  const upper = new Set(third ? ranked.slice(-third) : []);
  return bank.flatMap((quiz) =>
    quiz.scenarios.map((scenario) => {
      const ref = { module: quiz.moduleId, scenario: scenario.id };
      const key = itemKey(ref);
      const seen = attempts.flatMap((a) => a.items.filter((i) => itemKey(i.ref) === key).map((i) => ({ attempt: a, share: i.max ? i.earned / i.max : 0, item: i })));
      const options: Record<string, number> = Object.fromEntries(everyOption(scenarioOf(bank, ref)!).map(({ step, option }) => [optionKey(step, option.id), 0]));
      for (const { item } of seen) for (const c of item.choices) for (const o of c.choice) options[optionKey(c.step, o)] = (options[optionKey(c.step, o)] ?? 0) + 1;
      const facility = mean(seen.map((s) => s.share));
      const up = seen.filter((s) => upper.has(s.attempt)).map((s) => s.share);
      const low = seen.filter((s) => lower.has(s.attempt)).map((s) => s.share);
      const discrimination = up.length && low.length ? mean(up) - mean(low) : undefined;
      const flags: ItemStats['flags'] = [];
      if (seen.length >= THRESHOLDS.minAttempts) {
        if (facility > THRESHOLDS.easy) flags.push('too-easy');
        if (facility < THRESHOLDS.hard) flags.push('too-hard');
        if (discrimination !== undefined && discrimination < THRESHOLDS.discrimination) flags.push('not-discriminating');
      }
      return { item: key, attempts: seen.length, facility, discrimination, options, flags };
    }),
  );
}

/** The statistics as a plain-text table, one item per block, in the given words. */
export function itemStatsText(stats: readonly ItemStats[], words: { heading: string; attempts: string; facility: string; discrimination: string; options: string; flags: Record<ItemStats['flags'][number], string>; none: string }): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const lines = [words.heading, ''];
  for (const s of stats) {
    const flags = s.flags.map((f) => words.flags[f]).join(', ');
    lines.push(`${s.item}${flags ? `  [${flags}]` : ''}`);
    lines.push(`  ${words.attempts}: ${s.attempts}   ${words.facility}: ${s.attempts ? pct(s.facility) : words.none}   ${words.discrimination}: ${s.discrimination === undefined ? words.none : s.discrimination.toFixed(2)}`);
    lines.push(`  ${words.options}: ${Object.entries(s.options).map(([o, n]) => `${o} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}
