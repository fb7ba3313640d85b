import { randomFor } from './random';
import { shuffleScenario } from './scenario';
import type { Scenario } from './types';

/**
 * The seed every printed or projected copy of a scenario uses (facilitator guide, presenter and its
 * data files). Writers tend to put the right option in the same place (often B), so file order would
 * tell a room the answer; a fixed shuffle tells it nothing and still prints the same way every time,
 * so the guide's letters are the presenter's letters. Derived from a name, not typed in, so no one
 * mistakes it for an attempt seed; the shuffle itself mixes in the scenario id and the step.
 */
export const PRINT_SEED: number = Math.floor(randomFor(0, 'print-order')() * 0x100000000);

/** The scenario with its options in the printed order: stable, independent of file order. */
export function printedScenario<S extends Scenario>(s: S): S {
  return shuffleScenario(s, PRINT_SEED);
}
