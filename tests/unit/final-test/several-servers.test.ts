import { afterAll, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { useThrowawayRegister } from '../../support/throwaway-register';
import { backends as twoStoreBackends, post, restoreEnv, server } from '../../support/two-servers';

// Two servers on one register: two instances of the start route, each with its own module state
// (its own in-memory one-start-at-a-time queue, its own request limiter, its own connection to
// the register), as two Node processes behind a load balancer would have. Parallel starts from
// one client, split across both, must still open exactly one attempt, and the attempt limit and
// the back-off must count the starts of both servers together.
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse());

const backends = twoStoreBackends('several_servers');
afterAll(restoreEnv(['DATABASE_URL', 'FINAL_TEST_ATTEMPTS', 'FINAL_TEST_BACKOFF_MINUTES', 'FINAL_TEST_REQUESTS']));

describe.each(backends)('two servers sharing a register on %s', (_, available, prepare) => {
  it.runIf(available)('parallel starts from one client, split across both servers, open exactly one attempt', async () => {
    useThrowawayRegister('final-test-servers');
    await prepare();
    process.env.FINAL_TEST_ATTEMPTS = '100';
    process.env.FINAL_TEST_REQUESTS = '100';
    const a = await server();
    // The first start makes the development key; the second server then reads it from the folder.
    const first = await post(a.start, '', passingRequest('x'), '192.0.2.60');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const b = await server();
    try {
      const body = passingRequest('x');
      const clients = ['198.51.100.61', '2001:db8:61:1::1', '2001:db8:61:1::2'];
      for (const client of clients) {
        const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(i % 2 ? b.start : a.start, '', body, client)));
        const statuses = results.map((r) => r.status).sort();
        if (client === '2001:db8:61:1::2') {
          // The same /64 as the client before, which holds its open attempt: every start refused.
          expect(statuses, JSON.stringify(results.map((r) => r.body.code))).toEqual(Array(6).fill(409));
        } else {
          expect(statuses, JSON.stringify(results.map((r) => r.body.code))).toEqual([201, 409, 409, 409, 409, 409]);
          expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'attempt-open')).toBe(true);
        }
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 120_000);

  it.runIf(available)('the attempt limit and the back-off count the starts of both servers together', async () => {
    useThrowawayRegister('final-test-servers-limit');
    await prepare();
    process.env.FINAL_TEST_ATTEMPTS = '3';
    process.env.FINAL_TEST_BACKOFF_MINUTES = '0';
    process.env.FINAL_TEST_REQUESTS = '100';
    const a = await server();
    const b = await server();
    try {
      const client = '203.0.113.62';
      // Three attempts, started and failed on alternate servers, then both refuse the fourth.
      for (let i = 0; i < 3; i++) {
        const s = i % 2 ? b : a;
        const r = await post(s.start, '', passingRequest('x'), client);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        const graded = await post(i % 2 ? a.submit : b.submit, 'submit/', { token: r.body.token, answers: [] }, client);
        expect([graded.status, graded.body.passed]).toEqual([200, false]);
      }
      const refused = await Promise.all([post(a.start, '', passingRequest('x'), client), post(b.start, '', passingRequest('x'), client)]);
      expect(refused.map((r) => r.body.code)).toEqual(['attempts-used', 'attempts-used']);
      // The back-off too: two failures in a row, noted by one server, make the other wait.
      process.env.FINAL_TEST_ATTEMPTS = '100';
      delete process.env.FINAL_TEST_BACKOFF_MINUTES;
      const waiting = await post(b.start, '', passingRequest('x'), client);
      expect([waiting.status, waiting.body.code]).toEqual([429, 'attempts-backoff']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 120_000);
});
