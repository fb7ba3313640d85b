// The SCORM package's launch page script (bundled by `npm run build:scorm`). It holds the one LMS
// session for the whole visit: the course's pages open in its frame and report progress to it, so
// moving between pages never re-initialises the LMS. The course data is built in at bundle time.
// Every change is set at once; commits follow src/lib/scorm/commit-policy.ts.
import { parseProgress } from '../lib/progress/parse-progress';
import { PROGRESS_KEY } from '../lib/progress/progress-data';
import type { Progress } from '../lib/progress/progress-data';
import type { Quiz } from '../lib/quiz/types';
import { LmsSession } from '../lib/scorm/lms-session';
import { courseReport, decodeSuspendData } from '../lib/scorm/suspend-data';

declare const __QUIZZES__: Quiz[];
declare const __START__: string;

const quizzes = __QUIZZES__;
const session = LmsSession.connect(window);
const started = Date.now();
let finished = false;
let lastSuspend = '';

function readLocal(): Progress {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY)).progress;
  } catch {
    return parseProgress(null).progress;
  }
}

if (session && session.initialize()) {
  const local = readLocal();
  const stored = session.suspendData();
  // Suspend data is untrusted input: whatever it holds, the course still opens.
  let fromLms: Progress | undefined;
  try {
    fromLms = decodeSuspendData(stored, quizzes);
  } catch (error) {
    console.warn(`[SCORM] suspend data unreadable, resuming from this browser: ${(error as Error).message}`);
  }
  // The LMS is the record to resume from; the browser keeps only what the LMS cannot hold.
  const resumed: Progress = fromLms ? { ...fromLms, learnerName: local.learnerName, certificate: local.certificate } : local;
  if (!resumed.learnerName) resumed.learnerName = session.learnerName();
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(resumed));
  } catch {
    console.warn('[SCORM] browser storage unavailable; the course keeps progress in memory');
  }
  lastSuspend = fromLms ? stored : '';
  // What the LMS already holds as passed: a report that changes it commits at once.
  try {
    session.resumedWith(fromLms ? courseReport(fromLms, quizzes).passedModules : 0);
  } catch {
    session.resumedWith(0);
  }
}

(window as unknown as { __smkurssScorm: unknown }).__smkurssScorm = {
  update(progress: Progress) {
    if (!session || finished) return;
    let report;
    try {
      report = courseReport(progress, quizzes);
    } catch (error) {
      console.warn(`[SCORM] progress could not be reported: ${(error as Error).message}`);
      return;
    }
    if (report.suspendData === lastSuspend) return;
    lastSuspend = report.suspendData;
    session.report(report);
  },
};

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && !finished) session?.pageHidden();
});
window.addEventListener('pagehide', () => {
  if (!session || finished) return;
  finished = true;
  session.finish(Date.now() - started);
});

(document.getElementById('course') as HTMLIFrameElement).src = __START__;
