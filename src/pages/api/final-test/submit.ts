import { scenarioOf } from '../../../lib/final-test/draw';
import { gradeAttempt } from '../../../lib/final-test/grade';
import { leadsOn } from '../../../lib/quiz/scenario';
import { agreesWithFixed, attemptOf, finalTestRoute, readPath, submitRequests } from '../../../server/final-test-api';
import type { PublicAnswer } from '../../../lib/final-test/public-item';
import { signResult } from '../../../lib/final-test/result-token';
import { finalTestBank, finalTestKeys } from '../../../server/final-test-bank';
import { json } from '../../../server/json-api';
import { register } from '../../../server/register/open-register';

/** Grades a final-test attempt once: the score and the modules to review, never the key. */
export const prerender = false;

const MAX_BODY = 64 * 1024;
/** Answers as the browser sends them: one list of steps per item, public ids only. */
function readAnswers(value: unknown, items: number): (PublicAnswer[] | undefined)[] | undefined {
  if (!Array.isArray(value) || value.length > items) return undefined;
  return value.map(readPath);
}

export const POST = finalTestRoute({ maxBody: MAX_BODY, answersKept: true, requests: submitRequests }, async ({ body: b, config }) => {
  const { bank, version } = finalTestBank();
  const keys = await finalTestKeys();
  const attempt = await attemptOf(b.token);
  if (!attempt.ok) return attempt.response;
  const { claims } = attempt;
  const answers = readAnswers(b.answers, claims.items.length);
  if (!answers) return json(400, { code: 'answers-invalid', message: 'answers must be a list with one list of steps per item' });
  const store = await register();
  // Submitted already: say so first (the story-path check below would answer that a resubmitted
  // path disagrees, which is true but not the reason). The record below stays the one that counts.
  if (await store.attemptSubmitted(claims.id)) return json(409, { code: 'attempt-submitted', message: 'this attempt has already been submitted' });
  // A story's submitted path must be the one the server served step by step, no more, no other.
  const fixed = await store.fixedSteps(claims.id);
  const disagrees = claims.items.findIndex((ref, i) => leadsOn(scenarioOf(bank, ref)!) && !agreesWithFixed(answers[i], fixed.filter((f) => f.item === i)));
  if (disagrees >= 0) return json(409, { code: 'answers-disagree', message: `the answers to item ${disagrees + 1} are not the steps this server served for it` });
  const result = gradeAttempt(bank, claims, answers, config.rules);
  const now = Date.now();
  const seconds = now / 1000 - claims.issuedAt;
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
  // For the back-off: failures in a row by the client that started the attempt (noted at its start).
  // The attempt is graded and recorded already: a register that fails here costs the back-off one
  // failure, never the learner's result.
  await store.noteAttemptOutcome(claims.id, result.passed, now).catch((error: unknown) => console.error(`final test: the outcome of attempt ${claims.id} was not noted for the back-off: ${(error as Error).message}`));
  const token = result.passed ? await signResult({ attempt: claims.id, percent: result.percent, items: claims.items.length, passedAt: new Date(now).toISOString(), bank: version }, keys.result, now) : undefined;
  return json(200, { percent: result.percent, passed: result.passed, passPercent: config.rules.passPercent, review: result.review, ...(token && { result: token }) });
});
