import { correctAt, leadsOn, optionsAt } from '../quiz/scenario';
import type { Scenario } from '../quiz/types';
import type { RevealKey } from './room-machine';

/**
 * The key the presenter sends to the phones with the reveal (they hold none before it). A story's
 * step has no right answer as such: its better options are those the guidelines do not count as a
 * mistake; when every option is a mistake or none is, there is no single better one (`right` empty).
 */
export function revealKey(scenario: Scenario, step: string | undefined): RevealKey {
  if (!leadsOn(scenario)) return { right: correctAt(scenario, step), story: false };
  const options = optionsAt(scenario, step) as readonly { id: string; mistake?: boolean }[];
  const better = options.filter((o) => o.mistake === false).map((o) => o.id);
  return { right: better.length === options.length ? [] : better, story: true };
}
