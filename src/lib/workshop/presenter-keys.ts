import type { PresenterEvent } from './presenter-machine';

/** What a key does in the presenter: a machine event, or one of the page's own actions. */
export type KeyAction = { event: PresenterEvent } | { page: 'fullscreen' | 'help' };

/** The parts of a keyboard event the map reads, so it is testable without a browser. */
export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
}

/**
 * The presenter's keyboard map (the help dialog lists the same keys): → next (the first press
 * reveals), ← back, Space or R reveal, 1–9 a vote for A–I (Shift removes one), 0 the scenario
 * timer to zero (Shift: the workshop clock), T time, S summary, F full screen, ? help.
 */
export function keyAction(press: KeyPress, inSummary: boolean): KeyAction | undefined {
  const { key, code, shiftKey } = press;
  const digit = /^Digit([1-9])$/.exec(code);
  if (digit) return { event: { type: shiftKey ? 'vote.remove' : 'vote.add', option: Number(digit[1]) - 1 } };
  if (code === 'Digit0' || key === '0') return { event: { type: shiftKey ? 'clock.reset' : 'timer.reset' } };
  if (key === 'ArrowRight' || key === 'PageDown') return { event: { type: 'nav.next' } };
  if (key === 'ArrowLeft' || key === 'PageUp') return { event: { type: 'nav.back' } };
  if (key === ' ' || key === 'r' || key === 'R') return { event: { type: 'answer.reveal' } };
  if (key === 't' || key === 'T') return { event: { type: 'timer.toggle' } };
  if (key === 's' || key === 'S') return { event: inSummary ? { type: 'summary.close' } : { type: 'summary.open' } };
  if (key === 'f' || key === 'F') return { page: 'fullscreen' };
  if (key === '?') return { page: 'help' };
  return undefined;
}
