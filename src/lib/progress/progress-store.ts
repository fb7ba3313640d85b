import type { RecordedAttempt } from '../quiz/attempt';
import type { SavedAttempt } from '../quiz/quiz-machine';
import type { QuizScore } from '../quiz/scoring';
import { guardedStorage, probeStorage, type StorageLike } from './guarded-storage';
import { parseProgress } from './parse-progress';
import { BACKUP_KEY, emptyProgress, PROGRESS_KEY, type Progress, type StorageNotice } from './progress-data';
import * as update from './progress-updates';
import { persistentStore, valueStore } from './small-store';

/** What the learner should be told about storage, if anything; shown by the StorageNotice island. */
export const storageNotice = valueStore<StorageNotice | null>(null);

const scope = globalThis as { localStorage?: StorageLike; window?: Window };
const real = scope.window ? probeStorage(scope) : undefined;
// On the server (islands rendered at build time) nothing is stored: an empty bag.
const storage: Record<string, string> = scope.window ? guardedStorage(real, () => storageNotice.set(real ? 'full' : 'unavailable')) : {};
if (scope.window && !real) storageNotice.set('unavailable');

function decode(raw: string): Progress {
  const { progress, notice } = parseProgress(raw);
  if (notice) {
    storageNotice.set(notice);
    // Keep what could not be read, so a repair never destroys the learner's data.
    try {
      real?.setItem(BACKUP_KEY, raw);
    } catch {
      /* storage full: the notice already tells the learner */
    }
  }
  return progress;
}

/** The learner's progress: one versioned key, shared by every island and kept in sync across tabs. */
export const progress = persistentStore<Progress>(PROGRESS_KEY, emptyProgress(), {
  storage,
  encode: JSON.stringify,
  decode,
  events: real ? scope.window : undefined,
});

export function recordAttempt(moduleId: string, attempt: SavedAttempt): void {
  progress.set(update.saveAttempt(progress.get(), moduleId, attempt, new Date()));
}

export function completeModuleAttempt(moduleId: string, attempt: RecordedAttempt, score: QuizScore): void {
  progress.set(update.completeAttempt(progress.get(), moduleId, attempt, score, new Date()));
}

export function setLearnerName(name: string): void {
  progress.set(update.setLearnerName(progress.get(), name));
}

export function saveCertificate(token: string): void {
  progress.set(update.setCertificate(progress.get(), token));
}

export function resetProgress(): void {
  progress.set(emptyProgress());
  storageNotice.set(real ? null : 'unavailable');
}

/** Stores progress the learner confirmed (a merge, or the value an undo brings back). */
export function replaceProgress(value: Progress): void {
  progress.set(value);
}

export function dismissNotice(): void {
  storageNotice.set(null);
}
