import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../src/lib/workshop/presenter-keys';

const press = (key: string, code = '', shiftKey = false) => ({ key, code, shiftKey });

describe('the presenter keyboard map', () => {
  it('votes with 1–9 for options A–I, and Shift takes a vote back', () => {
    expect(keyAction(press('1', 'Digit1'), false)).toEqual({ event: { type: 'vote.add', option: 0 } });
    expect(keyAction(press('(', 'Digit9', true), false)).toEqual({ event: { type: 'vote.remove', option: 8 } });
  });

  it('resets the scenario timer with 0 and the workshop clock with Shift+0', () => {
    expect(keyAction(press('0', 'Digit0'), false)).toEqual({ event: { type: 'timer.reset' } });
    expect(keyAction(press(')', 'Digit0', true), false)).toEqual({ event: { type: 'clock.reset' } });
  });

  it('moves, reveals, times and toggles the summary', () => {
    expect(keyAction(press('ArrowRight'), false)).toEqual({ event: { type: 'nav.next' } });
    expect(keyAction(press('PageUp'), false)).toEqual({ event: { type: 'nav.back' } });
    expect(keyAction(press(' ', 'Space'), false)).toEqual({ event: { type: 'answer.reveal' } });
    expect(keyAction(press('T', 'KeyT'), false)).toEqual({ event: { type: 'timer.toggle' } });
    expect(keyAction(press('s', 'KeyS'), false)).toEqual({ event: { type: 'summary.open' } });
    expect(keyAction(press('s', 'KeyS'), true)).toEqual({ event: { type: 'summary.close' } });
  });

  it('leaves full screen and help to the page, and other keys alone', () => {
    expect(keyAction(press('f', 'KeyF'), false)).toEqual({ page: 'fullscreen' });
    expect(keyAction(press('?', 'Slash', true), false)).toEqual({ page: 'help' });
    expect(keyAction(press('x', 'KeyX'), false)).toBeUndefined();
    expect(keyAction(press('Tab', 'Tab'), false)).toBeUndefined();
  });
});
