import type { APIRoute } from 'astro';
import { verifyAttempt } from '../../../lib/final-test/attempt-token';
import { finalTestConfig } from '../../../lib/final-test/config';
import { gradeAttempt } from '../../../lib/final-test/grade';
import type { PublicAnswer } from '../../../lib/final-test/public-item';
import { signResult } from '../../../lib/final-test/result-token';
import { finalTestBank, finalTestKeys } from '../../../server/final-test-bank';
import { isUnavailable, json, readJsonBody } from '../../../server/json-api';
import { register } from '../../../server/register/open-register';

/** Grades a final-test attempt once: the score and the modules to review, never the key. */
export const prerender = false;

const MAX_BODY = 64 * 1024;
const REFUSED = {
  expired: { status: 410, code: 'attempt-expired', message: 'the time for this attempt is over' },
  invalid: { status: 400, code: 'attempt-invalid', message: 'the attempt token is not one this server issued, or it was changed' },
  'other-bank': { status: 409, code: 'attempt-invalid', message: 'the final test has changed since this attempt started; start a new attempt' },
} as const;

/** Answers as the browser sends them: one list of steps per item, public ids only. */
function readAnswers(value: unknown, items: number): (PublicAnswer[] | undefined)[] | undefined {
  if (!Array.isArray(value) || value.length > items) return undefined;
  return value.map((a) =>
    Array.isArray(a) && a.length <= 10 && a.every((s) => s && typeof s.step === 'string' && Array.isArray(s.choice) && s.choice.length <= 10 && s.choice.every((c: unknown) => typeof c === 'string' && c.length <= 4))
      ? (a as PublicAnswer[])
      : undefined,
  );
}

export const POST: APIRoute = async ({ request }) => {
  try {
    const config = finalTestConfig(process.env);
    if (config.assessment !== 'final-test') return json(404, { code: 'no-final-test', message: 'this installation issues certificates after the module quizzes; it has no final test' });
    const read = await readJsonBody(request, MAX_BODY);
    if (!read.ok) return read.response;
    const b = (read.body ?? {}) as Record<string, unknown>;
    const { bank, version } = finalTestBank();
    const keys = await finalTestKeys();
    const verified = await verifyAttempt(b.token, keys.attempt, version);
    if (!verified.ok) {
      const r = REFUSED[verified.problem];
      return json(r.status, { code: r.code, message: r.message });
    }
    const { claims } = verified;
    const answers = readAnswers(b.answers, claims.items.length);
    if (!answers) return json(400, { code: 'answers-invalid', message: 'answers must be a list with one list of steps per item' });
    const result = gradeAttempt(bank, claims, answers, config.rules);
    const now = Date.now();
    const seconds = now / 1000 - claims.issuedAt;
    const store = await register();
    const recorded = await store.recordAttempt({
      id: claims.id,
      startedAt: new Date(claims.issuedAt * 1000).toISOString(),
      submittedAt: new Date(now).toISOString(),
      bank: version,
      percent: result.percent,
      passed: result.passed,
      // Faster than a person reads: kept, but flagged for the issuer to look at.
      tooFast: seconds < config.minSecondsPerItem * claims.items.length,
      items: result.items,
    });
    if (recorded === 'duplicate') return json(409, { code: 'attempt-submitted', message: 'this attempt has already been submitted' });
    const token = result.passed ? await signResult({ attempt: claims.id, percent: result.percent, items: claims.items.length, passedAt: new Date(now).toISOString(), bank: version }, keys.result, now) : undefined;
    return json(200, { percent: result.percent, passed: result.passed, passPercent: config.rules.passPercent, review: result.review, ...(token && { result: token }) });
  } catch (error) {
    if (isUnavailable(error)) return json(503, { code: 'register-unavailable', message: 'the register cannot be reached just now; your answers are kept, try again in a few minutes' }, { 'retry-after': '60' });
    throw error;
  }
};
