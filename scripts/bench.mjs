// Benchmark: builds the site (timing each phase of the build), then prints for every built page its
// HTML, JavaScript and CSS (gzip), the total and the requests, against the budgets in DESIGN.md
// (JavaScript ≤ 30 KB gzip on every page, CSS ≤ 20 KB, a module page ≤ 10 requests and ≤ 60 KB, the
// presenter's first load ≤ 60 KB, build ≤ 30 s, Lighthouse mobile performance ≥ 95 and
// accessibility 100). A missed budget prints a FAIL line and makes the bench exit 1 at the end.
// Then (bench-network.mjs) the same pages over the wire from `npm start`, the throttled time to a
// usable quiz, and Lighthouse on every kind of page in both locales (bench-lighthouse.mjs).
// `--no-build` measures the last build; `--no-network` skips the server parts (and Lighthouse);
// `--no-lighthouse` skips only Lighthouse.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { benchNetwork } from './bench-network.mjs';
import { benchLighthouse } from './bench-lighthouse.mjs';

const BUDGET = { js: 30 * 1024, moduleRequests: 10, css: 20 * 1024, modulePage: 60 * 1024, buildSeconds: 30 };

const { seconds: buildSeconds, phases } = process.argv.includes('--no-build') ? { seconds: 0, phases: [] } : await timedBuild();
// With the Node adapter the static site (what browsers download) is dist/client. Decided after the
// build: on a fresh clone there is no dist/ before it, and the pages would be read from the wrong root.
const dist = existsSync('dist/client') ? 'dist/client' : 'dist';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const read = (urlPath) => readFileSync(join(dist, urlPath));

/** Every JS file a page loads: script tags, island components and renderers, and their static imports. */
function scriptsOf(html) {
  const entries = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) entries.add(m[1]);
  for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) entries.add(m[1]);
  const seen = new Set();
  const visit = (url) => {
    if (seen.has(url) || !url.startsWith('/')) return;
    seen.add(url);
    const code = read(url).toString();
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) visit(posix.join(posix.dirname(url), m[1]));
  };
  entries.forEach(visit);
  return [...seen];
}

function sizeOf(files) {
  return files.reduce((acc, f) => { const b = read(f); return { raw: acc.raw + b.length, gzip: acc.gzip + gz(b) }; }, { raw: 0, gzip: 0 });
}

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.html') ? [path] : [];
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(6);
const rows = [];
let over = [];
for (const file of pages(dist).sort()) {
  const url = '/' + relative(dist, file).split('\\').join('/').replace(/index\.html$/, '');
  const htmlBuf = readFileSync(file);
  const html = htmlBuf.toString();
  const js = sizeOf(scriptsOf(html));
  const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  const css = sizeOf(cssFiles);
  css.raw += Buffer.byteLength(inlineCss);
  css.gzip += inlineCss ? gz(Buffer.from(inlineCss)) : 0;
  const htmlSize = { raw: htmlBuf.length, gzip: gz(htmlBuf) };
  const total = htmlSize.gzip + js.gzip + (cssFiles.length ? sizeOf(cssFiles).gzip : 0);
  const isModule = /^\/(lv\/moduli|en\/modules)\/[^/]+\/$/.test(url);
  const icons = [...html.matchAll(/<link[^>]*rel="icon"[^>]*href="([^"]+)"/g)].length;
  const requests = 1 + scriptsOf(html).length + cssFiles.length + icons;
  if (js.gzip > BUDGET.js) over.push(`${url}: JS ${kb(js.gzip)} KB gzip > 30 KB`);
  if (css.gzip > BUDGET.css) over.push(`${url}: CSS ${kb(css.gzip)} KB gzip > 20 KB`);
  if (isModule && requests > BUDGET.moduleRequests) over.push(`${url}: ${requests} requests > 10 (module page)`);
  if (isModule && total > BUDGET.modulePage) over.push(`${url}: transfer ${kb(total)} KB gzip > 60 KB (module page)`);
  rows.push([url, htmlSize, js, css, total, requests]);
}

// The presenter's first load: its page, scripts and styles, plus the data file of the plan's first
// module (the largest, as the worst case); later modules load while the trainer presents.
const PRESENTER_BUDGET = 60 * 1024;
const presenterData = ['lv', 'en'].flatMap((locale) => {
  const dir = join(dist, locale, 'presenter-data');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => ({ path: join(dir, name), gzip: gz(readFileSync(join(dir, name))) })) : [];
});
const largestData = presenterData.reduce((a, b) => (b.gzip > a.gzip ? b : a), { path: '(none)', gzip: 0 });
const presenterFirstLoad = rows
  .filter(([url]) => /^\/(lv\/prezentacija|en\/present)\/$/.test(url))
  .map(([url, h, j, c]) => ({ url, total: h.gzip + j.gzip + c.gzip + largestData.gzip }));
for (const p of presenterFirstLoad) if (p.total > PRESENTER_BUDGET) over.push(`${p.url}: presenter first load ${kb(p.total)} KB gzip > 60 KB`);

const pad = (s, n) => String(s).padEnd(n);
const mark = (n, budget) => (n > budget ? ' ✗' : '  ');
console.log(`\n${pad('page', 48)}  ${'HTML gzip'.padStart(9)}  ${'JS gzip'.padStart(9)}  ${'CSS gzip'.padStart(9)}  ${'total gzip'.padStart(10)}  requests   (KB; JS raw)`);
for (const [url, h, j, c, total, requests] of rows)
  console.log(`${pad(url, 48)}  ${kb(h.gzip).padStart(9)}  ${kb(j.gzip).padStart(7)}${mark(j.gzip, BUDGET.js)}  ${kb(c.gzip).padStart(7)}${mark(c.gzip, BUDGET.css)}  ${kb(total).padStart(10)}  ${String(requests).padStart(8)}   (${kb(j.raw).trim()})`);
const largestJs = rows.reduce((a, b) => (b[2].gzip > a[2].gzip ? b : a));
console.log(`\nLargest page JavaScript: ${largestJs[0]} ${kb(largestJs[2].gzip).trim()} KB gzip. Code loaded only when needed (the QR encoder, the certificate verifier on the certificate page, the CSV writer) is not counted: it is not loaded with the page.`);
console.log(`\nPresenter first load (page + JS + CSS + largest module data file, ${relative(dist, largestData.path)} ${kb(largestData.gzip)} KB gzip; budget 60 KB):`);
for (const p of presenterFirstLoad) console.log(`  ${pad(p.url, 24)} ${kb(p.total)} KB gzip`);
console.log(`Presenter data files: ${presenterData.length}, ${kb(presenterData.reduce((n, d) => n + d.gzip, 0))} KB gzip in all (fetched per module of the plan)`);
// The module page's quiz fetches, once it is usable (at idle), its data file (feedback and sources)
// and the feedback views' chunk: not needed to start answering, so not in the page's total, but shown.
const quizData = ['lv', 'en'].flatMap((locale) => {
  const dir = join(dist, locale, 'quiz-data');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => ({ path: join(dir, name), gzip: gz(readFileSync(join(dir, name))) })) : [];
});
if (quizData.length) {
  const largestQuizData = quizData.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const views = readdirSync(join(dist, '_astro')).filter((name) => /^quiz-answer-views\..*\.js$/.test(name));
  const viewsGzip = views.reduce((n, name) => n + gz(read(`/_astro/${name}`)), 0);
  const largestModule = rows.filter(([url]) => /^\/(lv\/moduli|en\/modules)\/[^/]+\/$/.test(url)).reduce((a, b) => (b[4] > a[4] ? b : a), [null, 0, 0, 0, 0]);
  console.log(`\nModule page, fetched at idle once the quiz is usable: its quiz data file (largest ${relative(dist, largestQuizData.path)} ${kb(largestQuizData.gzip).trim()} KB gzip) and the feedback views ${kb(viewsGzip).trim()} KB gzip; the largest module page with both: ${kb(largestModule[4] + largestQuizData.gzip + viewsGzip).trim()} KB.`);
}
console.log(`\nBudgets: JS ≤ 30 KB gzip on every page, CSS ≤ 20 KB gzip, module page ≤ 10 requests (HTML, scripts, styles, icon) and ≤ 60 KB gzip, presenter first load ≤ 60 KB, build ≤ 30 s.`);
if (process.argv.includes('--no-build')) console.log('Build time: (skipped: --no-build)');
else {
  console.log(`Build time: ${buildSeconds.toFixed(1)} s (npx astro build, wall clock; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores). Phases, from Astro's log:`);
  for (const [phase, secs] of phases) console.log(`  ${pad(phase, 44)} ${secs.toFixed(1).padStart(6)} s`);
  if (buildSeconds > BUDGET.buildSeconds) over.push(`build ${buildSeconds.toFixed(1)} s > 30 s`);
}
report('Sizes and build');
console.log('\nBest blind score per quiz (always the longest option, most words, first, last, constant choices):');
execSync('npx tsx src/cli/bench-blind.ts', { stdio: 'inherit' });
console.log('\nCertificate verification (the verify page and npm run verify use the same code):');
execSync('npx tsx src/cli/bench-verify.ts', { stdio: 'inherit' });
registerLoadTest();
roomsLoadTest();
if (!process.argv.includes('--no-network')) {
  await benchNetwork();
  if (!process.argv.includes('--no-lighthouse')) over.push(...(await benchLighthouse()).misses);
}
report('All budgets');
if (over.length) process.exit(1);

/** Prints the budget misses so far, loudly, or that there are none. */
function report(what) {
  if (over.length) console.log(`\n${'!'.repeat(78)}\nFAIL — ${what}: ${over.length} budget(s) missed:\n  ${over.join('\n  ')}\n${'!'.repeat(78)}`);
  else console.log(`\n${what}: every budget met.`);
}

/**
 * The live rooms under load (scripts/bench-rooms.mjs): 300 phones answering in one room, on one
 * server and on two sharing PostgreSQL, over loopback; it exits non-zero when an answer is lost or
 * a connection dropped.
 */
function roomsLoadTest() {
  console.log('\nThe live rooms under load (simulated phones over HTTP and server-sent events):');
  try {
    execSync(`"${process.execPath}" scripts/bench-rooms.mjs`, { stdio: 'inherit' });
  } catch {
    over.push('live-room load test: a lost answer, a dropped connection or a refused answer');
  }
}

/**
 * `npx astro build`, timed as a whole and per phase: Astro's log lines carry a clock time, so each
 * phase is the time from its line to the next one (content sync with the quiz checks, type
 * generation, the server and client bundles, prerendering, precompression).
 */
async function timedBuild() {
  const started = Date.now();
  const lines = [];
  await new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    const take = (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) lines.push({ at: Date.now(), line });
    };
    child.stdout.on('data', take);
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      take(d);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`))));
  });
  const seconds = (Date.now() - started) / 1000;
  // A phase starts at a tagged line ([content], [types], [build] …) and lasts until the next tagged line.
  const tagged = lines.map(({ at, line }) => ({ at, line: line.replace(/\x1b\[[0-9;]*m/g, '') })).filter(({ line }) => /^\d\d:\d\d:\d\d \[[^\]]+\]/.test(line) || /prerendering static routes/.test(line));
  const phases = [['start-up (config, Vite, dependency optimisation)', ((tagged[0]?.at ?? Date.now()) - started) / 1000]];
  for (let i = 0; i < tagged.length; i++) {
    const end = tagged[i + 1]?.at ?? started + seconds * 1000;
    const name = tagged[i].line.replace(/^\d\d:\d\d:\d\d /, '').slice(0, 44);
    const secs = (end - tagged[i].at) / 1000;
    if (secs >= 0.5) phases.push([name, secs]);
  }
  return { seconds, phases };
}

/**
 * The issuer's register under load (src/cli/bench-register.ts): 1,000 certificate requests from 20
 * clients against one server on SQLite and two servers on PostgreSQL, on loopback ports 4560–4562;
 * it needs the build above and exits non-zero when a certificate is lost or an index repeats.
 */
function registerLoadTest() {
  console.log('\nThe issuer\'s register under load (certificate requests over HTTP, re-graded, signed and recorded):');
  try {
    execSync('npx tsx src/cli/bench-register.ts', { stdio: 'inherit' });
  } catch {
    over.push('register load test: errors, a lost certificate or a duplicate status-list index');
  }
}

