import type { APIContext, APIRoute } from 'astro';
import { verifyAttempt, type AttemptClaims } from '../lib/final-test/attempt-token';
import { finalTestConfig, type FinalTestConfig } from '../lib/final-test/config';
import type { PublicAnswer } from '../lib/final-test/public-item';
import type { FixedStep } from './register/register';
import { finalTestBank, finalTestKeys } from './final-test-bank';
import { clientKey, wideClientKeys, type WidePrefix } from './client-key';
import { isUnavailable, json, readJsonBody } from './json-api';
import { ClientLimiter } from './client-limits';

/** What the final test's routes share: the token check and the shape of answers. */
const REFUSED = {
  expired: { status: 410, code: 'attempt-expired', message: 'the time for this attempt is over' },
  invalid: { status: 400, code: 'attempt-invalid', message: 'the attempt token is not one this server issued, or it was changed' },
  'other-bank': { status: 409, code: 'attempt-invalid', message: 'the final test has changed since this attempt started; start a new attempt' },
} as const;

/** The attempt a request's token names, or the refusal to send. */
export async function attemptOf(token: unknown): Promise<{ ok: true; claims: AttemptClaims } | { ok: false; response: Response }> {
  const verified = await verifyAttempt(token, (await finalTestKeys()).attempt, finalTestBank().version);
  if (verified.ok) return verified;
  const r = REFUSED[verified.problem];
  return { ok: false, response: json(r.status, { code: r.code, message: r.message }) };
}

/**
 * The key the per-client attempt limit counts under (see clientKey: an IPv6 client by its /64);
 * with the browser's id (browser-id.ts, already checked) `<address key>#<id>`, so colleagues
 * behind one address each have their own.
 */
export const ATTEMPT_SCOPE = 'final-test:';
export const attemptClient = (address: string | undefined, browser?: string): string => `${ATTEMPT_SCOPE}${clientKey(address)}${browser ? `#${browser}` : ''}`;

/** A key a start counts under besides its own: the address as a whole, or a wider IPv6 prefix. */
export interface SharedKey {
  client: string;
  /** Times each allowance of one client. */
  factor: number;
  shared: 'address' | 'network';
  /** The address key or the prefix, for messages. */
  label: string;
}

/**
 * The aggregates a start from this address counts under, narrowest first: the address as a whole
 * (`<address key>#*`, every browser id of it and the starts without one, FINAL_TEST_SHARED_FACTOR
 * times each allowance), then an IPv6 client's /56 and /48 with their own factors
 * (IPV6_PREFIX_LIMITS), as before the ids.
 */
export function sharedAttemptKeys(address: string | undefined, sharedFactor: number, prefixes: readonly WidePrefix[]): SharedKey[] {
  const key = clientKey(address);
  return [
    { client: `${ATTEMPT_SCOPE}${key}#*`, factor: sharedFactor, shared: 'address', label: key },
    ...wideClientKeys(address, prefixes).map((w) => ({ client: `${ATTEMPT_SCOPE}${w.key}`, factor: w.factor, shared: 'network' as const, label: w.key })),
  ];
}

/** One item's answer as the browser sends it: its steps in order, public ids only; undefined for anything else. */
export function readPath(value: unknown): PublicAnswer[] | undefined {
  return Array.isArray(value) && value.length <= 10 && value.every((s) => s && typeof s.step === 'string' && s.step.length <= 4 && Array.isArray(s.choice) && s.choice.length <= 10 && s.choice.every((c: unknown) => typeof c === 'string' && c.length <= 4))
    ? value.map((s) => ({ step: String(s.step), choice: (s.choice as string[]).map(String) }))
    : undefined;
}

export const sameChoice = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((c, i) => c === [...b].sort()[i]);

/** Whether an item's submitted path is exactly the steps the server fixed for it (stories). */
export function agreesWithFixed(path: readonly PublicAnswer[] | undefined, fixed: readonly FixedStep[]): boolean {
  const steps = path ?? [];
  if (steps.length !== fixed.length) return false;
  const byStep = new Map(fixed.map((f) => [f.step, f.choice]));
  return steps.every((s) => byStep.has(s.step) && sameChoice(byStep.get(s.step)!, s.choice));
}

/** What a final-test route's handler gets: the JSON object the browser sent, the configuration, the request. */
export interface FinalTestRequest {
  body: Record<string, unknown>;
  config: FinalTestConfig;
  context: APIContext;
}

/** The keys the per-route request limit counts under start with this: apart from the attempt limit's. */
export const REQUEST_SCOPE = 'final-test-requests:';

/**
 * Requests a client may send per route in 10 minutes, whatever they are: far above what a learner
 * needs (one start, a step per story answer, one submit), far below what costs the server. In memory, per
 * server process (the attempt limit and the back-off, in the register, are the ones shared): with
 * n servers a client may send n times as many. An IPv6 client counts by its /64 and by its wider
 * prefixes too (IPV6_PREFIX_LIMITS, client-limits.ts).
 */
const startLimit = (() => {
  const n = Number(process.env.FINAL_TEST_REQUESTS ?? 20);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 20;
})();
// A learner submits once per attempt (a few times more after a 503): the start's allowance is ample.
export const REQUEST_LIMITS = { start: startLimit, step: 10 * startLimit, submit: startLimit, windowMs: 10 * 60_000 } as const;
export const startRequests = new ClientLimiter(REQUEST_LIMITS.start, REQUEST_LIMITS.windowMs);
export const stepRequests = new ClientLimiter(REQUEST_LIMITS.step, REQUEST_LIMITS.windowMs);
/** The submit route's own count: without one, a submitted token re-sent without end cost a token check and a register query each time. */
export const submitRequests = new ClientLimiter(REQUEST_LIMITS.submit, REQUEST_LIMITS.windowMs);

const KEPT = 'your answers are kept, try again in a few minutes';

/**
 * The opening and closing every final-test POST route shares: no final test on this installation
 * (404), a body over `maxBody` or not JSON (the limited reader's refusal), a body that is not an
 * object (400), and a register that cannot be reached (503 with a retry-after, saying whether
 * the learner's answers are kept). The handler sees only a well-formed request.
 */
export function finalTestRoute(options: { maxBody: number; answersKept: boolean; requests?: ClientLimiter }, handle: (request: FinalTestRequest) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      const config = finalTestConfig(process.env);
      if (config.assessment !== 'final-test') return json(404, { code: 'no-final-test', message: 'this installation issues certificates after the module quizzes; it has no final test' });
      // Requests per client, counted before the body is read or anything re-graded: a start
      // re-grades every module's log, and a script could otherwise ask for that without end.
      const wait = options.requests?.take(REQUEST_SCOPE, context.clientAddress) ?? 0;
      if (wait) return json(429, { code: 'requests-too-many', message: `too many requests from this address; try again in ${wait} s` }, { 'retry-after': String(wait) });
      const read = await readJsonBody(context.request, options.maxBody);
      if (!read.ok) return read.response;
      const body = read.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return json(400, { code: 'body-invalid', message: 'the request body must be a JSON object' });
      return await handle({ body: body as Record<string, unknown>, config, context });
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      const message = `the register cannot be reached just now; ${options.answersKept ? KEPT : 'try again in a few minutes'}`;
      return json(503, { code: 'register-unavailable', message }, { 'retry-after': '60' });
    }
  };
}
