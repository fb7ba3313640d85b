import type { SavedRun } from './presenter-machine';

// A presenter tab's stored run, read back after a reload (B1). Its own module, loaded by the
// presenter only when its tab has a stored run: the first load of every other visit does not carry
// these checks (page weight, DESIGN.md's 30 KB budget).

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 10_000;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCounts = (c: unknown): c is number[] => Array.isArray(c) && c.length <= 10 && c.every(isCount);

/**
 * A stored run read back (untrusted: another build, a hand-edited storage): undefined unless every
 * part has the right shape. Whether it fits the slides is checked when it is applied.
 */
export function parseSavedRun(value: unknown): SavedRun | undefined {
  const v = value as Partial<SavedRun> | null;
  if (!v || typeof v !== 'object') return undefined;
  if (!Number.isInteger(v.index) || v.index! < 0 || (v.step !== undefined && typeof v.step !== 'string')) return undefined;
  if (v.phase !== 'voting' && v.phase !== 'revealed') return undefined;
  if (!Number.isFinite(v.clockMs) || v.clockMs! < 0) return undefined;
  if (!v.votes || typeof v.votes !== 'object' || !Object.values(v.votes).every(isCounts)) return undefined;
  if (!v.path || typeof v.path !== 'object' || !Object.values(v.path).every((p) => Array.isArray(p) && p.every((e) => !!e && typeof e.step === 'string' && typeof e.choice === 'string')))
    return undefined;
  if (v.summary !== undefined && typeof v.summary !== 'boolean') return undefined;
  return { index: v.index!, step: v.step, phase: v.phase, votes: v.votes, path: v.path, clockMs: v.clockMs!, ...(v.summary ? { summary: true } : {}) };
}

/** What the presenter's tab stores: the run, and the phones' part of its votes (per vote key). */
export interface StoredRun {
  run: SavedRun;
  /** Phone votes added to the votes, per vote key. */
  phones: Record<string, number[]>;
  /** How many phones answered, per vote key. */
  people: Record<string, number>;
}

/**
 * The stored text read back: undefined when it is not JSON or its run is malformed (the presenter
 * then starts afresh); phone entries of the wrong shape are dropped one by one, so a bad entry
 * cannot reach the summary.
 */
export function readStoredRun(text: string | null): StoredRun | undefined {
  let value: { run?: unknown; phones?: unknown; people?: unknown } | null;
  try {
    value = JSON.parse(text ?? 'null');
  } catch {
    return undefined;
  }
  const run = parseSavedRun(value?.run);
  if (!run) return undefined;
  const entries = <T>(v: unknown, ok: (e: unknown) => e is T) => Object.fromEntries(Object.entries(isObject(v) ? v : {}).filter((e): e is [string, T] => ok(e[1])));
  return { run, phones: entries(value!.phones, isCounts), people: entries(value!.people, (n): n is number => isCount(n)) };
}
