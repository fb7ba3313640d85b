// Helpers for the register's load test and end-to-end test: start the production server
// (scripts/start.mjs) on a loopback port with its own register, wait until it answers, stop it;
// and a certificate request that passes the server's re-grading (every module's best answers).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readQuizzes } from '../lib/course/read-sources';
import { keyedAttempt } from '../lib/quiz/answer-key';

const root = join(import.meta.dirname, '..', '..');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts a server on 127.0.0.1:`port` with `env` added; resolves once /lv/ answers (at most 60 s). */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} stopped: ${stderr.slice(-800)}`);
    try {
      if ((await fetch(`${url}/lv/`, { signal: AbortSignal.timeout(2000) })).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the server on port ${port} did not answer within 60 s: ${stderr.slice(-800)}`);
}

let passed: { logs: Record<string, unknown>; draws: Record<string, { seed: number; drawn: string[] }> } | undefined;

/**
 * A request body for a learner who passed every module of the course as it is now: one seeded
 * attempt per module answered with the key, with its draw (the quizzes are read once). Enough for
 * a certificate where the server runs `CERT_ASSESSMENT=modules`; by default a certificate needs a
 * passed final test as well (its result in `finalTest`, see tests/e2e/final-test-helpers.ts).
 */
export function passingRequest(name: string, institution?: string) {
  passed ??= (() => {
    const attempts = readQuizzes(root).map((q) => [q.moduleId, keyedAttempt(q, 1)] as const);
    return { logs: Object.fromEntries(attempts.map(([id, a]) => [id, a.log])), draws: Object.fromEntries(attempts.map(([id, a]) => [id, { seed: a.seed, drawn: a.drawn }])) };
  })();
  return { name, ...(institution ? { institution } : {}), locale: 'lv', ...passed };
}
