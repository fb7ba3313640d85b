import { PROGRESS_VERSION, type Progress } from './progress-data';
import { repairProgress } from './parse-progress';

/** Marks an exported file as ours, so importing some other JSON says so clearly. */
const FORMAT = 'smkurss-progress';
const MAX_IMPORT_BYTES = 1_000_000;

/** `edition`: the course's content hash, so an import can tell a file from another edition of the course. */
export function exportProgress(progress: Progress, now: Date, edition?: string): string {
  return JSON.stringify({ format: FORMAT, exportedAt: now.toISOString(), ...(edition ? { edition } : {}), progress }, null, 2);
}

export type ImportError = 'too-large' | 'not-json' | 'not-progress' | 'future-version' | 'damaged';
/** `edition`: the course edition the file was exported from; null for files from before editions were written. */
export type ImportResult = { ok: true; progress: Progress; edition: string | null; exportedAt: string | null } | { ok: false; error: ImportError };

/**
 * Reads a file made by exportProgress. Unlike stored data, an import is all or nothing: a file that
 * needs repair is refused (with the reason), so importing never silently loses part of it.
 */
export function importProgress(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const file = data as { format?: unknown; progress?: unknown; edition?: unknown; exportedAt?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== FORMAT || !file.progress || typeof file.progress !== 'object')
    return { ok: false, error: 'not-progress' };
  const progress = file.progress as Record<string, unknown>;
  if (typeof progress.version === 'number' && progress.version > PROGRESS_VERSION) return { ok: false, error: 'future-version' };
  const repaired = repairProgress(progress);
  if (repaired.notice) return { ok: false, error: 'damaged' };
  if (file.edition !== undefined && (typeof file.edition !== 'string' || !/^[0-9a-f]{6,64}$/.test(file.edition))) return { ok: false, error: 'damaged' };
  const exportedAt = typeof file.exportedAt === 'string' && !Number.isNaN(Date.parse(file.exportedAt)) ? file.exportedAt : null;
  return { ok: true, progress: repaired.progress, edition: file.edition ?? null, exportedAt };
}
