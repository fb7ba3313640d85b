// Part of `npm run bench`: loads pages from the production server (scripts/start.mjs, on 127.0.0.1
// only) in Chromium and prints what really crosses the wire — requests, bytes as sent (after
// compression), JavaScript bytes, the encoding used — and the time until a module's quiz is usable
// (its start button on screen and enabled), unthrottled and on a slow 3G-like connection: CDP
// Network.emulateNetworkConditions (400 ms round trip, 400 kbit/s each way) with the CPU slowed 4×
// (Emulation.setCPUThrottlingRate), the connection the UX review measured (4.8 s then). Each figure
// is the median of RUNS cold loads (a new browser context: empty cache), plus one repeat view.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4331);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const PROFILES = {
  unthrottled: undefined,
  'slow 3G-like (400 ms RTT, 400 kbit/s, CPU ×4)': { latency: 400, down: 400_000 / 8, up: 400_000 / 8, cpu: 4 },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export async function startServer() {
  // Something already answering there (another checkout's server) would be measured in place of
  // this build: the spawned server fails to listen, and the first fetch below still succeeds.
  const taken = await fetch(`${ORIGIN}/lv/`).then(() => true, () => false);
  if (taken) throw new Error(`${ORIGIN} is already in use by another server; set BENCH_PORT to a free port`);
  const server = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  // Bounded: 60 tries, half a second apart.
  for (let i = 0; i < 60; i++) {
    if (server.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    try {
      if ((await fetch(`${ORIGIN}/lv/`)).ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`the server did not answer on ${ORIGIN} within 30 s`);
}

/** Stops a server from startServer and waits until it has let go of the port (the next part may start another). */
export async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill();
  await exited;
}

/** One load of `path` in a fresh context; returns timings and what was transferred. */
async function load(browser, path, profile, { quiz = false, repeat = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Only the course's own server is ever contacted; anything else fails the bench. (Not page.route:
  // intercepting requests turns Chromium's HTTP cache off, and the repeat view measures that cache.)
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:')) foreign.push(url);
  });
  // Recorded inside the page, so the measuring adds no round trip: the moment the start button is usable.
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    const check = () => {
      const button = document.querySelector('[data-testid="quiz-start"]');
      if (button && !button.disabled && button.getBoundingClientRect().height > 0 && w.__quizUsable === undefined) w.__quizUsable = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  if (profile) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  if (repeat) {
    await page.goto(ORIGIN + path, { waitUntil: 'load' });
    if (quiz) await page.waitForFunction(() => /** @type {any} */ (window).__quizUsable !== undefined, undefined, { timeout: 60_000 });
  }
  const requests = [];
  page.on('requestfinished', async (request) => {
    const response = await request.response();
    const sizes = await request.sizes();
    requests.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, body: sizes.responseBodySize, status: response?.status(), encoding: response ? (await response.allHeaders())['content-encoding'] : undefined });
  });
  await page.goto(ORIGIN + path, { waitUntil: 'load', timeout: 120_000 });
  let usable;
  if (quiz) {
    await page.waitForFunction(() => /** @type {any} */ (window).__quizUsable !== undefined, undefined, { timeout: 120_000 });
    usable = await page.evaluate(() => /** @type {any} */ (window).__quizUsable);
  }
  await page.waitForLoadState('networkidle');
  const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0);
  await context.close();
  if (foreign.length) throw new Error(`requests left the site: ${foreign.join(', ')}`);
  return { usable, load, requests };
}

export async function benchNetwork() {
  const home = readFileSync('dist/client/lv/index.html', 'utf8');
  const moduleId = home.match(/href="\/lv\/moduli\/([a-z0-9-]+)\/"/)?.[1];
  if (!moduleId) throw new Error('no module link on /lv/');
  const modulePage = `/lv/moduli/${moduleId}/`;
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    console.log(`\nOver the wire (npm start on ${ORIGIN}, Chromium, one cold load each):`);
    console.log('(transferred: bodies as sent plus response headers; JS: script bodies as sent, here Brotli)');
    console.log(`${'page'.padEnd(34)} ${'requests'.padStart(8)} ${'transferred'.padStart(12)} ${'JS'.padStart(10)}  encodings`);
    for (const path of ['/lv/', modulePage, '/lv/progress/', '/lv/parbaudit/', '/lv/darbnica/']) {
      const { requests } = await load(browser, path, undefined, { quiz: path === modulePage });
      const total = requests.reduce((s, r) => s + r.bytes, 0);
      const js = requests.filter((r) => r.type === 'script').reduce((s, r) => s + r.body, 0);
      const encodings = [...new Set(requests.map((r) => `${r.type}:${r.encoding ?? 'none'}`))].sort().join(' ');
      console.log(`${path.padEnd(34)} ${String(requests.length).padStart(8)} ${kb(total).padStart(12)} ${kb(js).padStart(10)}  ${encodings}`);
    }
    console.log(`\nTime to a usable quiz on ${modulePage} (start button on screen and enabled, from navigation):`);
    for (const [name, profile] of Object.entries(PROFILES)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await load(browser, modulePage, profile, { quiz: true }));
      const repeat = await load(browser, modulePage, profile, { quiz: true, repeat: true });
      console.log(`  ${name.padEnd(48)} cold ${(median(runs.map((r) => r.usable)) / 1000).toFixed(2)} s (runs: ${runs.map((r) => (r.usable / 1000).toFixed(2)).join(', ')}), repeat view ${(repeat.usable / 1000).toFixed(2)} s with ${repeat.requests.filter((r) => r.status !== 304 && r.bytes > 0).length} of ${repeat.requests.length} requests carrying a body`);
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchNetwork();
