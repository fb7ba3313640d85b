import { decodeCredential } from '../certificate/decode-credential';
import { emptyModule, type ModuleProgress, type ModuleStatus, type Progress } from './progress-data';

/**
 * Merging an imported progress file into what this browser stores, so that an import never loses
 * work: per module the better result wins (a pass over no pass, then the higher best score; on a
 * tie what is stored stays), the unfinished attempt comes from whichever side was active last, and
 * of two certificates the newer is kept. Pure functions: the page shows `compareProgress` to the
 * learner before anything is replaced, and keeps the stored value for an undo.
 */

/** Which side a merged module's result comes from. */
export type Source = 'stored' | 'file' | 'same';

export interface ModuleComparison {
  id: string;
  stored: ModuleProgress;
  file: ModuleProgress;
  merged: ModuleProgress;
  /** Where the merged best result (status, score, the evidence a certificate needs) comes from. */
  result: Source;
}

export interface CertificateComparison {
  /** Issue times (ISO) of the stored and the file's certificate; null when there is none or it cannot be read. */
  stored: string | null;
  file: string | null;
  /** The certificate kept: the newer one (the stored one when they are equal or the file's cannot be dated). */
  kept: Source;
  /** The stored certificate and the file's one are both present and differ. */
  differ: boolean;
}

export interface ProgressComparison {
  modules: ModuleComparison[];
  certificate: CertificateComparison;
  /** The file was written by another edition of the course (its content changed since, or before). */
  otherEdition: boolean;
  /** The progress that merging gives. */
  merged: Progress;
  /** Merging changes nothing that is stored. */
  unchanged: boolean;
}

const rank: Record<ModuleStatus, number> = { 'not-started': 0, 'in-progress': 1, passed: 2 };

/** Positive when a's result is better than b's: a pass first, then the higher best score. */
function compareResult(a: ModuleProgress, b: ModuleProgress): number {
  const passed = Number(a.status === 'passed') - Number(b.status === 'passed');
  if (passed) return passed;
  const score = (a.bestPercent ?? -1) - (b.bestPercent ?? -1);
  if (score) return score;
  return rank[a.status] - rank[b.status];
}

const time = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);
const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : time(a) <= time(b) ? a : b);
const latest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : time(a) >= time(b) ? a : b);

/**
 * One module from both sides. `dropFileAttempt`: the file's unfinished attempt is not taken (it
 * belongs to another edition, whose scenarios this one may not have).
 */
export function mergeModule(stored: ModuleProgress, file: ModuleProgress, dropFileAttempt = false): { merged: ModuleProgress; result: Source } {
  const order = compareResult(file, stored);
  const result: Source = order > 0 ? 'file' : order < 0 ? 'stored' : 'same';
  const best = result === 'file' ? file : stored;
  const fileAttempt = dropFileAttempt ? null : file.current;
  // The attempt the learner touched last continues; an attempt on one side only is kept.
  const current = fileAttempt && (!stored.current || time(file.updatedAt) > time(stored.updatedAt)) ? fileAttempt : stored.current;
  const merged: ModuleProgress = {
    status: 'not-started',
    bestPercent: best.bestPercent,
    bestLog: best.bestLog,
    bestDraw: best.bestDraw,
    passedAt: best.passedAt,
    // Both files may count the same attempts (one was exported from the other): the larger count, never a sum.
    attempts: Math.max(stored.attempts, file.attempts),
    current,
    startedAt: earliest(stored.startedAt, file.startedAt),
    updatedAt: latest(stored.updatedAt, file.updatedAt),
  };
  // The status follows what the merge holds, as when stored progress is read (parse-progress).
  merged.status = best.status === 'passed' ? 'passed' : merged.current || merged.attempts > 0 || merged.bestPercent !== null ? 'in-progress' : 'not-started';
  return { merged, result };
}

/** When a stored certificate was issued (its validFrom), or null when it cannot be read. */
export function certificateIssued(token: string | null): string | null {
  if (!token) return null;
  const from = decodeCredential(token)?.validFrom;
  return typeof from === 'string' && !Number.isNaN(Date.parse(from)) ? from : null;
}

export function compareCertificates(stored: string | null, file: string | null): CertificateComparison {
  const s = certificateIssued(stored);
  const f = certificateIssued(file);
  const differ = Boolean(stored && file && stored !== file);
  let kept: Source = 'same';
  if (stored !== file) {
    if (!file) kept = 'stored';
    else if (!stored) kept = 'file';
    // A certificate the page cannot date never replaces one it can.
    else kept = f !== null && (s === null || time(f) > time(s)) ? 'file' : 'stored';
  }
  return { stored: s, file: f, kept, differ };
}

/**
 * Compares a file's progress with the stored one over the course's modules and those either side
 * holds, and gives the merge. `fileEdition` / `edition`: the course editions (content hashes) of the
 * file and of this page; a file without one (older exports) counts as another edition only when
 * it names one.
 */
export function compareProgress(stored: Progress, file: Progress, moduleIds: readonly string[], edition: string, fileEdition: string | null): ProgressComparison {
  const otherEdition = fileEdition !== null && fileEdition !== edition;
  const ids = [...new Set([...moduleIds, ...Object.keys(stored.modules), ...Object.keys(file.modules)])];
  const modules: ModuleComparison[] = [];
  const mergedModules: Record<string, ModuleProgress> = {};
  for (const id of ids) {
    const s = stored.modules[id];
    const f = file.modules[id];
    const { merged, result } = mergeModule(s ?? emptyModule(), f ?? emptyModule(), otherEdition);
    if (s || f) mergedModules[id] = merged;
    // The table lists the course's modules; modules the course no longer has are carried along unseen.
    if (moduleIds.includes(id)) modules.push({ id, stored: s ?? emptyModule(), file: f ?? emptyModule(), merged, result });
  }
  const certificate = compareCertificates(stored.certificate, file.certificate);
  const merged: Progress = {
    version: stored.version,
    learnerName: stored.learnerName || file.learnerName,
    modules: mergedModules,
    certificate: certificate.kept === 'file' ? file.certificate : stored.certificate,
  };
  return { modules, certificate, otherEdition, merged, unchanged: sameProgress(stored, merged) };
}

/** Whether two progress values hold the same results (key order and start/update times aside). */
export function sameProgress(a: Progress, b: Progress): boolean {
  const results = (p: Progress) => ({
    ...p,
    modules: Object.fromEntries(Object.entries(p.modules).map(([id, m]) => [id, { ...m, startedAt: null, updatedAt: null }]).filter(([, m]) => canonical(m) !== canonical(blank))),
  });
  return canonical(results(a)) === canonical(results(b));
}

const blank = emptyModule();

/** JSON with object keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
