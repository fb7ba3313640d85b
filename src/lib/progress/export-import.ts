import { PROGRESS_VERSION, type Progress } from './progress-data';
import { repairProgress } from './parse-progress';

/** Marks an exported file as ours, so importing some other JSON says so clearly. */
const FORMAT = 'smkurss-progress';
const MAX_IMPORT_BYTES = 1_000_000;

export function exportProgress(progress: Progress, now: Date): string {
  return JSON.stringify({ format: FORMAT, exportedAt: now.toISOString(), progress }, null, 2);
}

export type ImportError = 'too-large' | 'not-json' | 'not-progress' | 'future-version' | 'damaged';
export type ImportResult = { ok: true; progress: Progress } | { ok: false; error: ImportError };

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
  const file = data as { format?: unknown; progress?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== FORMAT || !file.progress || typeof file.progress !== 'object')
    return { ok: false, error: 'not-progress' };
  const progress = file.progress as Record<string, unknown>;
  if (typeof progress.version === 'number' && progress.version > PROGRESS_VERSION) return { ok: false, error: 'future-version' };
  const repaired = repairProgress(progress);
  return repaired.notice ? { ok: false, error: 'damaged' } : { ok: true, progress: repaired.progress };
}
