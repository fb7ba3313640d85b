// The live rooms under load (issue 15), part of `npm run bench`, or alone: `node scripts/bench-rooms.mjs`
// (after `npx astro build`: it runs the built server, scripts/start.mjs). 300 simulated phones
// join one room and answer each question at a random moment of a 5-second window, first on ONE
// server (rooms in memory), then on TWO servers sharing a throw-away PostgreSQL cluster
// (scripts/pg-cluster.mjs): the presenter and half the phones on server A, the other half on B.
// Each phone is what the phone's page does, without a browser: POST join, hold the room's
// server-sent-events stream, POST its answer. The presenter holds its own stream and shows, reveals,
// shows the next question. Printed per set-up: the time from the LAST answer's response (and from
// its POST being sent) to the presenter's stream showing all of them answered (p50/p95/max over the
// rounds), the same for every answer (see updateLatencies in bench-rooms-stats.mjs for what "includes it" means), dropped
// streams and lost answers (the presenter's final count ≠ the phones, or the revealed distribution ≠
// what was sent, checked exactly). Anything but 0 dropped and 0 lost prints FAIL and exits 1.
//
// Loopback only (free ports on 127.0.0.1), bounded: every request and wait has a timeout, the
// whole run a hard one (BENCH_ROOMS_TIMEOUT_S, default 900 s), and servers, sockets and the cluster
// are stopped in `finally` (or by the hard timeout). The default limits of the room API fit as
// they are, with nothing loosened: 300 new phone ids per server is under its 1,000 per client in
// 10 minutes, one room per server is under 20 an hour, and the bench never guesses a code.
// BENCH_ROOMS_PHONES (300), BENCH_ROOMS_ROUNDS (10) and BENCH_ROOMS_SEED (1) change the run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCluster } from './pg-cluster.mjs';
import { seededRandom, sseParser, summary, tally, updateLatencies } from './bench-rooms-stats.mjs';

const PHONES = Number(process.env.BENCH_ROOMS_PHONES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROOMS_ROUNDS ?? 10);
const WINDOW_MS = 5000;
const HARD_TIMEOUT_MS = Number(process.env.BENCH_ROOMS_TIMEOUT_S ?? 900) * 1000;
const REQUEST_TIMEOUT_MS = 30_000;
const WAIT_MS = 60_000;
const OPTIONS = ['bench-a', 'bench-b', 'bench-c', 'bench-d'];
const random = seededRandom(Number(process.env.BENCH_ROOMS_SEED ?? 1));
const root = new URL('..', import.meta.url);

// Node's own http with no cap on sockets per host (a phone's stream holds one for the whole run).
const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });
// The posts take a new connection each (as 300 phones do): a kept-alive one that the server closes
// after its idle timeout just as a post reuses it fails with ECONNRESET, a client artefact.
const postAgent = new Agent({ keepAlive: false, maxSockets: Infinity });

const cleanups = [];
const hard = setTimeout(async () => {
  console.error(`\nFAIL — the live-room load test did not finish within ${HARD_TIMEOUT_MS / 1000} s; stopping.`);
  for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => {});
  process.exit(1);
}, HARD_TIMEOUT_MS);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** `npm start`'s server on 127.0.0.1 with `env` added, once /lv/ answers (at most 60 s). */
async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    if ((await Promise.race([exited.then(() => true), sleep(5000, false)])) === false) child.kill('SIGKILL');
  };
  cleanups.push(stop);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} stopped: ${stderr}`);
    try {
      if ((await post(url, '/lv/', undefined, 'GET')).status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`the server on port ${port} did not answer within 60 s: ${stderr}`);
}

/** One request with a JSON body (or none); resolves { status, json } or rejects after 30 s. */
function post(origin, path, body, method = 'POST') {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${origin}${path}`, { method, agent: postAgent, timeout: REQUEST_TIMEOUT_MS, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let json;
        try {
          json = text && res.headers['content-type']?.includes('json') ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A room's event stream: `onState(view, at)` for every state event. `dropped` is set when the
 * stream ended or failed before close() was called; `opened` resolves at the first state.
 */
function openStream(origin, path, onState) {
  const stream = { dropped: undefined, closing: false, close: () => {} };
  stream.opened = new Promise((resolve, reject) => {
    const parser = sseParser();
    let first = true;
    const req = request(`${origin}${path}`, { agent: streamAgent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        stream.dropped = `HTTP ${res.statusCode}`;
        res.resume();
        return reject(new Error(`${path}: HTTP ${res.statusCode}`));
      }
      if (res.headers['content-encoding']) stream.dropped = `compressed (${res.headers['content-encoding']})`;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        const at = performance.now();
        for (const { event, data } of parser.feed(chunk)) {
          if (event !== 'state') continue;
          onState(JSON.parse(data), at);
          if (first) (first = false), resolve();
        }
      });
      const ended = (why) => {
        if (!stream.closing && !stream.dropped) stream.dropped = why;
      };
      res.on('end', () => ended('ended'));
      res.on('error', (e) => ended(e.message));
      res.on('close', () => ended('closed'));
    });
    req.on('error', (e) => {
      if (!stream.closing && !stream.dropped) stream.dropped = e.message;
      reject(e);
    });
    req.end();
    stream.close = () => {
      stream.closing = true;
      req.destroy();
    };
  });
  return stream;
}

/** Waits (polling every 5 ms) until `check()` holds; throws after `ms`. */
async function until(check, what, ms = WAIT_MS) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(5);
  }
}

const within = (promise, ms, what) => Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`timed out after ${ms / 1000} s: ${what}`)))]);

/** `n` tasks, at most `limit` at once. */
async function pooled(n, limit, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, limit) }, async () => {
    while (next < n) await task(next++);
  }));
}

/** One set-up: a room on servers[0], phones spread over `servers`; returns its figures. */
async function run(label, servers) {
  const [a] = servers;
  const streams = [];
  const figures = { label, last: [], lastTap: [], all: [], dropped: 0, lost: 0, refused: 0, problems: [] };
  try {
    const opened = await post(a.url, '/api/rooms/', {});
    if (opened.status !== 201) throw new Error(`opening the room: HTTP ${opened.status} ${JSON.stringify(opened.json)}`);
    const { code, secret } = opened.json;
    const control = async (action) => {
      const r = await post(a.url, `/api/rooms/${code}/control/`, { secret, action });
      if (r.status !== 204) throw new Error(`control ${action.type}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    };
    const updates = [];
    const presenter = openStream(a.url, `/api/rooms/${code}/events/?role=presenter`, (view, at) => updates.push({ at, ...view }));
    streams.push(presenter);
    await within(presenter.opened, REQUEST_TIMEOUT_MS, 'the presenter stream');
    const latest = () => updates[updates.length - 1] ?? {};

    // The phones join (25 at a time, as a hall does within a minute) and hold their streams.
    const phones = Array.from({ length: PHONES }, (_, i) => ({ server: servers[i % servers.length], seq: 0 }));
    await pooled(PHONES, 25, async (i) => {
      const phone = phones[i];
      const joined = await post(phone.server.url, `/api/rooms/${code}/join/`, {});
      if (joined.status !== 200) throw new Error(`phone ${i} join: HTTP ${joined.status} ${JSON.stringify(joined.json)}`);
      phone.id = joined.json.participant;
      phone.stream = openStream(phone.server.url, `/api/rooms/${code}/events/?participant=${phone.id}`, (view) => (phone.seq = view.seq));
      streams.push(phone.stream);
      await within(phone.stream.opened, REQUEST_TIMEOUT_MS, `phone ${i}'s stream`);
    });
    await until(() => latest().participants === PHONES, `the presenter to count ${PHONES} phones`);

    for (let round = 1; round <= ROUNDS; round++) {
      const seq = latest().seq + 1;
      await control({ type: 'question.show', question: { module: 'bench', scenario: `round-${round}`, options: OPTIONS, several: false } });
      await until(() => phones.every((p) => p.seq === seq) && latest().seq === seq, `every phone to show question ${seq}`);
      const from = updates.length;
      // Every phone answers once, at a random moment of the window, one of the four options.
      const answers = await Promise.all(
        phones.map(async (phone) => {
          const choice = OPTIONS[Math.floor(random() * OPTIONS.length)];
          await sleep(random() * WINDOW_MS);
          const sentAt = performance.now();
          const r = await post(phone.server.url, `/api/rooms/${code}/answer/`, { participant: phone.id, seq, options: [choice] }).catch((e) => ({ status: e.message }));
          return { choice, sentAt, respondedAt: performance.now(), status: r.status };
        }),
      );
      const accepted = answers.filter((x) => x.status === 204);
      figures.refused += answers.length - accepted.length;
      for (const x of answers) if (x.status !== 204 && figures.problems.length < 5) figures.problems.push(`round ${round}: answer refused (${x.status})`);
      const lastResponse = Math.max(...accepted.map((x) => x.respondedAt));
      const lastSent = Math.max(...accepted.map((x) => x.sentAt));
      let complete = true;
      await until(() => latest().seq === seq && latest().answered >= accepted.length, `the presenter to count ${accepted.length} answers`, 30_000).catch((e) => {
        complete = false;
        figures.problems.push(`round ${round}: ${e.message} (it shows ${latest().answered})`);
      });
      const roundUpdates = updates.slice(from).filter((u) => u.seq === seq);
      if (complete) {
        const all = roundUpdates.find((u) => u.answered >= accepted.length);
        figures.last.push(Math.max(0, all.at - lastResponse));
        figures.lastTap.push(all.at - lastSent);
      }
      for (const ms of updateLatencies(accepted, roundUpdates)) if (ms !== undefined) figures.all.push(ms);
      const shown = latest().answered;
      await control({ type: 'answer.reveal' });
      await until(() => latest().seq === seq && Array.isArray(latest().counts), `the reveal of question ${seq}`);
      const expected = tally(OPTIONS, accepted.map((x) => [x.choice]));
      const revealed = latest().counts;
      if (shown !== accepted.length || revealed.join() !== expected.join()) {
        // Accepted answers the presenter never counted, or missing from (or extra in) the distribution.
        figures.lost += Math.max(1, accepted.length - shown, expected.reduce((n, c, i) => n + Math.abs(c - (revealed[i] ?? 0)), 0));
        figures.problems.push(`round ${round}: the presenter counted ${shown} of ${accepted.length} accepted; revealed ${revealed.join('/')} for sent ${expected.join('/')}`);
      }
    }
  } finally {
    figures.dropped = streams.filter((s) => s.dropped).length;
    for (const s of streams) if (s.dropped && figures.problems.length < 10) figures.problems.push(`a stream dropped: ${s.dropped}`);
    for (const s of streams) s.close();
  }
  return figures;
}

const ms = (n) => (n === undefined ? '—' : `${n.toFixed(1)} ms`);
function print(f) {
  const last = summary(f.last);
  const all = summary(f.all);
  console.log(`${f.label}: ${PHONES} participants, ${f.last.length} of ${ROUNDS} rounds complete, ${f.lost} lost answers, ${f.dropped} dropped connections, ${f.refused} refused answers.`);
  console.log(`  last answer's response → presenter's updated count (0 = the count came first): p50 ${ms(last.p50)}, p95 ${ms(last.p95)}, max ${ms(last.max)} (${last.n} rounds)`);
  const tap = summary(f.lastTap);
  console.log(`  last answer's POST sent → presenter's updated count: p50 ${ms(tap.p50)}, p95 ${ms(tap.p95)}, max ${ms(tap.max)}`);
  console.log(`  every answer → a presenter count that includes it: p50 ${ms(all.p50)}, p95 ${ms(all.p95)}, max ${ms(all.max)} (${all.n} answers)`);
  for (const p of f.problems) console.log(`  ✗ ${p}`);
}

const results = [];
let failure;
const scratch = mkdtempSync(join(tmpdir(), 'bench-rooms-'));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
// The servers' certificate register stays out of the project's data/ folder.
const base = { CERT_REGISTER_FILE: join(scratch, 'register.sqlite'), COURSE_URL: 'http://127.0.0.1' };
console.log(`Live room under load: ${PHONES} phones, ${ROUNDS} questions, each answered within ${WINDOW_MS / 1000} s (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores).`);
try {
  const one = await startServer(base);
  try {
    results.push(await run('One server (rooms in memory)', [one]));
    print(results.at(-1));
  } finally {
    await one.stop();
  }
  // Another cluster may take the free port between the probe and the start: try again, three times at most.
  let cluster;
  for (let attempt = 1; !cluster; attempt++)
    cluster = await startCluster().catch((error) => {
      if (attempt >= 3) throw error;
      return sleep(2000, undefined);
    });
  cleanups.push(() => cluster.stop());
  try {
    const env = { ...base, DATABASE_URL: cluster.url };
    const servers = [await startServer(env), await startServer(env)];
    try {
      results.push(await run('Two servers, one PostgreSQL (presenter and half the phones on A, half on B)', servers));
      print(results.at(-1));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    cluster.stop();
  }
} catch (error) {
  failure = error;
} finally {
  streamAgent.destroy();
  postAgent.destroy();
  rmSync(scratch, { recursive: true, force: true });
  clearTimeout(hard);
}
const bad = results.filter((f) => f.lost || f.dropped || f.refused || f.last.length !== ROUNDS);
if (failure || bad.length || results.length !== 2) {
  console.log(`\nFAIL — live-room load test: ${failure ? failure.message : bad.map((f) => `${f.label}: ${f.lost} lost, ${f.dropped} dropped, ${f.refused} refused`).join('; ')}`);
  process.exit(1);
}
console.log('Live-room load test: 0 lost answers and 0 dropped connections on one server and on two.');
