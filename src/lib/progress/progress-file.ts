import { exportProgress, importProgress, type ImportResult } from './export-import';
import { progress } from './progress-store';

// The progress file (export and import), apart from the store: only the progress page needs it,
// and every page loads the store.

/** The export file, naming the course edition (content hash) it was written by. */
export function progressFileText(edition: string): string {
  return exportProgress(progress.get(), new Date(), edition);
}

/** Reads a progress file without changing anything: the page compares it and asks first. */
export function readProgressFile(text: string): ImportResult {
  return importProgress(text);
}
