import { afterReport, initialCommitState, whenHidden, whenLeaving, type CommitDecision } from './commit-policy';
import { findApi, type WindowLike } from './find-api';

/** The calls both SCORM versions share, under their 1.2 and 2004 names. */
interface Scorm12Api {
  LMSInitialize(p: ''): string;
  LMSGetValue(k: string): string;
  LMSSetValue(k: string, v: string): string;
  LMSCommit(p: ''): string;
  LMSFinish(p: ''): string;
  LMSGetLastError(): string | number;
}
interface Scorm2004Api {
  Initialize(p: ''): string;
  GetValue(k: string): string;
  SetValue(k: string, v: string): string;
  Commit(p: ''): string;
  Terminate(p: ''): string;
  GetLastError(): string | number;
}

/** What the course tells the LMS; mapped to each version's data model below. */
export interface CourseReport {
  passedModules: number;
  totalModules: number;
  /** Average best score over all modules, 0–100. */
  scorePercent: number;
  suspendData: string;
}

const ok = (result: unknown) => result === true || result === 'true';

/** The only state the course reports as a pass: every module passed. */
export const courseComplete = (r: CourseReport) => r.totalModules > 0 && r.passedModules === r.totalModules;

/** Share of modules passed, rounded down to hundredths so that it reaches 1 only when all are passed. */
export const progressMeasure = (r: CourseReport) => (r.totalModules ? Math.floor((r.passedModules * 100) / r.totalModules) / 100 : 0).toFixed(2);

/*
 * Until every module is passed the LMS gets no score at all, only `incomplete` (and in 2004 the
 * progress). An LMS may turn a score into a status with a threshold of its own (Moodle did with
 * the 1.2 mastery score, and 2004 LMSs compare `cmi.score.scaled` with a scaled passing score), and
 * no threshold an administrator could set can be reached by a score that was never sent. A score
 * of 0 would be below every threshold too, but such an LMS then records `failed` (Moodle did after
 * one module, and then reopened the attempt in review mode), and its reports would show a score of
 * 0 for a learner half-way through. The course never fails anyone: a module can always be retried.
 * Score first, status second, so that an LMS reacting to the status already has the score.
 */

/** SCORM 1.2 data model values for a report. */
export function scorm12Values(r: CourseReport): [string, string][] {
  if (!courseComplete(r)) return [['cmi.core.lesson_status', 'incomplete'], ['cmi.suspend_data', r.suspendData]];
  return [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', String(Math.round(r.scorePercent))],
    ['cmi.core.lesson_status', 'passed'],
    ['cmi.suspend_data', r.suspendData],
  ];
}

/** SCORM 2004 (4th edition) data model values for a report. */
export function scorm2004Values(r: CourseReport): [string, string][] {
  const progress: [string, string] = ['cmi.progress_measure', progressMeasure(r)];
  if (!courseComplete(r)) return [['cmi.completion_status', 'incomplete'], ['cmi.success_status', 'unknown'], progress, ['cmi.suspend_data', r.suspendData]];
  return [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(Math.round(r.scorePercent))],
    ['cmi.score.scaled', (r.scorePercent / 100).toFixed(2)],
    ['cmi.completion_status', 'completed'],
    ['cmi.success_status', 'passed'],
    progress,
    ['cmi.suspend_data', r.suspendData],
  ];
}

/** 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scorm12Time(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(Math.min(h, 9999)).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** 2004 timeinterval (ISO 8601 duration): PT#H#M#S. */
export function scorm2004Time(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h}H${m}M${s}S`;
}

/** LMS names are "Family, Given"; the certificate wants "Given Family". */
export function displayName(lmsName: string): string {
  const [family, given] = lmsName.split(',').map((p) => p.trim());
  return given ? `${given} ${family}` : lmsName.trim();
}

/**
 * One SCO session with whichever SCORM version the LMS offers. Every call is guarded: a refused
 * value or a lost LMS is logged and ignored, so the course never breaks (progress also stays in
 * the browser). Values are set on every report; commits follow the commit policy.
 */
export class LmsSession {
  private commits = initialCommitState();

  private constructor(
    readonly version: '1.2' | '2004',
    private readonly api: Scorm12Api | Scorm2004Api,
    private readonly log: (message: string) => void,
  ) {}

  static connect(win: WindowLike, log: (message: string) => void = (m) => console.warn(`[SCORM] ${m}`)): LmsSession | undefined {
    const api2004 = findApi<Scorm2004Api>(win, 'API_1484_11');
    if (api2004) return new LmsSession('2004', api2004, log);
    const api12 = findApi<Scorm12Api>(win, 'API');
    return api12 ? new LmsSession('1.2', api12, log) : undefined;
  }

  private call(what: string, fn: () => unknown): boolean {
    try {
      const result = fn();
      if (ok(result)) return true;
      this.log(`${what} failed (error ${this.lastError()})`);
    } catch (error) {
      this.log(`${what} threw: ${(error as Error).message}`);
    }
    return false;
  }

  private lastError(): string {
    try {
      return String(this.version === '2004' ? (this.api as Scorm2004Api).GetLastError() : (this.api as Scorm12Api).LMSGetLastError());
    } catch {
      return '?';
    }
  }

  initialize(): boolean {
    return this.call('Initialize', () => (this.version === '2004' ? (this.api as Scorm2004Api).Initialize('') : (this.api as Scorm12Api).LMSInitialize('')));
  }

  get(key: string): string {
    try {
      return String((this.version === '2004' ? (this.api as Scorm2004Api).GetValue(key) : (this.api as Scorm12Api).LMSGetValue(key)) ?? '');
    } catch (error) {
      this.log(`GetValue(${key}) threw: ${(error as Error).message}`);
      return '';
    }
  }

  set(key: string, value: string): boolean {
    return this.call(`SetValue(${key})`, () => (this.version === '2004' ? (this.api as Scorm2004Api).SetValue(key, value) : (this.api as Scorm12Api).LMSSetValue(key, value)));
  }

  commit(): boolean {
    return this.call('Commit', () => (this.version === '2004' ? (this.api as Scorm2004Api).Commit('') : (this.api as Scorm12Api).LMSCommit('')));
  }

  learnerName(): string {
    return displayName(this.get(this.version === '2004' ? 'cmi.learner_name' : 'cmi.core.student_name'));
  }

  suspendData(): string {
    return this.get('cmi.suspend_data');
  }

  /** How many modules the LMS holds as passed at launch, so that only a change of that commits at once. */
  resumedWith(passedModules: number): void {
    this.commits = initialCommitState(passedModules);
  }

  private apply(decision: CommitDecision): void {
    this.commits = decision.state;
    if (decision.commit) this.commit();
  }

  /** Sets a changed report; commits when the policy says so. */
  report(report: CourseReport): void {
    for (const [key, value] of this.version === '2004' ? scorm2004Values(report) : scorm12Values(report)) this.set(key, value);
    this.apply(afterReport(this.commits, report.passedModules));
  }

  /** The page is hidden: it may never come back, so commit what is pending. */
  pageHidden(): void {
    this.apply(whenHidden(this.commits));
  }

  /** Leaving: session time, exit as suspend (so the LMS resumes next time), commit, terminate. */
  finish(sessionMs: number): void {
    if (this.version === '2004') {
      this.set('cmi.session_time', scorm2004Time(sessionMs));
      this.set('cmi.exit', 'suspend');
    } else {
      this.set('cmi.core.session_time', scorm12Time(sessionMs));
      this.set('cmi.core.exit', 'suspend');
    }
    this.apply(whenLeaving(this.commits));
    this.call('Terminate', () => (this.version === '2004' ? (this.api as Scorm2004Api).Terminate('') : (this.api as Scorm12Api).LMSFinish('')));
  }
}
