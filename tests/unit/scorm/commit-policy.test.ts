import { describe, expect, it } from 'vitest';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { keyedAttempt } from '../../../src/lib/quiz/answer-key';
import { afterReport, COMMIT_EVERY, initialCommitState, whenHidden, whenLeaving, type CommitReason, type CommitState } from '../../../src/lib/scorm/commit-policy';
import { LmsSession } from '../../../src/lib/scorm/lms-session';
import { courseReport } from '../../../src/lib/scorm/suspend-data';
import { root } from '../helpers';
import { moduleJourney, passedFirst, SEED } from './journey';

const quizzes = readQuizzes(root);

/** The reports the launch page sends while a learner takes `quiz` (unchanged suspend data is never sent). */
function reportsFor(start: ReturnType<typeof passedFirst>, quiz = quizzes[0]!) {
  const reports = moduleJourney(start, quiz).map((p) => courseReport(p, quizzes));
  return reports.filter((r, i) => i === 0 || r.suspendData !== reports[i - 1]!.suspendData);
}

/** Runs reports through the policy; the reasons of the commits it asked for. */
function commitsFor(passed: number[], state: CommitState = initialCommitState()): CommitReason[] {
  const reasons: CommitReason[] = [];
  for (const p of passed) {
    const decision = afterReport(state, p);
    state = decision.state;
    if (decision.commit) reasons.push(decision.commit);
  }
  return reasons;
}

describe('the commit policy', () => {
  it('commits at once when a module becomes passed', () => {
    expect(afterReport(initialCommitState(), 1).commit).toBe('module-passed');
    expect(afterReport(initialCommitState(3), 3).commit).toBeUndefined();
  });

  it('commits when the course completes, even right after a batch', () => {
    expect(commitsFor([7, 7, 7, 7, 7, 8], initialCommitState(7))).toEqual(['every-few-changes', 'module-passed']);
  });

  it(`commits every ${COMMIT_EVERY} changed reports otherwise, and not before`, () => {
    expect(commitsFor(Array(COMMIT_EVERY - 1).fill(0))).toEqual([]);
    expect(commitsFor(Array(COMMIT_EVERY * 3).fill(0))).toEqual(Array(3).fill('every-few-changes'));
  });

  it('commits what is pending when the page is hidden, and nothing when nothing is', () => {
    const pending = afterReport(initialCommitState(), 0).state;
    expect(whenHidden(pending)).toEqual({ commit: 'page-hidden', state: { pending: 0, committedPassed: 0 } });
    expect(whenHidden(initialCommitState()).commit).toBeUndefined();
  });

  it('always commits when leaving', () => {
    expect(whenLeaving(initialCommitState()).commit).toBe('leaving');
  });

  it('counts from what the LMS already holds at launch: resuming with 7 passed is no new pass', () => {
    expect(commitsFor([7], initialCommitState(7))).toEqual([]);
    expect(commitsFor([7], initialCommitState(0))).toEqual(['module-passed']);
  });
});

describe('commits for a whole module', () => {
  it('are far fewer than the answers: one per few changes plus one when the module is passed, in every module', () => {
    for (const quiz of quizzes) {
      const answers = keyedAttempt(quiz, SEED).log.length;
      const reports = reportsFor(passedFirst([], 0), quiz);
      expect(reports.length, quiz.moduleId).toBe(2 * answers + 1); // start, then each answer and each "next"; each was a commit before
      const reasons = commitsFor(reports.map((r) => r.passedModules));
      expect(reasons.at(-1), quiz.moduleId).toBe('module-passed');
      expect(reasons.length, quiz.moduleId).toBeLessThanOrEqual(Math.ceil(reports.length / COMMIT_EVERY) + 1);
      expect(reasons.length, quiz.moduleId).toBeLessThanOrEqual(answers / 2);
    }
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`through LmsSession (SCORM ${version}): every report is set, few are committed, and the module's pass is committed`, () => {
      const calls: string[] = [];
      const stored = new Map<string, string>();
      const set = (k: string, v: string) => (calls.push(`set ${k}`), stored.set(k, v), 'true');
      const commit = () => (calls.push('commit'), 'true');
      const api =
        version === '2004'
          ? { Initialize: () => 'true', GetValue: () => '', SetValue: set, Commit: commit, Terminate: () => 'true', GetLastError: () => '0' }
          : { LMSInitialize: () => 'true', LMSGetValue: () => '', LMSSetValue: set, LMSCommit: commit, LMSFinish: () => 'true', LMSGetLastError: () => 0 };
      const w: any = { [version === '2004' ? 'API_1484_11' : 'API']: api };
      w.parent = w;
      const session = LmsSession.connect(w)!;
      session.initialize();
      const reports = reportsFor(passedFirst([], 0));
      for (const r of reports) session.report(r);
      const commits = calls.filter((c) => c === 'commit').length;
      expect(calls.filter((c) => c === 'set cmi.suspend_data')).toHaveLength(reports.length);
      expect(calls.at(-1)).toBe('commit'); // the pass went out at once
      expect(commits).toBeLessThanOrEqual(Math.ceil(reports.length / COMMIT_EVERY) + 1);
      expect(commits * 4).toBeLessThanOrEqual(reports.length);
      session.pageHidden();
      expect(calls.filter((c) => c === 'commit')).toHaveLength(commits); // nothing pending after the pass
      session.finish(1000);
      expect(calls.at(-1)).toBe('commit');
    });
  }
});
