import { describe, expect, it } from 'vitest';
import { readStoredRun } from '../../../src/lib/workshop/saved-run';

// What a presenter's tab reads back after a reload (B1): untrusted, so a corrupted storage never breaks the page.
const run = { index: 1, phase: 'revealed', votes: { '1:': [2, 0, 1] }, path: {}, clockMs: 4000 };

describe('a presenter tab’s stored run', () => {
  it('reads back the run and the phones’ part of its votes', () => {
    const stored = readStoredRun(JSON.stringify({ run, phones: { '1:': [2, 0, 1] }, people: { '1:': 3 } }));
    expect(stored).toEqual({ run: { ...run, step: undefined }, phones: { '1:': [2, 0, 1] }, people: { '1:': 3 } });
  });

  it('starts afresh on text that is not JSON, or a run of the wrong shape', () => {
    expect(readStoredRun('{not json')).toBeUndefined();
    expect(readStoredRun('null')).toBeUndefined();
    expect(readStoredRun('5')).toBeUndefined();
    expect(readStoredRun(JSON.stringify({ run: { ...run, phase: 'over' } }))).toBeUndefined();
    expect(readStoredRun(JSON.stringify({ phones: {} }))).toBeUndefined();
  });

  it('drops phone entries of the wrong shape one by one and keeps the run', () => {
    const stored = readStoredRun(JSON.stringify({ run, phones: { '1:': [2, 0, 1], '2:': 'many', '3:': [-1] }, people: { '1:': 3, '2:': 'x', '3:': 1.5 } }));
    expect(stored?.run.index).toBe(1);
    expect(stored?.phones).toEqual({ '1:': [2, 0, 1] });
    expect(stored?.people).toEqual({ '1:': 3 });
    expect(readStoredRun(JSON.stringify({ run, phones: [[1]], people: 'none' }))).toMatchObject({ phones: {}, people: {} });
  });
});
