import { describe, expect, it } from 'vitest';
import { parseProgress } from '../../../src/lib/progress/parse-progress';
import { emptyProgress, PROGRESS_VERSION } from '../../../src/lib/progress/progress-data';

const passedModule = {
  status: 'passed',
  bestPercent: 90,
  attempts: 2,
  current: null,
  bestLog: [{ scenario: 'a', choice: ['official'] }],
  bestDraw: { seed: 12, drawn: ['a'] },
  startedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  passedAt: '2026-11-02T10:00:00.000Z',
};
const valid = { version: PROGRESS_VERSION, learnerName: 'Anna Bērziņa', modules: { 'komunikacijas-principi': passedModule }, certificate: null };

describe('parseProgress', () => {
  it('reads valid progress unchanged and without a notice', () => {
    expect(parseProgress(JSON.stringify(valid))).toEqual({ progress: valid });
  });

  it('starts empty and silent when nothing is stored', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
    expect(parseProgress('')).toEqual({ progress: emptyProgress() });
  });

  it.each(['{not json', 'undefined', '[1,2,3]', '"text"', '42', 'null'])('treats %j as corrupt, starting empty', (raw) => {
    expect(parseProgress(raw)).toEqual({ progress: emptyProgress(), notice: 'corrupt' });
  });

  it('does not guess at a future version', () => {
    expect(parseProgress(JSON.stringify({ ...valid, version: PROGRESS_VERSION + 1 }))).toEqual({ progress: emptyProgress(), notice: 'future-version' });
  });

  it('repairs wrong types field by field and keeps the rest', () => {
    const stored = { ...valid, learnerName: 42, modules: { 'komunikacijas-principi': { ...passedModule, attempts: 'two', bestLog: 'nope' } } };
    const { progress, notice } = parseProgress(JSON.stringify(stored));
    expect(notice).toBe('repaired');
    expect(progress.learnerName).toBe('');
    const module = progress.modules['komunikacijas-principi']!;
    expect(module.attempts).toBe(0);
    expect(module.bestPercent).toBe(90);
    // Without the passing log the module cannot count as passed any more.
    expect(module.bestLog).toBeNull();
    expect(module.status).toBe('in-progress');
  });

  it('drops out-of-range and huge numbers', () => {
    const stored = { ...valid, modules: { m: { ...passedModule, bestPercent: 1e308 * 10, attempts: Number.MAX_SAFE_INTEGER + 2 } } };
    const raw = JSON.stringify(stored).replace('null', '1e999'); // JSON cannot say Infinity; 1e999 parses to it
    const { progress, notice } = parseProgress(raw);
    expect(notice).toBe('repaired');
    expect(progress.modules.m!.bestPercent).toBeNull();
    expect(progress.modules.m!.attempts).toBe(0);
    const negative = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, bestPercent: -5 } } }));
    expect(negative.progress.modules.m!.bestPercent).toBeNull();
  });

  it('fills missing fields with defaults', () => {
    const { progress, notice } = parseProgress(JSON.stringify({ version: PROGRESS_VERSION, modules: { m: { attempts: 1 } } }));
    expect(notice).toBe('repaired');
    expect(progress.learnerName).toBe('');
    expect(progress.modules.m).toMatchObject({ status: 'in-progress', attempts: 1, bestPercent: null, current: null, bestLog: null, passedAt: null });
  });

  it('treats an object without version or modules as repairable, not fatal', () => {
    expect(parseProgress('{}')).toEqual({ progress: emptyProgress(), notice: 'repaired' });
  });

  it('drops module entries with unsafe ids or non-object values', () => {
    const { progress, notice } = parseProgress(JSON.stringify({ ...valid, modules: { '<script>': passedModule, ok: 7 } }));
    expect(notice).toBe('repaired');
    expect(progress.modules).toEqual({});
  });

  it('drops a saved attempt with a malformed log or phase', () => {
    const current = { log: [{ scenario: 'a', choice: [1] }], phase: 'answering' };
    const { progress } = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, current } } }));
    expect(progress.modules.m!.current).toBeNull();
    const badPhase = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, current: { log: [], phase: 'dancing' } } } }));
    expect(badPhase.progress.modules.m!.current).toBeNull();
  });

  it('keeps a stored certificate and drops anything else in its place', () => {
    const token = `${'a'.repeat(20)}.${'b'.repeat(200)}.${'c'.repeat(40)}`;
    expect(parseProgress(JSON.stringify({ ...valid, certificate: token })).progress.certificate).toBe(token);
    const bad = parseProgress(JSON.stringify({ ...valid, certificate: '<img src=x onerror=alert(1)>' }));
    expect(bad).toMatchObject({ notice: 'repaired', progress: { certificate: null } });
  });

  it('rejects invalid dates', () => {
    const { progress, notice } = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, updatedAt: 'yesterday' } } }));
    expect(notice).toBe('repaired');
    expect(progress.modules.m!.updatedAt).toBeNull();
  });

  it('migrates version 1 silently: attempts without a seed keep file order until they end', () => {
    const { bestDraw: _, ...v1Module } = passedModule;
    const inProgress = { ...v1Module, status: 'in-progress', passedAt: null, bestLog: null, bestPercent: null, attempts: 0, current: { log: [{ scenario: 'a', choice: ['share'] }], phase: 'feedback' } };
    const v1 = { version: 1, learnerName: 'Anna', modules: { m: v1Module, n: inProgress }, certificate: null };
    const { progress, notice } = parseProgress(JSON.stringify(v1));
    expect(notice).toBeUndefined();
    expect(progress.version).toBe(PROGRESS_VERSION);
    expect(progress.modules.m).toMatchObject({ status: 'passed', bestLog: passedModule.bestLog, bestDraw: { seed: null, drawn: null } });
    expect(progress.modules.n?.current).toEqual({ seed: null, drawn: null, log: [{ scenario: 'a', choice: ['share'] }], phase: 'feedback' });
  });

  it('keeps a seeded attempt with its drawn scenarios, and repairs a broken seed', () => {
    const current = { seed: 4_000_000_000, drawn: ['a', 'b'], log: [], phase: 'answering' };
    const ok = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, current } } }));
    expect(ok.notice).toBeUndefined();
    expect(ok.progress.modules.m?.current).toEqual(current);
    const broken = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, current: { ...current, seed: -1 }, bestDraw: { seed: 'x' } } } }));
    expect(broken.notice).toBe('repaired');
    expect(broken.progress.modules.m).toMatchObject({ current: null, bestDraw: null });
  });

  it('never throws on damaged stored text, and drops attempts whose draw is empty or malformed (2,000 mutations)', () => {
    const text = JSON.stringify({ ...valid, modules: { m: { ...passedModule, current: { seed: 9, drawn: ['a', 'b'], log: [], phase: 'feedback' } } } });
    let random = 7;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const chars = [...text];
      for (let n = 0; n < 1 + Math.floor(next() * 3); n++) chars[Math.floor(next() * chars.length)] = '{}[]",:0-9nulx'[Math.floor(next() * 14)]!;
      const { progress } = parseProgress(chars.join(''));
      for (const m of Object.values(progress.modules)) {
        if (m.current?.drawn) expect(m.current.drawn.length).toBeGreaterThan(0);
        if (m.bestDraw?.drawn) expect(m.bestDraw.drawn.length).toBeGreaterThan(0);
      }
    }
    const empty = parseProgress(JSON.stringify({ ...valid, modules: { m: { ...passedModule, current: { seed: 9, drawn: [], log: [], phase: 'feedback' } } } }));
    expect(empty).toMatchObject({ notice: 'repaired', progress: { modules: { m: { current: null } } } });
  });
});
