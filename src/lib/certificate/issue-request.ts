import type { Locale, LocalizedText } from '../i18n/locales';
import { isLocale } from '../i18n/locales';
import { regrade } from '../quiz/regrade';
import type { AnswerLog, QuizFile } from '../quiz/types';
import type { ModuleResult } from './credential';
import { normalisePersonText, personTextProblem, type PersonTextProblem } from './person-text';

export { INSTITUTION_MAX, NAME_MAX } from './person-text';
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,185}\.[^\s@<>".]{2,}$/;

export interface IssueRequest {
  name: string;
  institution?: string;
  email?: string;
  locale: Locale;
  logs: Record<string, AnswerLog>;
}

export interface CourseQuiz {
  id: string;
  title: LocalizedText;
  quiz: QuizFile;
}

export type IssueCheck =
  | { ok: true; request: IssueRequest; modules: ModuleResult[] }
  | { ok: false; status: 400 | 422; code: string; message: string };

type Refusal = Extract<IssueCheck, { ok: false }>;
const fail = (status: 400 | 422, code: string, message: string): Refusal => ({ ok: false, status, code, message });
// Control characters and bidi overrides could disguise a name on a printed certificate.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function optionalText(value: unknown, max: number, field: string): { value?: string; error?: IssueCheck } {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'string') return { error: fail(400, `${field}-invalid`, `${field} must be text`) };
  const text = value.trim();
  if (text.length > max) return { error: fail(400, `${field}-too-long`, `${field} is longer than ${max} characters`) };
  if (UNSAFE_TEXT.test(text)) return { error: fail(400, `${field}-invalid`, `${field} contains control characters`) };
  return text ? { value: text } : {};
}

const PERSON_TEXT_REFUSAL: Record<PersonTextProblem, { code: string; message: string }> = {
  'too-long': { code: 'too-long', message: 'is too long' },
  invisible: { code: 'invalid', message: 'contains invisible or formatting characters' },
  broken: { code: 'invalid', message: 'contains characters that could not be read (broken encoding)' },
  'too-few-letters': { code: 'letters', message: 'needs at least two letters' },
  'mixed-scripts': { code: 'invalid', message: 'mixes alphabets inside a word (a look-alike letter)' },
};

/** A name or institution as it will be printed and signed (see person-text for the rules). */
function personText(value: unknown, field: 'name' | 'institution'): { value?: string; error?: IssueCheck } {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'string') return { error: fail(400, `${field}-invalid`, `${field} must be text`) };
  const text = normalisePersonText(value);
  const problem = text ? personTextProblem(text, field) : undefined;
  if (!problem) return text ? { value: text } : {};
  const refusal = PERSON_TEXT_REFUSAL[problem];
  return { error: fail(400, `${field}-${refusal.code}`, `${field} ${refusal.message}`) };
}

/**
 * Re-grades every module's answer log from scratch against the course the server serves: each must
 * be there and pass. Used before a certificate is issued and before a final test may start.
 */
export function checkModuleLogs(
  b: Record<string, unknown>,
  course: readonly CourseQuiz[],
  locale: Locale,
): { ok: true; modules: ModuleResult[]; logs: Record<string, AnswerLog> } | Refusal {
  if (!b.logs || typeof b.logs !== 'object' || Array.isArray(b.logs)) return fail(400, 'logs-invalid', 'logs must map module ids to answer logs');
  const logs = b.logs as Record<string, unknown>;
  // Each module's seed and drawn scenarios ({ seed, drawn }); absent for attempts from before shuffling.
  const draws = b.draws && typeof b.draws === 'object' && !Array.isArray(b.draws) ? (b.draws as Record<string, unknown>) : {};
  const unknown = Object.keys(logs).filter((id) => !course.some((c) => c.id === id));
  if (unknown.length) return fail(422, 'unknown-module', `the course has no module "${unknown[0]}"`);
  const modules: ModuleResult[] = [];
  for (const { id, title, quiz } of course) {
    if (!(id in logs)) return fail(422, 'module-missing', `no answers for module "${id}": every module must be passed`);
    const graded = regrade(quiz, logs[id], Object.hasOwn(draws, id) ? draws[id] : { seed: null });
    if (!graded.ok) return fail(422, 'log-invalid', `module "${id}": ${graded.reason}`);
    if (!graded.score.passed)
      return fail(422, 'module-not-passed', `module "${id}" is not passed: ${graded.score.percent} % is below the pass mark of ${quiz.passPercent} %`);
    modules.push({ id, title: title[locale], percent: graded.score.percent });
  }
  return { ok: true, modules, logs: logs as Record<string, AnswerLog> };
}

/**
 * Decides whether a certificate may be issued: the learner's details are sensible text, and every
 * module's answer log, re-graded from scratch against the course the server serves, passes.
 */
export function checkIssueRequest(body: unknown, course: readonly CourseQuiz[]): IssueCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'body-invalid', 'the request body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b.name !== 'string' || !b.name.trim()) return fail(400, 'name-empty', 'a name is required');
  const name = personText(b.name, 'name');
  if (name.error) return name.error;
  if (!name.value) return fail(400, 'name-empty', 'a name is required');
  const institution = personText(b.institution, 'institution');
  if (institution.error) return institution.error;
  const email = optionalText(b.email, 254, 'email');
  if (email.error) return email.error;
  if (email.value && !EMAIL.test(email.value)) return fail(400, 'email-invalid', 'the e-mail address is not valid');
  const locale = isLocale(b.locale) ? b.locale : 'lv';
  const checked = checkModuleLogs(b, course, locale);
  if (!checked.ok) return checked;
  const { modules, logs } = checked;
  return {
    ok: true,
    request: { name: name.value!, institution: institution.value, email: email.value, locale, logs },
    modules,
  };
}
