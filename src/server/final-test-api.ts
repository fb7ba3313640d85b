import type { APIContext, APIRoute } from 'astro';
import { verifyAttempt, type AttemptClaims } from '../lib/final-test/attempt-token';
import { finalTestConfig, type FinalTestConfig } from '../lib/final-test/config';
import type { PublicAnswer } from '../lib/final-test/public-item';
import type { FixedStep } from './register/register';
import { finalTestBank, finalTestKeys } from './final-test-bank';
import { isUnavailable, json, readJsonBody } from './json-api';

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
 * The key the per-client attempt limit counts under: an IPv4 address (also written IPv4-mapped,
 * `::ffff:a.b.c.d`) as it is, an IPv6 address by its /64 prefix, since one subscriber commonly
 * holds a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function attemptClient(address: string | undefined): string {
  const a = (address ?? '').trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a) ?? /^::(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(a)) return `final-test:${a}`;
  if (mapped) return `final-test:${mapped[1]}`;
  if (!a.includes(':')) return `final-test:${a || 'unknown'}`;
  const groups = expandIpv6(a);
  return groups ? `final-test:${groups.slice(0, 4).join(':')}::/64` : `final-test:${a}`;
}

/** An IPv6 address's eight groups, lowercase without leading zeros, or undefined when it is not one. */
function expandIpv6(address: string): string[] | undefined {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [b1, b2, b3, b4] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (h: string) => (h ? h.split(':') : []);
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups.map((g) => parseInt(g, 16).toString(16)) : undefined;
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

const KEPT = 'your answers are kept, try again in a few minutes';

/**
 * The opening and closing every final-test POST route shares: no final test on this installation
 * (404), a body over `maxBody` or not JSON (the limited reader's refusal), a body that is not an
 * object (400), and a register that cannot be reached (503 with a retry-after, saying whether
 * the learner's answers are kept). The handler sees only a well-formed request.
 */
export function finalTestRoute(options: { maxBody: number; answersKept: boolean }, handle: (request: FinalTestRequest) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      const config = finalTestConfig(process.env);
      if (config.assessment !== 'final-test') return json(404, { code: 'no-final-test', message: 'this installation issues certificates after the module quizzes; it has no final test' });
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
