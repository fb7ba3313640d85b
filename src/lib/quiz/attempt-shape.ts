import type { AttemptSpec } from './attempt';
import { isSeed } from './random';
import type { AnswerLog } from './types';

// Shape checks of what a browser sends or storage holds: no quiz engine behind them, so the
// progress store, which every page loads, stays small (regrade.ts re-exports them).

/** An attempt's seed and drawn set as sent by a browser or read from storage; undefined when malformed. */
export function readAttemptSpec(value: unknown): AttemptSpec | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { seed, drawn } = value as Record<string, unknown>;
  if (seed !== null && !isSeed(seed)) return undefined;
  if (drawn === undefined || drawn === null) return { seed, drawn: null };
  if (!Array.isArray(drawn) || drawn.length === 0 || drawn.length > 200 || !drawn.every((id) => typeof id === 'string' && id.length <= 80)) return undefined;
  return { seed, drawn: drawn as string[] };
}

export function isAnswerLog(value: unknown): value is AnswerLog {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        e !== null &&
        typeof e === 'object' &&
        typeof e.scenario === 'string' &&
        (e.step === undefined || typeof e.step === 'string') &&
        Array.isArray(e.choice) &&
        e.choice.every((c: unknown) => typeof c === 'string'),
    )
  );
}
