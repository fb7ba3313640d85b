import type { APIRoute } from 'astro';
import { randomUUID } from 'node:crypto';
import { courseQuizzes, courseVersion } from '../../data/course';
import { buildCredential, hashEmail } from '../../lib/certificate/credential';
import { courseTexts } from '../../lib/certificate/course-texts';
import { checkIssueRequest } from '../../lib/certificate/issue-request';
import { signCredential } from '../../lib/certificate/sign-credential';
import { t } from '../../lib/i18n/translate';
import { finalTestConfig } from '../../lib/final-test/config';
import { verifyResult } from '../../lib/final-test/result-token';
import { finalTestKeys } from '../../server/final-test-bank';
import { courseUrl, issuerProfile, validMonths } from '../../server/issuer-config';
import { statusEntry } from '../../lib/certificate/status-list-credential';
import { clientRates, takeRates } from '../../server/client-limits';
import { isUnavailable, json, readJsonBody } from '../../server/json-api';
import { register } from '../../server/register/open-register.ts';
import type { Register } from '../../server/register/register.ts';
import { issuerKeys } from '../../server/signing-keys';
import { courseEdition } from '../../data/course-edition';
import { signSummary } from '../../lib/certificate/qr-summary-check';
import { qrSigningKey } from '../../server/qr-signing-key';

/** Issues signed completion certificates; the only route that needs the server. */
export const prerender = false;

const MAX_BODY = 256 * 1024;
const RATE_LIMIT = Number(process.env.CERT_RATE_LIMIT ?? 20);
const RATE_WINDOW_MS = 10 * 60 * 1000;

/** Issuing needs the register: without it nothing is signed, and the learner is told to try again. */
const unavailable = () =>
  json(503, { code: 'register-unavailable', message: 'the certificate register cannot be reached just now; nothing was issued, try again in a few minutes' }, { 'retry-after': '60' });

export const POST: APIRoute = async (context) => {
  try {
    return await issue(context);
  } catch (error) {
    if (isUnavailable(error)) return unavailable();
    throw error;
  }
};

const issue: APIRoute = async ({ request, clientAddress }) => {
  // The limit is counted in the register, so several servers on one database share it; an IPv6
  // client by its /64, like the final test's attempts (one subscriber holds a whole /64), and by its
  // wider prefixes with larger allowances (IPV6_PREFIX_LIMITS: whoever holds a /48 holds 65,536 /64s).
  const store: Register = await register();
  const wait = await takeRates(store, clientRates('', clientAddress, RATE_LIMIT, RATE_WINDOW_MS));
  if (wait) return json(429, { code: 'rate-limited', message: `too many requests; try again in ${wait} s` }, { 'retry-after': String(wait) });
  const read = await readJsonBody(request, MAX_BODY);
  if (!read.ok) return read.response;
  const { body } = read;
  const check = checkIssueRequest(body, await courseQuizzes());
  if (!check.ok) return json(check.status, { code: check.code, message: check.message });

  const { request: learner, modules } = check;
  // Where the institution asks for it (the default), a certificate attests the server-graded final
  // test as well: the request carries the signed result of a passed attempt, used once.
  const assessment = finalTestConfig(process.env);
  let finalTest: { attempt: string; percent: number; date: string } | undefined;
  if (assessment.assessment === 'final-test') {
    const raw = (body as Record<string, unknown>).finalTest;
    if (raw === undefined || raw === null || raw === '') return json(422, { code: 'final-test-missing', message: 'pass the final test first: the request carries no final test result' });
    const verified = await verifyResult(raw, (await finalTestKeys()).result);
    if (!verified.ok)
      return json(422, verified.problem === 'expired' ? { code: 'final-test-expired', message: 'the final test result is more than a week old; take the final test again' } : { code: 'final-test-invalid', message: 'the final test result is not one this server signed, or it was changed' });
    finalTest = { attempt: verified.result.attempt, percent: verified.result.percent, date: verified.result.passedAt.slice(0, 10) };
  }
  const keys = await issuerKeys();
  const credentialId = `urn:uuid:${randomUUID()}`;
  // One passed attempt, one certificate: claimed atomically in the register before an index is spent.
  if (finalTest && !(await store.useAttempt(finalTest.attempt, credentialId)))
    return json(409, { code: 'final-test-used', message: 'this final test result has already given a certificate; take the final test again for another' });
  try {
    return await signAndRecord();
  } catch (error) {
    // Nothing was issued (the register holds no such certificate): the claim is given back, so the
    // learner's retry is not refused as used. Best effort: when the register cannot even be asked,
    // the claim stays (never two certificates from one attempt), and the issuer can see it.
    if (finalTest && (await store.get(credentialId).catch(() => 'unknown')) === undefined) await store.releaseAttempt(finalTest.attempt, credentialId).catch(() => {});
    throw error;
  }

  async function signAndRecord() {
    // The index is the register's (a sequence in PostgreSQL): no two certificates share a bit.
    const statusIndex = await store.allocateIndex();
    const emailIdentity = learner.email ? await hashEmail(learner.email, randomUUID()) : undefined;
    const credential = buildCredential({
      credentialId,
      subjectId: `urn:uuid:${randomUUID()}`,
      issuer: issuerProfile(),
      learnerName: learner.name,
      institution: learner.institution,
      emailIdentity,
      course: {
        id: 'socialie-mediji-valsts-parvalde',
        name: t(learner.locale, 'site.title'),
        ...courseTexts(learner.locale, await courseQuizzes(), finalTest ? assessment.rules.passPercent : undefined),
        language: learner.locale,
        version: await courseVersion(),
      },
      modules: finalTest ? [...modules, { id: 'final-test', title: t(learner.locale, 'certificate.finalTestResult', { date: finalTest.date }), percent: finalTest.percent }] : modules,
      issuedAt: new Date(),
      validMonths: validMonths(),
      status: statusEntry(courseUrl(), statusIndex),
    });
    const edition = await courseEdition();
    // The QR code's compact signed summary, also kept inside the token so it travels with it.
    const qr = await signSummary(
      { id: credential.id, name: learner.name, institution: learner.institution, issued: credential.validFrom, validUntil: credential.validUntil, edition, results: modules.map((m) => m.percent), development: keys.development, ...(finalTest && { finalTest: { percent: finalTest.percent, date: finalTest.date } }) },
      await qrSigningKey(),
    );
    const token = await signCredential(credential, keys.signing, { qr });
    // Recorded before it is handed out: a certificate the register does not hold is never issued.
    await store.record({
      id: credential.id,
      name: learner.name,
      ...(learner.institution ? { institution: learner.institution } : {}),
      ...(emailIdentity ? { emailHash: emailIdentity.identityHash } : {}),
      issuedAt: credential.validFrom,
      validUntil: credential.validUntil,
      edition: edition.date,
      courseVersion: credential.credentialSubject.achievement.version,
      kid: keys.signing.kid,
      modules: [...modules.map((m) => ({ id: m.id, percent: m.percent })), ...(finalTest ? [{ id: 'final-test', percent: finalTest.percent }] : [])],
      statusIndex,
    });
    return json(201, { token, credential, development: keys.development, qr });
  }
};
