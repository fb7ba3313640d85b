import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress } from '../../../src/lib/progress/export-import';
import { compareCertificates, compareProgress, mergeModule } from '../../../src/lib/progress/merge-progress';
import { emptyModule, emptyProgress, type Progress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, saveAttempt, setCertificate, setLearnerName } from '../../../src/lib/progress/progress-updates';
import type { QuizScore } from '../../../src/lib/quiz/scoring';

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));
const score = (percent: number, passed: boolean): QuizScore => ({ earned: percent, max: 100, percent, passed, scenarios: [] });
const done = (tag: string) => ({ seed: 1, drawn: [tag], log: [{ scenario: tag, choice: ['x'] }] });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A VC-JWT-shaped token issued at `validFrom` (merging reads its date, never its signature). */
const certificate = (validFrom: string) =>
  `${b64({ alg: 'RS256', kid: 'test-key' })}.${b64({ type: ['VerifiableCredential', 'OpenBadgeCredential'], validFrom, padding: 'x'.repeat(20) })}.${'s'.repeat(40)}`;

const ids = ['a', 'b', 'c'];
const EDITION = '667e3572336a';

/** Everything passed and a certificate: what a learner has after finishing the course. */
function finished(): Progress {
  let p = setLearnerName(emptyProgress(), 'Līga Kalniņa');
  for (const id of ids) p = completeAttempt(p, id, done(id), score(90, true), day(10));
  return setCertificate(p, certificate('2026-11-10T12:00:00Z'));
}

describe('merging an imported progress file', () => {
  it('an older file (one module, in progress) changes nothing: passed modules and the certificate stay', () => {
    const stored = finished();
    const older = completeAttempt(emptyProgress(), 'a', done('old'), score(40, false), day(2));
    const c = compareProgress(stored, older, ids, EDITION, EDITION);
    expect(c.unchanged).toBe(true);
    expect(c.merged.certificate).toBe(stored.certificate);
    for (const id of ids) expect(c.merged.modules[id]).toMatchObject({ status: 'passed', bestPercent: 90 });
    expect(c.modules.find((m) => m.id === 'a')?.result).toBe('stored');
    expect(c.certificate).toMatchObject({ kept: 'stored', file: null });
  });

  it('a newer file brings its better results and its newer certificate, and keeps what only this browser has', () => {
    let stored = completeAttempt(emptyProgress(), 'a', done('a1'), score(70, false), day(2));
    stored = completeAttempt(stored, 'c', done('c1'), score(100, true), day(2));
    stored = setCertificate(stored, certificate('2026-11-02T12:00:00Z'));
    let file = completeAttempt(emptyProgress(), 'a', done('a2'), score(90, true), day(5));
    file = completeAttempt(file, 'b', done('b2'), score(60, false), day(5));
    file = setCertificate(file, certificate('2026-11-05T12:00:00Z'));
    const c = compareProgress(stored, file, ids, EDITION, EDITION);
    expect(c.unchanged).toBe(false);
    expect(c.merged.modules.a).toMatchObject({ status: 'passed', bestPercent: 90, bestLog: done('a2').log, passedAt: day(5).toISOString(), startedAt: day(2).toISOString() });
    expect(c.merged.modules.b).toMatchObject({ status: 'in-progress', bestPercent: 60 });
    expect(c.merged.modules.c).toMatchObject({ status: 'passed', bestPercent: 100, bestLog: done('c1').log });
    expect(c.modules.map((m) => [m.id, m.result])).toEqual([['a', 'file'], ['b', 'file'], ['c', 'stored']]);
    expect(c.certificate).toMatchObject({ kept: 'file', stored: '2026-11-02T12:00:00Z', file: '2026-11-05T12:00:00Z', differ: true });
    expect(c.merged.certificate).toBe(file.certificate);
  });

  it('a pass beats a higher failed score, and the evidence travels with the result', () => {
    const passed = completeAttempt(emptyProgress(), 'a', done('pass'), score(80, true), day(3)).modules.a!;
    const failedHigher = { ...completeAttempt(emptyProgress(), 'a', done('fail'), score(85, false), day(4)).modules.a! };
    // (a failed attempt never scores above a pass mark in reality; the rule still has to be total)
    const { merged, result } = mergeModule(failedHigher, passed);
    expect(result).toBe('file');
    expect(merged).toMatchObject({ status: 'passed', bestPercent: 80, bestLog: done('pass').log, bestDraw: { seed: 1, drawn: ['pass'] } });
  });

  it('attempt counts are not added up (an export of the same history counts them once)', () => {
    const stored = completeAttempt(completeAttempt(emptyProgress(), 'a', done('1'), score(40, false), day(1)), 'a', done('2'), score(50, false), day(2));
    expect(mergeModule(stored.modules.a!, stored.modules.a!).merged.attempts).toBe(2);
  });

  it('the unfinished attempt touched last continues', () => {
    const base = completeAttempt(emptyProgress(), 'a', done('a'), score(100, true), day(1));
    const storedNewer = saveAttempt(base, 'a', { seed: 7, drawn: ['x'], log: [{ scenario: 'x', choice: ['y'] }], phase: 'feedback' }, day(9)).modules.a!;
    const fileOlder = saveAttempt(base, 'a', { seed: 8, drawn: ['z'], log: [], phase: 'answering' }, day(3)).modules.a!;
    expect(mergeModule(storedNewer, fileOlder).merged.current?.seed).toBe(7);
    expect(mergeModule(fileOlder, storedNewer).merged.current?.seed).toBe(7);
    expect(mergeModule(emptyModule(), fileOlder).merged).toMatchObject({ status: 'passed', current: { seed: 8 } });
  });

  it('a file from another course edition keeps its results but not its unfinished attempts, and says so', () => {
    const stored = emptyProgress();
    let file = completeAttempt(emptyProgress(), 'a', done('a'), score(100, true), day(4));
    file = saveAttempt(file, 'b', { seed: 3, drawn: ['q'], log: [], phase: 'answering' }, day(4));
    const c = compareProgress(stored, file, ids, EDITION, '0123456789ab');
    expect(c.otherEdition).toBe(true);
    expect(c.merged.modules.a).toMatchObject({ status: 'passed', bestPercent: 100 });
    expect(c.merged.modules.b).toMatchObject({ current: null, status: 'not-started' });
    // Same edition, or an older export without one: the attempt is resumable.
    expect(compareProgress(stored, file, ids, EDITION, EDITION).merged.modules.b?.current?.seed).toBe(3);
    expect(compareProgress(stored, file, ids, EDITION, null).otherEdition).toBe(false);
  });

  it('a corrupt or edited file is refused before any comparison, with its reason', () => {
    const text = exportProgress(finished(), day(12), EDITION);
    expect(importProgress(text.slice(0, 200))).toEqual({ ok: false, error: 'not-json' });
    const edited = JSON.parse(text);
    edited.progress.modules.a.bestPercent = 101;
    expect(importProgress(JSON.stringify(edited))).toEqual({ ok: false, error: 'damaged' });
    expect(importProgress(JSON.stringify({ ...JSON.parse(text), edition: '<script>' }))).toEqual({ ok: false, error: 'damaged' });
    const read = importProgress(text);
    expect(read).toMatchObject({ ok: true, edition: EDITION, exportedAt: day(12).toISOString() });
  });

  it('keeps the stored name, and takes the file\'s only when none is stored', () => {
    expect(compareProgress(setLearnerName(emptyProgress(), 'Anna'), setLearnerName(emptyProgress(), 'Ilze'), ids, EDITION, EDITION).merged.learnerName).toBe('Anna');
    expect(compareProgress(emptyProgress(), setLearnerName(emptyProgress(), 'Ilze'), ids, EDITION, EDITION).merged.learnerName).toBe('Ilze');
  });

  it('modules the course no longer has are carried along, not listed', () => {
    const file = completeAttempt(emptyProgress(), 'retired', done('r'), score(100, true), day(1));
    const c = compareProgress(emptyProgress(), file, ids, EDITION, EDITION);
    expect(c.modules.map((m) => m.id)).toEqual(ids);
    expect(c.merged.modules.retired?.status).toBe('passed');
  });
});

describe('choosing between certificates', () => {
  const older = certificate('2026-11-01T00:00:00Z');
  const newer = certificate('2026-11-20T00:00:00Z');
  it.each([
    ['none in the file', older, null, 'stored'],
    ['none stored', null, newer, 'file'],
    ['the file is newer', older, newer, 'file'],
    ['the file is older', newer, older, 'stored'],
    ['the same one', older, older, 'same'],
    ['the file cannot be dated', older, 'aaaaaaaaaa.bbbbbbbbbb.cccccccccc', 'stored'],
  ] as const)('%s', (_, stored, file, kept) => {
    expect(compareCertificates(stored, file).kept).toBe(kept);
  });
});
