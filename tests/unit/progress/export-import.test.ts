import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress } from '../../../src/lib/progress/export-import';
import { emptyProgress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, setLearnerName } from '../../../src/lib/progress/progress-updates';

const now = new Date('2026-11-21T12:00:00Z');
const progress = completeAttempt(setLearnerName(emptyProgress(), 'Līga Kalniņa'), 'm', { seed: 3, drawn: ['s'], log: [{ scenario: 's', choice: ['official'] }] }, { earned: 1, max: 1, percent: 100, passed: true, scenarios: [] }, now);

describe('export and import', () => {
  it('round-trips progress through a file', () => {
    expect(importProgress(exportProgress(progress, now))).toEqual({ ok: true, progress, edition: null, exportedAt: now.toISOString() });
    expect(importProgress(exportProgress(progress, now, "667e3572336a"))).toMatchObject({ ok: true, edition: "667e3572336a" });
  });

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['other JSON', '{"foo":1}', 'not-progress'],
    ['a bare progress object', JSON.stringify(progress), 'not-progress'],
    ['a newer version', JSON.stringify({ format: 'smkurss-progress', progress: { ...progress, version: 99 } }), 'future-version'],
    ['an edited file', JSON.stringify({ format: 'smkurss-progress', progress: { ...progress, modules: { m: { ...progress.modules.m, bestPercent: 250 } } } }), 'damaged'],
    ['a huge file', 'x'.repeat(1_000_001), 'too-large'],
  ])('refuses %s with a reason', (_, text, error) => {
    expect(importProgress(text)).toEqual({ ok: false, error });
  });
});
