import { describe, expect, it, vi } from 'vitest';
import { bestAnswers, keyedAttempt } from '../../../src/lib/quiz/answer-key';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { scoreQuiz } from '../../../src/lib/quiz/scoring';
import { attemptQuiz, drawnIds } from '../../../src/lib/quiz/attempt';
import { optionsAt, startOf } from '../../../src/lib/quiz/scenario';
import type { AnswerLog } from '../../../src/lib/quiz/types';
import { emptyProgress } from '../../../src/lib/progress/progress-data';
import { completeAttempt, saveAttempt } from '../../../src/lib/progress/progress-updates';
import { findApi } from '../../../src/lib/scorm/find-api';
import { displayName, LmsSession, scorm12Time, scorm12Values, scorm2004Time, scorm2004Values } from '../../../src/lib/scorm/lms-session';
import { courseReport, decodeSuspendData, encodeSuspendData, idHashCollisions } from '../../../src/lib/scorm/suspend-data';
import { regrade } from '../../../src/lib/quiz/regrade';
import { root } from '../helpers';

const quizzes = readQuizzes(root);

function fakeApi(kind: '1.2' | '2004', fail: string[] = []) {
  const values = new Map<string, string>();
  const calls: string[] = [];
  const set = (k: string, v: string) => {
    calls.push(`set ${k}`);
    if (fail.includes(k)) return 'false';
    values.set(k, v);
    return 'true';
  };
  const api =
    kind === '2004'
      ? { Initialize: () => 'true', GetValue: (k: string) => values.get(k) ?? '', SetValue: set, Commit: () => 'true', Terminate: () => (calls.push('terminate'), 'true'), GetLastError: () => '405' }
      : { LMSInitialize: () => 'true', LMSGetValue: (k: string) => values.get(k) ?? '', LMSSetValue: set, LMSCommit: () => 'true', LMSFinish: () => (calls.push('terminate'), 'true'), LMSGetLastError: () => 405 };
  return { api, values, calls };
}

/** Every module passed with the answer key, each in a seeded (shuffled) attempt. */
function passedCourse(now = new Date('2026-11-21T10:00:00Z')) {
  let progress = emptyProgress();
  for (const [i, quiz] of quizzes.entries()) {
    const spec = { seed: 1000 + i, drawn: drawnIds(quiz, { seed: 1000 + i }) };
    const log = bestAnswers(attemptQuiz(quiz, spec));
    progress = completeAttempt(progress, quiz.moduleId, { ...spec, log }, scoreQuiz(attemptQuiz(quiz, spec), log), now);
  }
  return progress;
}

describe('finding the LMS API', () => {
  it('walks up the parent chain', () => {
    const top: any = { API_1484_11: { Initialize() {} } };
    top.parent = top;
    const middle = { parent: top };
    expect(findApi({ parent: middle }, 'API_1484_11')).toBe(top.API_1484_11);
  });

  it('then the opener chain', () => {
    const lms: any = { API: {} };
    lms.parent = lms;
    const popup: any = { opener: { parent: lms } };
    popup.parent = popup;
    expect(findApi(popup, 'API')).toBe(lms.API);
  });

  it('finds nothing outside an LMS, and survives cross-origin parents', () => {
    const self: any = {};
    self.parent = self;
    expect(findApi(self, 'API')).toBeUndefined();
    const hostile = { get parent(): any { throw new DOMException('Blocked', 'SecurityError'); } };
    expect(findApi(hostile, 'API')).toBeUndefined();
  });

  it('prefers SCORM 2004 when both are there', () => {
    const w: any = { API: fakeApi('1.2').api, API_1484_11: fakeApi('2004').api };
    w.parent = w;
    expect(LmsSession.connect(w)?.version).toBe('2004');
  });
});

describe('reporting to the LMS', () => {
  const report = { passedModules: 8, totalModules: 8, scorePercent: 95.5, suspendData: 's1~x' };
  it('maps to SCORM 1.2', () => {
    expect(Object.fromEntries(scorm12Values(report))).toEqual({
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '96',
      'cmi.suspend_data': 's1~x',
    });
    expect(scorm12Values({ ...report, passedModules: 3 })[0]).toEqual(['cmi.core.lesson_status', 'incomplete']);
  });

  it('maps to SCORM 2004', () => {
    expect(Object.fromEntries(scorm2004Values(report))).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.scaled': '0.95',
      'cmi.score.raw': '96',
      'cmi.progress_measure': '1.00',
    });
    expect(Object.fromEntries(scorm2004Values({ ...report, passedModules: 2 }))).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown', 'cmi.progress_measure': '0.25' });
  });

  it('formats session time for each version', () => {
    expect(scorm12Time(3_723_450)).toBe('01:02:03.45');
    expect(scorm2004Time(3_723_450)).toBe('PT1H2M3.45S');
  });

  it('turns "Family, Given" into "Given Family"', () => {
    expect(displayName('Bērziņa, Anna')).toBe('Anna Bērziņa');
    expect(displayName('Anna')).toBe('Anna');
  });

  it('logs and carries on when the LMS refuses a value or throws', () => {
    const { api, values, calls } = fakeApi('1.2', ['cmi.core.score.raw']);
    const w: any = { API: { ...api, LMSCommit: () => { throw new Error('connection lost'); } } };
    w.parent = w;
    const log = vi.fn();
    const session = LmsSession.connect(w, log)!;
    expect(() => session.report(report)).not.toThrow();
    expect(values.get('cmi.core.lesson_status')).toBe('passed');
    expect(log).toHaveBeenCalledWith('SetValue(cmi.core.score.raw) failed (error 405)');
    expect(log).toHaveBeenCalledWith('Commit threw: connection lost');
    session.finish(5000);
    expect(values.get('cmi.core.session_time')).toBe('00:00:05.00');
    expect(values.get('cmi.core.exit')).toBe('suspend');
    expect(calls.at(-1)).toBe('terminate');
  });
});

describe('suspend data', () => {
  it('round-trips the whole course passed, well under the SCORM 1.2 limit', () => {
    const progress = passedCourse();
    const text = encodeSuspendData(progress, quizzes);
    expect(text.length).toBeLessThan(1000);
    const back = decodeSuspendData(text, quizzes)!;
    for (const quiz of quizzes) {
      // Several options come back in file order: the same set, which is what grading compares.
      const sets = (log: AnswerLog | null) => log?.map((e) => ({ ...e, choice: [...e.choice].sort() }));
      const { bestLog, bestDraw } = progress.modules[quiz.moduleId]!;
      expect(back.modules[quiz.moduleId]?.bestDraw).toEqual(bestDraw);
      expect(sets(back.modules[quiz.moduleId]!.bestLog)).toEqual(sets(bestLog));
      expect(back.modules[quiz.moduleId]).toMatchObject({ status: 'passed', bestPercent: 100, attempts: 1, passedAt: '2026-11-21T10:00:00.000Z' });
    }
  });

  it('keeps an unfinished attempt and its phase, and failed attempts', () => {
    let progress = emptyProgress();
    const [a, b] = quizzes;
    const failed = keyedAttempt(a!, 5, 'worst');
    progress = completeAttempt(progress, a!.moduleId, failed, scoreQuiz(attemptQuiz(a!, failed), failed.log), new Date('2026-11-21T10:00:00Z'));
    const { seed, drawn, log } = keyedAttempt(b!, 77);
    const current = { seed, drawn, log: log.slice(0, 5), phase: 'feedback' as const };
    progress = saveAttempt(progress, b!.moduleId, current, new Date('2026-11-21T10:05:00Z'));
    const back = decodeSuspendData(encodeSuspendData(progress, quizzes), quizzes)!;
    expect(back.modules[a!.moduleId]).toMatchObject({ status: 'in-progress', attempts: 1, bestLog: failed.log, bestDraw: { seed: failed.seed, drawn: failed.drawn } });
    // Several options come back in file order: the same set, which is what grading compares.
    const sorted = (log: AnswerLog | undefined) => log?.map((e) => ({ ...e, choice: [...e.choice].sort() }));
    const back2 = back.modules[b!.moduleId]?.current;
    expect({ ...back2, log: sorted(back2?.log) }).toEqual({ ...current, log: sorted(current.log) });
    expect(Object.keys(back.modules)).toHaveLength(2);
  });

  it('stays under the limit even with every module mid-attempt', () => {
    let progress = passedCourse();
    for (const quiz of quizzes) progress = saveAttempt(progress, quiz.moduleId, { seed: 4_294_967_295, drawn: drawnIds(quiz, { seed: 1 }), log: bestAnswers(quiz).slice(0, -1), phase: 'answering' }, new Date());
    expect(encodeSuspendData(progress, quizzes).length).toBeLessThan(2000);
  });

  it('refuses data that is not ours or does not fit the course', () => {
    expect(decodeSuspendData('', quizzes)).toBeUndefined();
    expect(decodeSuspendData('{"old":"format"}', quizzes)).toBeUndefined();
    expect(decodeSuspendData('s1~p.2s.1..ZZZZ.', quizzes)).toBeUndefined();
    // A record that claims a pass its answers do not show: kept, but not passed.
    expect(decodeSuspendData(`s2~${quizzes[0]!.moduleId}:p.2s.1..zz/AAA.A....`, quizzes)!.modules[quizzes[0]!.moduleId]).toMatchObject({ status: 'in-progress', bestLog: null, passedAt: null });
  });

  it('never throws and never passes a module on crafted or damaged suspend data (1,500 mutations)', () => {
    const good = encodeSuspendData(passedCourse(), quizzes);
    const crafted = [
      's2~ikdienas-prakse:i....1/.A...',
      's2~ikdienas-prakse:i......a.1/.',
      's2~ikdienas-prakse:i..1.zzzzzzzzzz.....',
      `s2~${quizzes[0]!.moduleId}:p.2s.1..7/YFn.A...`,
      's2~' + ','.repeat(5000),
      's2~:::...,,,',
    ];
    const alphabet = 'ABCz09-_./:,~ps';
    let random = 12345;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 1500; i++) {
      const chars = [...good];
      for (let n = 0; n < 1 + Math.floor(next() * 4); n++) chars[Math.floor(next() * chars.length)] = alphabet[Math.floor(next() * alphabet.length)]!;
      crafted.push(chars.join(''));
    }
    for (const text of crafted) {
      const back = decodeSuspendData(text, quizzes);
      if (!back) continue;
      const report = courseReport(back, quizzes);
      // Whatever it says, a module counts as passed only when its re-graded answers pass.
      for (const quiz of quizzes) {
        const m = back.modules[quiz.moduleId];
        if (m?.status === 'passed') expect(regrade(quiz, m.bestLog, m.bestDraw ?? { seed: null })).toMatchObject({ ok: true, score: { passed: true } });
      }
      expect(report.passedModules).toBeLessThanOrEqual(quizzes.length);
    }
  }, 120_000);

  it('reports to the LMS only modules whose best answers, re-graded, pass: edited browser storage cannot pass the course', () => {
    const progress = passedCourse();
    const forged = { ...progress, modules: Object.fromEntries(Object.entries(progress.modules).map(([id, m]) => [id, { ...m, bestLog: [] }])) };
    expect(courseReport(forged, quizzes)).toMatchObject({ passedModules: 0, scorePercent: 0 });
    const wrongDraw = { ...progress, modules: Object.fromEntries(Object.entries(progress.modules).map(([id, m]) => [id, { ...m, bestDraw: { seed: 1, drawn: ['nope'] } }])) };
    expect(courseReport(wrongDraw, quizzes).passedModules).toBe(0);
    expect(courseReport(progress, quizzes)).toMatchObject({ passedModules: quizzes.length, scorePercent: 100 });
  });

  it('tells every scenario of a quiz apart by its short hash (the build checks it)', () => {
    for (const quiz of quizzes) expect(idHashCollisions(quiz)).toEqual([]);
    const clash = { ...quizzes[0]!, scenarios: ['scenario-242', 'scenario-1120'].map((id) => ({ ...quizzes[0]!.scenarios[0]!, id })) };
    expect(idHashCollisions(clash)).toEqual(['scenario "scenario-1120" › id: its short hash in SCORM suspend data is the same as "scenario-242"\'s; rename one']);
  });

  it('names its modules: a module added to the course or gone from it leaves the others as the LMS holds them', () => {
    const text = encodeSuspendData(passedCourse(), quizzes.slice(1));
    const back = decodeSuspendData(`${text},old-module:p.2s.1...ABC....`, quizzes)!;
    expect(back.modules[quizzes[0]!.moduleId]).toBeUndefined();
    for (const quiz of quizzes.slice(1)) expect(back.modules[quiz.moduleId]?.status).toBe('passed');
  });

  it('still reads the version 1 format (course order, no seeds) as attempts in file order where a quiz shows every scenario', () => {
    const v1 = 's1~' + quizzes.map((_, i) => (i === 0 ? 'i.0.1..A.' : 'n.....')).join(',');
    // Version 1 attempts come from quizzes that showed every scenario.
    const back = decodeSuspendData(v1, quizzes.map((q, i) => (i === 0 ? { ...q, draw: undefined } : q)))!;
    const first = quizzes[0]!.scenarios[0]!;
    const step = startOf(first);
    expect(back.modules[quizzes[0]!.moduleId]).toMatchObject({
      status: 'in-progress',
      bestDraw: { seed: null, drawn: null },
      bestLog: [{ scenario: first.id, ...(step ? { step } : {}), choice: [optionsAt(first, step)[0]!.id] }],
    });
    expect(Object.keys(back.modules)).toHaveLength(1);
  });

  it('keeps the status of a version 1 record but not its answers once the quiz draws from a pool (they cannot be an attempt of it)', () => {
    const v1 = 's1~' + quizzes.map((_, i) => (i === 0 ? 'i.0.1..A.' : 'n.....')).join(',');
    expect(quizzes[0]!.draw).toBeDefined();
    expect(decodeSuspendData(v1, quizzes)!.modules[quizzes[0]!.moduleId]).toMatchObject({ status: 'in-progress', bestLog: null, bestDraw: null });
  });

  it('reports passed modules and the average score', () => {
    expect(courseReport(passedCourse(), quizzes)).toMatchObject({ passedModules: quizzes.length, totalModules: quizzes.length, scorePercent: 100 });
  });
});
