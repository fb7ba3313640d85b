import type { RecordedAttempt } from '../quiz/attempt';
import type { SavedAttempt } from '../quiz/quiz-machine';
import type { QuizScore } from '../quiz/scoring';
import { emptyModule, type ModuleProgress, type Progress } from './progress-data';

/** Pure updates of the progress object; the store applies them and persists the result. */

function withModule(progress: Progress, moduleId: string, change: (m: ModuleProgress) => ModuleProgress): Progress {
  const current = progress.modules[moduleId] ?? emptyModule();
  return { ...progress, modules: { ...progress.modules, [moduleId]: change(current) } };
}

export function saveAttempt(progress: Progress, moduleId: string, attempt: SavedAttempt, now: Date): Progress {
  return withModule(progress, moduleId, (m) => ({
    ...m,
    status: m.status === 'passed' ? 'passed' : 'in-progress',
    current: { seed: attempt.seed, drawn: attempt.drawn ? [...attempt.drawn] : null, log: attempt.log, phase: attempt.phase },
    startedAt: m.startedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  }));
}

/** A finished attempt: counted, the best score and its log kept, passing recorded once. */
export function completeAttempt(progress: Progress, moduleId: string, attempt: RecordedAttempt, score: QuizScore, now: Date): Progress {
  return withModule(progress, moduleId, (m) => {
    const better = m.bestPercent === null || score.percent > m.bestPercent || (score.passed && m.status !== 'passed');
    const passed = m.status === 'passed' || score.passed;
    return {
      ...m,
      status: passed ? 'passed' : 'in-progress',
      attempts: m.attempts + 1,
      bestPercent: better ? score.percent : m.bestPercent,
      bestLog: better ? attempt.log : m.bestLog,
      bestDraw: better ? { seed: attempt.seed, drawn: attempt.drawn ? [...attempt.drawn] : null } : m.bestDraw,
      current: null,
      startedAt: m.startedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      passedAt: m.passedAt ?? (score.passed ? now.toISOString() : null),
    };
  });
}

export function setCertificate(progress: Progress, token: string): Progress {
  return { ...progress, certificate: token };
}

export function setLearnerName(progress: Progress, name: string): Progress {
  return { ...progress, learnerName: name.trim().slice(0, 200) };
}

export interface CourseSummary {
  passed: number;
  inProgress: number;
  total: number;
  percent: number;
}

/** Overall progress over the course's modules (stored modules the course no longer has are ignored). */
export function summarise(progress: Progress, moduleIds: readonly string[]): CourseSummary {
  const statuses = moduleIds.map((id) => progress.modules[id]?.status ?? 'not-started');
  const passed = statuses.filter((s) => s === 'passed').length;
  const inProgress = statuses.filter((s) => s === 'in-progress').length;
  return { passed, inProgress, total: moduleIds.length, percent: moduleIds.length ? Math.round((passed * 100) / moduleIds.length) : 0 };
}
