// Benchmark: builds the site, then prints for every built page its HTML, JavaScript and CSS bytes
// (raw and gzip) and the total transfer, against the budgets in DESIGN.md. Figures, not pass/fail
// tests; `--check` makes it exit non-zero when a budget is exceeded. Then (bench-network.mjs) the
// same pages over the wire from `npm start`, and the throttled time to a usable quiz
// (`--no-network` skips that part).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchNetwork } from './bench-network.mjs';

// With the Node adapter the static site (what browsers download) is dist/client.
const dist = existsSync('dist/client') ? 'dist/client' : 'dist';
const BUDGET = { js: 40 * 1024, moduleJs: 30 * 1024, moduleRequests: 10, css: 20 * 1024, modulePage: 150 * 1024, buildSeconds: 30 };

const started = process.hrtime.bigint();
if (!process.argv.includes('--no-build')) execSync('npx astro build', { stdio: ['ignore', 'ignore', 'inherit'] });
const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;

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
  if (isModule && js.gzip > BUDGET.moduleJs) over.push(`${url}: JS ${kb(js.gzip)} KB gzip > 30 KB (module page)`);
  if (isModule && requests > BUDGET.moduleRequests) over.push(`${url}: ${requests} requests > 10 (module page)`);
  if (js.gzip > BUDGET.js) over.push(`${url}: JS ${kb(js.gzip)} KB gzip > 40 KB`);
  if (css.gzip > BUDGET.css) over.push(`${url}: CSS ${kb(css.gzip)} KB gzip > 20 KB`);
  if (isModule && total > BUDGET.modulePage) over.push(`${url}: transfer ${kb(total)} KB > 150 KB`);
  rows.push([url, htmlSize, js, css, total, requests]);
}

// The presenter's first load: its page, scripts and styles, plus the data file of the plan's first
// module (the largest, as the worst case); later modules load while the trainer presents.
const PRESENTER_BUDGET = 60 * 1024;
const presenterData = ['lv', 'en'].flatMap((locale) => {
  const dir = join(dist, locale, 'presenter-data');
  return existsSync(dir) ? readdirSync(dir).map((name) => ({ path: join(dir, name), gzip: gz(readFileSync(join(dir, name))) })) : [];
});
const largestData = presenterData.reduce((a, b) => (b.gzip > a.gzip ? b : a), { path: '(none)', gzip: 0 });
const presenterFirstLoad = rows
  .filter(([url]) => /^\/(lv\/prezentacija|en\/present)\/$/.test(url))
  .map(([url, h, j, c]) => ({ url, total: h.gzip + j.gzip + c.gzip + largestData.gzip }));
for (const p of presenterFirstLoad) if (p.total > PRESENTER_BUDGET) over.push(`${p.url}: presenter first load ${kb(p.total)} KB gzip > 60 KB`);

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('page', 48)}  ${'HTML raw/gzip KB'.padStart(17)}  ${'JS raw/gzip KB'.padStart(15)}  ${'CSS raw/gzip KB'.padStart(15)}  ${'total gzip KB'.padStart(13)}  requests`);
for (const [url, h, j, c, total, requests] of rows)
  console.log(`${pad(url, 48)}  ${kb(h.raw)} /${kb(h.gzip)}  ${kb(j.raw)} /${kb(j.gzip)}  ${kb(c.raw)} /${kb(c.gzip)}  ${kb(total).padStart(13)}  ${String(requests).padStart(8)}`);
console.log(`\nPresenter first load (page + JS + CSS + largest module data file, ${relative(dist, largestData.path)} ${kb(largestData.gzip)} KB gzip; budget 60 KB):`);
for (const p of presenterFirstLoad) console.log(`  ${pad(p.url, 24)} ${kb(p.total)} KB gzip`);
console.log(`Presenter data files: ${presenterData.length}, ${kb(presenterData.reduce((n, d) => n + d.gzip, 0))} KB gzip in all (fetched per module of the plan)`);
console.log(`\nBudgets: JS ≤ 40 KB gzip per page, module page JS ≤ 30 KB gzip and ≤ 10 requests (HTML, scripts, styles, icon), CSS ≤ 20 KB gzip, module page transfer ≤ 150 KB, build ≤ 30 s.`);
console.log(`Build time: ${buildSeconds.toFixed(1)} s${process.argv.includes('--no-build') ? ' (skipped: --no-build)' : ''}`);
if (!process.argv.includes('--no-build') && buildSeconds > BUDGET.buildSeconds) over.push(`build ${buildSeconds.toFixed(1)} s > 30 s`);
console.log(over.length ? `Over budget:\n  ${over.join('\n  ')}` : 'All pages within budget.');
console.log('\nBest blind score per quiz (always the longest option, most words, first, last, constant choices):');
execSync('npx tsx src/cli/bench-blind.ts', { stdio: 'inherit' });
console.log('\nCertificate verification (the verify page and npm run verify use the same code):');
execSync('npx tsx src/cli/bench-verify.ts', { stdio: 'inherit' });
registerLoadTest();
if (!process.argv.includes('--no-network')) await benchNetwork();
if (over.length && process.argv.includes('--check')) process.exit(1);

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

