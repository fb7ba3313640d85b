import { describe, expect, it, vi } from 'vitest';
import { useThrowawayRegister } from '../../support/throwaway-register';

// The start and step routes count requests per client before anything costly: the start route
// re-grades every module's log, so without a limit a script could ask for that without end.
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());
useThrowawayRegister('final-test-requests');
const { POST: start } = await import('../../../src/pages/api/final-test/index');
const { POST: step } = await import('../../../src/pages/api/final-test/step');
const { POST: submit } = await import('../../../src/pages/api/final-test/submit');
const { REQUEST_LIMITS } = await import('../../../src/server/final-test-api');
const verifyAttempt = vi.spyOn(await import('../../../src/lib/final-test/attempt-token'), 'verifyAttempt');
const checkModuleLogs = vi.spyOn(await import('../../../src/lib/certificate/issue-request'), 'checkModuleLogs');

type Route = typeof start;
const post = async (route: Route, path: string, clientAddress: string, body: unknown) => {
  const request = new Request(`http://127.0.0.1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = (await route({ request, clientAddress } as Parameters<Route>[0])) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, any>, retry: response.headers.get('retry-after') };
};

describe('the per-client request limit of the final test routes', () => {
  it('refuses the start route past its limit with 429 before re-grading anything; other clients go on', async () => {
    for (let i = 0; i < REQUEST_LIMITS.start; i++) expect((await post(start, '/api/final-test/', '198.51.100.200', {})).status).not.toBe(429);
    const graded = checkModuleLogs.mock.calls.length;
    const over = await post(start, '/api/final-test/', '198.51.100.200', {});
    expect([over.status, over.body.code]).toEqual([429, 'requests-too-many']);
    expect(Number(over.retry)).toBeGreaterThan(0);
    expect(checkModuleLogs.mock.calls.length).toBe(graded);
    expect((await post(start, '/api/final-test/', '198.51.100.201', {})).status).not.toBe(429);
  }, 60_000);

  it('limits the step route on its own key and count', async () => {
    for (let i = 0; i < REQUEST_LIMITS.step; i++) expect((await post(step, '/api/final-test/step/', '198.51.100.210', { token: 'x', item: 0, answers: [] })).status).toBe(400);
    const over = await post(step, '/api/final-test/step/', '198.51.100.210', { token: 'x', item: 0, answers: [] });
    expect([over.status, over.body.code]).toEqual([429, 'requests-too-many']);
    // The start route's count for this client is its own.
    expect((await post(start, '/api/final-test/', '198.51.100.210', {})).status).not.toBe(429);
  }, 60_000);

  it('limits the submit route on its own key and count, before the token is checked', async () => {
    for (let i = 0; i < REQUEST_LIMITS.submit; i++) expect((await post(submit, '/api/final-test/submit/', '198.51.100.220', { token: 'x', answers: [] })).status).toBe(400);
    const checked = verifyAttempt.mock.calls.length;
    expect(checked).toBeGreaterThanOrEqual(REQUEST_LIMITS.submit);
    for (let i = 0; i < 5; i++) {
      const over = await post(submit, '/api/final-test/submit/', '198.51.100.220', { token: 'x', answers: [] });
      expect([over.status, over.body.code]).toEqual([429, 'requests-too-many']);
      expect(Number(over.retry)).toBeGreaterThan(0);
    }
    expect(verifyAttempt.mock.calls.length).toBe(checked);
    // Another client, and this client's step count, are their own.
    expect((await post(submit, '/api/final-test/submit/', '198.51.100.221', { token: 'x', answers: [] })).status).toBe(400);
    expect((await post(step, '/api/final-test/step/', '198.51.100.220', { token: 'x', item: 0, answers: [] })).status).toBe(400);
  }, 60_000);
});
