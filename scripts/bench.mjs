// Benchmark: builds the site, then prints for every built page its HTML, JavaScript and CSS bytes
// (raw and gzip) and the total transfer, against the budgets in DESIGN.md. Figures, not pass/fail
// tests; `--check` makes it exit non-zero when a budget is exceeded.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// With the Node adapter the static site (what browsers download) is dist/client.
const dist = existsSync('dist/client') ? 'dist/client' : 'dist';
const BUDGET = { js: 40 * 1024, css: 20 * 1024, modulePage: 150 * 1024, buildSeconds: 30 };

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
  const isModule = /\/(moduli|modules)\//.test(url);
  if (js.gzip > BUDGET.js) over.push(`${url}: JS ${kb(js.gzip)} KB gzip > 40 KB`);
  if (css.gzip > BUDGET.css) over.push(`${url}: CSS ${kb(css.gzip)} KB gzip > 20 KB`);
  if (isModule && total > BUDGET.modulePage) over.push(`${url}: transfer ${kb(total)} KB > 150 KB`);
  rows.push([url, htmlSize, js, css, total]);
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('page', 48)}  ${'HTML raw/gzip KB'.padStart(17)}  ${'JS raw/gzip KB'.padStart(15)}  ${'CSS raw/gzip KB'.padStart(15)}  ${'total gzip KB'.padStart(13)}`);
for (const [url, h, j, c, total] of rows)
  console.log(`${pad(url, 48)}  ${kb(h.raw)} /${kb(h.gzip)}  ${kb(j.raw)} /${kb(j.gzip)}  ${kb(c.raw)} /${kb(c.gzip)}  ${kb(total).padStart(13)}`);
console.log(`\nBudgets: JS ≤ 40 KB gzip per page, CSS ≤ 20 KB gzip, module page transfer ≤ 150 KB, build ≤ 30 s.`);
console.log(`Build time: ${buildSeconds.toFixed(1)} s${process.argv.includes('--no-build') ? ' (skipped: --no-build)' : ''}`);
if (!process.argv.includes('--no-build') && buildSeconds > BUDGET.buildSeconds) over.push(`build ${buildSeconds.toFixed(1)} s > 30 s`);
console.log(over.length ? `Over budget:\n  ${over.join('\n  ')}` : 'All pages within budget.');
console.log('\nBest blind score per quiz (always the longest option, most words, first, last, constant choices):');
execSync('npx tsx src/cli/bench-blind.ts', { stdio: 'inherit' });
console.log('\nCertificate verification (the verify page and npm run verify use the same code):');
execSync('npx tsx src/cli/bench-verify.ts', { stdio: 'inherit' });
registerLoadTest();
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

