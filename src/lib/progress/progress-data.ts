import type { AttemptSpec } from '../quiz/attempt';
import type { SavedAttempt } from '../quiz/quiz-machine';
import type { AnswerLog } from '../quiz/types';

/**
 * Bumped whenever the stored shape changes; parse-progress migrates older versions forward.
 * 2: attempts carry their seed and drawn scenarios (version 1 attempts keep file order until they end).
 */
export const PROGRESS_VERSION = 2;
/** The one localStorage key the course uses. */
export const PROGRESS_KEY = 'smkurss.progress';
/** Where data that could not be read is kept, so a repair never destroys it. */
export const BACKUP_KEY = 'smkurss.progress.unreadable';

export type ModuleStatus = 'not-started' | 'in-progress' | 'passed';

export interface ModuleProgress {
  status: ModuleStatus;
  /** Best score of a finished attempt, 0–100; null before the first finished attempt. */
  bestPercent: number | null;
  /** Finished attempts. */
  attempts: number;
  /** The unfinished attempt, for resuming after a reload: seed, drawn scenarios, answers, phase. */
  current: SavedAttempt | null;
  /** The answer log of the best attempt: what a certificate request sends for re-grading. */
  bestLog: AnswerLog | null;
  /** The seed and drawn scenarios of the best attempt, which re-grading needs beside its log. */
  bestDraw: AttemptSpec | null;
  startedAt: string | null;
  updatedAt: string | null;
  passedAt: string | null;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** The learner's name, when they entered it (for the certificate). */
  learnerName: string;
  modules: Record<string, ModuleProgress>;
  /** The signed certificate (a VC-JWT) once issued; kept so the learner can print it again. */
  certificate: string | null;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, learnerName: '', modules: {}, certificate: null };
}

export function emptyModule(): ModuleProgress {
  return { status: 'not-started', bestPercent: null, attempts: 0, current: null, bestLog: null, bestDraw: null, startedAt: null, updatedAt: null, passedAt: null };
}

/** What the learner is told about their stored progress. */
export type StorageNotice = 'corrupt' | 'repaired' | 'future-version' | 'unavailable' | 'full';
