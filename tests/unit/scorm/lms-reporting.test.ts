import { describe, expect, it } from 'vitest';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { emptyProgress, type Progress } from '../../../src/lib/progress/progress-data';
import { scorm12Values, scorm2004Values } from '../../../src/lib/scorm/lms-session';
import { courseReport, decodeSuspendData } from '../../../src/lib/scorm/suspend-data';
import { root } from '../helpers';
import { finish, passedFirst } from './journey';

const quizzes = readQuizzes(root);
const total = quizzes.length;
const v12 = (p: Progress) => Object.fromEntries(scorm12Values(courseReport(p, quizzes)));
const v2004 = (p: Progress) => Object.fromEntries(scorm2004Values(courseReport(p, quizzes)));

/** Every stage short of the whole course passed, including the ones Moodle turned into a pass or a fail. */
const unfinished: [string, Progress][] = [
  ['first launch', emptyProgress()],
  ['one module passed', passedFirst(quizzes, 1)],
  [`${total - 1} of ${total} passed with 100 % each`, passedFirst(quizzes, total - 1)],
  [`all ${total} taken, the last one failed`, finish(passedFirst(quizzes, total - 1), quizzes.at(-1)!, 'worst')],
];

/*
 * What an LMS may do with a threshold of its own: Moodle's "mastery score overrides status" in 1.2
 * (mod/scorm/datamodels/scorm_12.js, StoreData on LMSFinish) and, in 2004, comparing
 * cmi.score.scaled with cmi.scaled_passing_score (RTE 4.2.21, what scorm-again does on Terminate).
 * Both act only on a score that was reported.
 */
function lms12WithMastery(values: Record<string, string>, mastery: number) {
  const raw = values['cmi.core.score.raw'];
  return raw === undefined || raw === '' ? values['cmi.core.lesson_status'] : Number(raw) >= mastery ? 'passed' : 'failed';
}
function lms2004WithPassingScore(values: Record<string, string>, scaledPassing: number) {
  const scaled = values['cmi.score.scaled'];
  return scaled === undefined ? values['cmi.success_status'] : Number(scaled) >= scaledPassing ? 'passed' : 'failed';
}
const thresholds = Array.from({ length: 101 }, (_, i) => i);

describe('what the LMS is told before every module is passed', () => {
  for (const [stage, progress] of unfinished) {
    it(`SCORM 1.2, ${stage}: incomplete and no score at all`, () => {
      const values = v12(progress);
      expect(values).toEqual({ 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': expect.stringMatching(/^s2~/) });
      expect(Object.keys(values).filter((k) => k.includes('score'))).toEqual([]);
    });

    it(`SCORM 2004, ${stage}: incomplete, unknown, the progress, and no score at all`, () => {
      const values = v2004(progress);
      expect(values).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown' });
      expect(Object.keys(values).filter((k) => k.includes('score'))).toEqual([]);
      expect(Number(values['cmi.progress_measure'])).toBeLessThan(1);
    });

    it(`${stage}: no mastery score or scaled passing score from 0 to 100 % turns it into a pass or a fail`, () => {
      for (const t of thresholds) {
        expect(lms12WithMastery(v12(progress), t)).toBe('incomplete');
        expect(lms2004WithPassingScore(v2004(progress), t / 100)).toBe('unknown');
      }
    });
  }

  it('reports the share of modules passed in 2004, never rounded up', () => {
    expect(v2004(emptyProgress())['cmi.progress_measure']).toBe('0.00');
    expect(v2004(passedFirst(quizzes, 1))['cmi.progress_measure']).toBe('0.12');
    expect(v2004(passedFirst(quizzes, total - 1))['cmi.progress_measure']).toBe('0.87');
  });

  it('never reports failed, at any stage in either version', () => {
    const stages = [...unfinished.map(([, p]) => p), passedFirst(quizzes, total)];
    for (const p of stages) expect([...Object.values(v12(p)), ...Object.values(v2004(p))]).not.toContain('failed');
  });
});

describe('what the LMS is told when every module is passed', () => {
  const done = passedFirst(quizzes, total);

  it('SCORM 1.2: the score (average of the best scores), then passed', () => {
    expect(scorm12Values(courseReport(done, quizzes)).map(([k, v]) => `${k}=${k === 'cmi.suspend_data' ? '…' : v}`)).toEqual([
      'cmi.core.score.min=0',
      'cmi.core.score.max=100',
      'cmi.core.score.raw=100',
      'cmi.core.lesson_status=passed',
      'cmi.suspend_data=…',
    ]);
  });

  it('SCORM 2004: the score, then completed and passed, progress 1', () => {
    expect(v2004(done)).toMatchObject({
      'cmi.score.min': '0',
      'cmi.score.max': '100',
      'cmi.score.raw': '100',
      'cmi.score.scaled': '1.00',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.progress_measure': '1.00',
    });
  });

  it('reports the average of the best scores, not 100 % when modules were passed below 100 %', () => {
    const report = { passedModules: 8, totalModules: 8, scorePercent: 91.25, suspendData: 's1~x' };
    expect(Object.fromEntries(scorm12Values(report))['cmi.core.score.raw']).toBe('91');
    expect(Object.fromEntries(scorm2004Values(report))).toMatchObject({ 'cmi.score.raw': '91', 'cmi.score.scaled': '0.91' });
  });

  it('re-entry after completion, from the LMS suspend data alone, reports the same pass again', () => {
    const resumed = decodeSuspendData(courseReport(done, quizzes).suspendData, quizzes)!;
    expect(v12(resumed)).toEqual(v12(done));
    expect(v2004(resumed)).toEqual(v2004(done));
    expect(v2004(resumed)['cmi.success_status']).toBe('passed');
  });
});
