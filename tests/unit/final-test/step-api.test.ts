import { describe, expect, it } from 'vitest';
import { signAttempt } from '../../../src/lib/final-test/attempt-token';
import { drawFinalTest, DEFAULT_RULES, scenarioOf } from '../../../src/lib/final-test/draw';
import type { PublicAnswer } from '../../../src/lib/final-test/public-item';
import { bestAnswersOf, leadsOn, worstAnswersOf } from '../../../src/lib/quiz/scenario';
import { toPublic } from '../../support/final-test-answers';
import { useThrowawayRegister } from '../../support/throwaway-register';

// The step and submit routes as the server runs them, against a throw-away SQLite register and
// the real bank (read, never assumed: which items are stories comes from the draw).
useThrowawayRegister('final-test-steps');
const { POST: step } = await import('../../../src/pages/api/final-test/step');
const { POST: submit } = await import('../../../src/pages/api/final-test/submit');
const { finalTestBank, finalTestKeys } = await import('../../../src/server/final-test-bank');

const { bank, version } = finalTestBank();
type Route = typeof step;
const call = async (route: Route, body: unknown) => {
  const request = new Request('http://127.0.0.1/api/final-test/step/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = (await route({ request, clientAddress: '127.0.0.1' } as Parameters<Route>[0])) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

let seedCounter = 1000;
/** A fresh attempt whose draw holds a story with at least two steps on its best path. */
async function attempt(issuedAt = Math.floor(Date.now() / 1000)) {
  for (;;) {
    const seed = seedCounter++;
    const items = drawFinalTest(bank, seed, DEFAULT_RULES);
    const at = items.findIndex((ref) => leadsOn(scenarioOf(bank, ref)!) && bestAnswersOf(scenarioOf(bank, ref)!).length >= 2);
    if (at < 0) continue;
    const claims = { id: `attempt-${seed}`, seed, items, bank: version, locale: 'lv', issuedAt, expiresAt: issuedAt + 3600 };
    const token = await signAttempt(claims, (await finalTestKeys()).attempt);
    const scenario = scenarioOf(bank, items[at]!)!;
    const answer = (pick: typeof bestAnswersOf, ref = items[at]!) => toPublic(scenarioOf(bank, ref)!, seed, pick(scenarioOf(bank, ref)!));
    return { token, claims, at, scenario, best: answer(bestAnswersOf), answer };
  }
}

/** Walks a story's path through the step route, one step at a time, as the browser does. */
async function walk(token: string, item: number, path: readonly PublicAnswer[]) {
  const served: unknown[] = [];
  for (let n = 1; n <= path.length; n++) {
    const r = await call(step, { token, item, answers: path.slice(0, n) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    served.push(r.body.step);
  }
  return served;
}

describe('a story served one step at a time', () => {
  it('serves the next step with its depth id and no key, then the end, and answers a replay the same way', async () => {
    const a = await attempt();
    const served = await walk(a.token, a.at, a.best);
    expect((served[0] as { id: string }).id).toBe('s2');
    expect(served.at(-1)).toBeNull();
    expect(JSON.stringify(served)).not.toMatch(/correct|feedback|points|quote|next/);
    // The same answer again is harmless: the same step comes back.
    const again = await call(step, { token: a.token, item: a.at, answers: a.best.slice(0, 1) });
    expect(again).toEqual({ status: 200, body: { step: served[0] } });
  });

  it('makes probing useless: once a step has been answered, another answer to it is refused', async () => {
    const a = await attempt();
    await walk(a.token, a.at, a.best.slice(0, 1));
    const first = a.best[0]!;
    const other = (await call(step, { token: a.token, item: a.at, answers: [{ step: 's1', choice: [first.choice[0] === 'a' ? 'b' : 'a'] }] }));
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('step-fixed');
    // Nor can a later step be reached through the other answer, and the refusal is the same
    // whether that answer goes on or ends the story (nothing told by a 400 against a 409).
    const past = await call(step, { token: a.token, item: a.at, answers: [{ step: 's1', choice: [first.choice[0] === 'a' ? 'b' : 'a'] }, { step: 's2', choice: ['a'] }] });
    expect([past.status, past.body.code]).toEqual([409, 'step-fixed']);
  });

  it('refuses a step out of order: a later step whose earlier one was never served here', async () => {
    const a = await attempt();
    const r = await call(step, { token: a.token, item: a.at, answers: a.best.slice(0, 2) });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('step-out-of-order');
  });

  it('refuses forged requests: a changed or foreign token, an item that is no story or not there, a path the item has not, an expired attempt', async () => {
    const a = await attempt();
    const [h, p, s] = a.token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), seed: 1 })).toString('base64url')}.${s}`;
    expect((await call(step, { token: forged, item: a.at, answers: a.best.slice(0, 1) })).status).toBe(400);
    expect((await call(step, { token: 'nonsense', item: a.at, answers: a.best.slice(0, 1) })).status).toBe(400);
    const single = a.claims.items.findIndex((ref) => !leadsOn(scenarioOf(bank, ref)!));
    expect((await call(step, { token: a.token, item: single, answers: [{ step: 's1', choice: ['a'] }] })).body.code).toBe('not-a-story');
    for (const item of [-1, a.claims.items.length, 1.5, '0']) expect((await call(step, { token: a.token, item, answers: a.best.slice(0, 1) })).body.code).toBe('item-invalid');
    for (const answers of [[], [{ step: 's2', choice: ['a'] }], [{ step: 's1', choice: ['z'] }], [{ step: 's1', choice: ['a', 'b'] }], 'x', [{ step: 's1', choice: [1] }]])
      expect((await call(step, { token: a.token, item: a.at, answers })).body.code).toBe('step-invalid');
    const old = await attempt(Math.floor(Date.now() / 1000) - 7200);
    expect((await call(step, { token: old.token, item: old.at, answers: old.best.slice(0, 1) })).status).toBe(410);
  });
});

describe('submitting an attempt with stories', () => {
  const full = (a: Awaited<ReturnType<typeof attempt>>, pick = bestAnswersOf) => a.claims.items.map((ref) => a.answer(pick, ref));

  it('grades the path the server served, and refuses another step after the attempt is submitted', async () => {
    const a = await attempt();
    const answers = full(a);
    for (const [i, ref] of a.claims.items.entries()) if (leadsOn(scenarioOf(bank, ref)!)) await walk(a.token, i, answers[i]!);
    const r = await call(submit, { token: a.token, answers });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ percent: 100, passed: true });
    expect((await call(step, { token: a.token, item: a.at, answers: answers[a.at]!.slice(0, 1) })).body.code).toBe('attempt-submitted');
    // Submitted again, the same answers or a story path cut short: "submitted", not "disagrees".
    for (const again of [answers, answers.map((x, i) => (i === a.at ? x!.slice(0, 1) : x))]) {
      const r2 = await call(submit, { token: a.token, answers: again });
      expect([r2.status, r2.body.code]).toEqual([409, 'attempt-submitted']);
    }
  });

  it('refuses a submission whose story path is not the one served: never asked, a different answer, or cut short', async () => {
    const a = await attempt();
    const answers = full(a);
    const stories = a.claims.items.map((ref, i) => (leadsOn(scenarioOf(bank, ref)!) ? i : -1)).filter((i) => i >= 0);
    // Nothing served at all: a path submitted blind.
    expect((await call(submit, { token: a.token, answers })).body.code).toBe('answers-disagree');
    for (const i of stories) await walk(a.token, i, answers[i]!);
    // The worst path where the best was served.
    const swapped = answers.map((x, i) => (i === a.at ? a.answer(worstAnswersOf) : x));
    if (JSON.stringify(swapped[a.at]) !== JSON.stringify(answers[a.at])) expect((await call(submit, { token: a.token, answers: swapped })).body.code).toBe('answers-disagree');
    const short = answers.map((x, i) => (i === a.at ? x.slice(0, 1) : x));
    expect((await call(submit, { token: a.token, answers: short })).body.code).toBe('answers-disagree');
    // And the path served is still taken, once.
    expect((await call(submit, { token: a.token, answers })).status).toBe(200);
    expect((await call(submit, { token: a.token, answers })).status).toBe(409);
  });
});

// The start route reads the course through astro:content and is covered by tests/e2e/final-test.spec.ts.
describe('what the step and submit routes refuse before they look at the attempt', () => {
  const raw = async (route: Route, body: string, type = 'application/json') => {
    const request = new Request('http://127.0.0.1/api/final-test/', { method: 'POST', headers: { 'content-type': type }, body });
    const response = (await route({ request, clientAddress: '127.0.0.1' } as Parameters<Route>[0])) as Response;
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it.each([
    ['step', step],
    ['submit', submit],
  ] as const)('%s: a body that is not a JSON object, not JSON, not JSON typed or too large is refused with its reason', async (_, route) => {
    expect((await raw(route, '[1,2]')).body.code).toBe('body-invalid');
    expect((await raw(route, 'null')).body.code).toBe('body-invalid');
    expect((await raw(route, '{"token":')).body.code).toBe('body-invalid');
    expect((await raw(route, '{}', 'text/plain')).status).toBe(415);
    const big = await raw(route, JSON.stringify({ token: 'x'.repeat(300 * 1024) }));
    expect([big.status, big.body.code]).toEqual([413, 'body-too-large']);
  });

  it.each([
    ['step', step],
    ['submit', submit],
  ] as const)('%s: an installation that certifies after the module quizzes has no final test (404)', async (_, route) => {
    process.env.CERT_ASSESSMENT = 'modules';
    try {
      const r = await raw(route, '{}');
      expect([r.status, r.body.code]).toEqual([404, 'no-final-test']);
    } finally {
      delete process.env.CERT_ASSESSMENT;
    }
  });
});
