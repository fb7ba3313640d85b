import { describe, expect, it } from 'vitest';
import { checkIssueRequest, type CourseQuiz } from '../../../src/lib/certificate/issue-request';
import { bestAnswers, worstAnswers } from '../../../src/lib/quiz/answer-key';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const course: CourseQuiz[] = [
  { id: 'first', title: { lv: 'Pirmais', en: 'First' }, quiz },
  { id: 'second', title: { lv: 'Otrais', en: 'Second' }, quiz },
];
const good = { name: 'Anna Bērziņa', institution: 'VK', email: 'anna@vk.gov.lv', locale: 'en', logs: { first: bestAnswers(quiz), second: bestAnswers(quiz) } };

function refusal(body: unknown) {
  const result = checkIssueRequest(body, course);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('checking a certificate request', () => {
  it('accepts a learner who passed every module, with titles in their language', () => {
    const result = checkIssueRequest(good, course);
    expect(result.ok && result.modules).toEqual([
      { id: 'first', title: 'First', percent: 100 },
      { id: 'second', title: 'Second', percent: 100 },
    ]);
  });

  it.each([
    ['an empty name', { ...good, name: '   ' }, 400, 'name-empty'],
    ['an absurdly long name', { ...good, name: 'A'.repeat(121) }, 400, 'name-too-long'],
    ['a name with control characters', { ...good, name: 'Anna\u202eevil' }, 400, 'name-invalid'],
    ['a bad e-mail', { ...good, email: 'not-an-email' }, 400, 'email-invalid'],
    ['a body that is not an object', [1, 2], 400, 'body-invalid'],
    ['no logs', { ...good, logs: undefined }, 400, 'logs-invalid'],
  ])('refuses %s', (_, body, status, code) => {
    expect(refusal(body)).toMatchObject({ status, code });
  });

  it('names the module that was not passed', () => {
    expect(refusal({ ...good, logs: { first: bestAnswers(quiz), second: worstAnswers(quiz) } })).toMatchObject({ status: 422, code: 'module-not-passed', message: expect.stringContaining('"second"') });
  });

  it('names a missing module', () => {
    expect(refusal({ ...good, logs: { first: bestAnswers(quiz) } })).toMatchObject({ code: 'module-missing', message: expect.stringContaining('"second"') });
  });

  it('refuses a log that does not fit the quiz, with the reason', () => {
    const log = bestAnswers(quiz).slice(1);
    expect(refusal({ ...good, logs: { first: log, second: bestAnswers(quiz) } })).toMatchObject({ code: 'log-invalid', message: expect.stringMatching(/^module "first": answer 1: expected scenario/) });
  });

  it('refuses answers for a module the course does not have', () => {
    expect(refusal({ ...good, logs: { ...good.logs, invented: [] } })).toMatchObject({ code: 'unknown-module' });
  });
});
