import { isAnswerLog, readAttemptSpec } from '../quiz/attempt-shape';
import { emptyModule, emptyProgress, PROGRESS_VERSION, type ModuleProgress, type ModuleStatus, type Progress, type StorageNotice } from './progress-data';

export interface ParsedProgress {
  progress: Progress;
  /** Set when the data could not be used as it was: the learner is told, the raw text is backed up. */
  notice?: Extract<StorageNotice, 'corrupt' | 'repaired' | 'future-version'>;
}

const MAX_LOG = 500;
const MAX_NAME = 200;
const MAX_MODULES = 200;
/** A compact JWS of sensible size; anything else in that field is dropped. */
const CERTIFICATE = /^[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,20000}\.[A-Za-z0-9_-]{10,2000}$/;

/**
 * Reads stored progress without ever throwing: malformed JSON, a newer version, wrong types,
 * out-of-range numbers and missing fields are repaired field by field or dropped, and the result
 * says so, so the page can tell the learner instead of breaking.
 */
export function parseProgress(raw: string | null | undefined): ParsedProgress {
  if (raw === null || raw === undefined || raw === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), notice: 'corrupt' };
  }
  if (!isRecord(data)) return { progress: emptyProgress(), notice: 'corrupt' };
  if (typeof data.version === 'number' && data.version > PROGRESS_VERSION) return { progress: emptyProgress(), notice: 'future-version' };
  return repairProgress(data);
}

/** Repairs an object that claims to be progress; also used for imported files. */
export function repairProgress(data: Record<string, unknown>): ParsedProgress {
  // Version 1 migrates silently (its attempts simply have no seed); a missing version is a repair.
  const repairs = { count: data.version === PROGRESS_VERSION || data.version === 1 ? 0 : 1 };
  const learnerName = typeof data.learnerName === 'string' && data.learnerName.length <= MAX_NAME ? data.learnerName : flag(repairs, '');
  const modules: Record<string, ModuleProgress> = {};
  const storedModules = isRecord(data.modules) ? data.modules : flag(repairs, {});
  for (const [id, value] of Object.entries(storedModules).slice(0, MAX_MODULES)) {
    if (!/^[a-z0-9-]{1,80}$/.test(id) || !isRecord(value)) { repairs.count++; continue; }
    modules[id] = repairModule(value, repairs);
  }
  if (Object.keys(storedModules).length > MAX_MODULES) repairs.count++;
  const certificate =
    data.certificate === undefined || data.certificate === null ? null : typeof data.certificate === 'string' && CERTIFICATE.test(data.certificate) ? data.certificate : flag(repairs, null);
  const progress: Progress = { version: PROGRESS_VERSION, learnerName, modules, certificate };
  return repairs.count ? { progress, notice: 'repaired' } : { progress };
}

function repairModule(value: Record<string, unknown>, repairs: { count: number }): ModuleProgress {
  const base = emptyModule();
  const bestPercent = value.bestPercent === null ? null : inRange(value.bestPercent, 0, 100) ? value.bestPercent : flag(repairs, null);
  const attempts = Number.isSafeInteger(value.attempts) && inRange(value.attempts, 0, 100_000) ? value.attempts : flag(repairs, 0);
  const current = value.current === null ? null : readAttempt(value.current) ?? flag(repairs, null);
  const bestLog = value.bestLog === null ? null : readLog(value.bestLog) ?? flag(repairs, null);
  // Absent in version 1: the best attempt then showed every scenario in file order.
  const bestDraw = value.bestDraw === undefined || value.bestDraw === null ? (bestLog ? { seed: null, drawn: null } : null) : readAttemptSpec(value.bestDraw) ?? flag(repairs, null);
  const module: ModuleProgress = {
    ...base,
    bestPercent,
    attempts,
    current,
    bestLog,
    bestDraw: bestLog ? bestDraw : null,
    startedAt: readDate(value.startedAt, repairs),
    updatedAt: readDate(value.updatedAt, repairs),
    passedAt: readDate(value.passedAt, repairs),
  };
  const statuses: ModuleStatus[] = ['not-started', 'in-progress', 'passed'];
  const stored = statuses.includes(value.status as ModuleStatus) ? (value.status as ModuleStatus) : flag(repairs, undefined);
  // Passed needs the evidence a certificate needs; otherwise the status follows what is there.
  const derived: ModuleStatus = module.passedAt && module.bestLog ? 'passed' : module.current || module.attempts > 0 || module.bestPercent !== null ? 'in-progress' : 'not-started';
  if (stored !== undefined && stored !== derived) repairs.count++;
  return { ...module, status: derived };
}

function readAttempt(value: unknown): ModuleProgress['current'] | undefined {
  if (!isRecord(value) || (value.phase !== 'answering' && value.phase !== 'feedback')) return undefined;
  const log = readLog(value.log);
  // A version 1 attempt has no seed: it keeps file order until it ends.
  const spec = readAttemptSpec({ seed: value.seed ?? null, drawn: value.drawn ?? null });
  return log && spec ? { seed: spec.seed, drawn: spec.drawn ?? null, log, phase: value.phase } : undefined;
}

function readLog(value: unknown) {
  return isAnswerLog(value) && value.length <= MAX_LOG ? value.map((e) => (e.step === undefined ? { scenario: e.scenario, choice: e.choice } : { scenario: e.scenario, step: e.step, choice: e.choice })) : undefined;
}

function readDate(value: unknown, repairs: { count: number }): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? value : flag(repairs, null);
}

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts a repair and returns the replacement value. */
function flag<T>(repairs: { count: number }, replacement: T): T {
  repairs.count++;
  return replacement;
}
