// Part of `npm run bench` (not of `npm test`: about 15 s a page): Lighthouse 12 (pinned; 13 needs a
// newer Node than some machines here) with its default mobile preset — a Moto G-class phone,
// simulated slow 4G and 4× CPU — for performance and accessibility on every kind of page in both
// locales, against `npm start` on 127.0.0.1 (bench-network.mjs starts it) in Debian's Chromium.
// Each page is the median of 3 runs (BENCH_LIGHTHOUSE_RUNS); the host's benchmark index is printed
// beside it, because on a shared 2-core machine total blocking time follows the load of the machine.
// Best practices and SEO are measured and printed too (no budget). BENCH_LIGHTHOUSE_SAVE=dir keeps
// every run's full report (dir/<kind>-<locale>-<run>.json) to read the audits behind a score.
// Prints the scores and, below the budget (performance 95, accessibility 100), what pulls them down.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { ORIGIN, startServer, stopServer } from './bench-network.mjs';

export const LIGHTHOUSE_BUDGET = { performance: 95, accessibility: 100 };
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/** Every kind of page in both locales; the module is the first one on the home page. */
export function lighthousePages() {
  const firstModule = (locale, section) => {
    const home = readFileSync(`dist/client/${locale}/index.html`, 'utf8');
    const id = home.match(new RegExp(`href="/${locale}/${section}/([a-z0-9-]+)/"`))?.[1];
    if (!id) throw new Error(`no module link on /${locale}/`);
    return `/${locale}/${section}/${id}/`;
  };
  return [
    ['home', '/lv/', '/en/'],
    ['module', firstModule('lv', 'moduli'), firstModule('en', 'modules')],
    ['progress', '/lv/progress/', '/en/progress/'],
    ['certificate', '/lv/sertifikats/', '/en/certificate/'],
    ['verify', '/lv/parbaudit/', '/en/verify/'],
    ['presenter', '/lv/prezentacija/', '/en/present/'],
    ['planner', '/lv/darbnica/', '/en/workshop/'],
    ['final test', '/lv/nosleguma-tests/', '/en/final-test/'],
    // Lighthouse refuses to audit a response with status 404, so the 404 pages are audited where
    // they are also files (/404.html and /en/404/, served with 200); the markup is the same.
    ['404', '/404.html', '/en/404/'],
  ]
    .filter(([kind]) => !process.env.BENCH_LIGHTHOUSE_ONLY || process.env.BENCH_LIGHTHOUSE_ONLY.split(',').includes(kind))
    .flatMap(([kind, lv, en]) => [{ kind, locale: 'lv', path: lv }, { kind, locale: 'en', path: en }]);
}

/** Runs Lighthouse on every page; returns the rows and the budget misses (as text). */
export async function benchLighthouse({ serverRunning = false } = {}) {
  const server = serverRunning ? undefined : await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', ...chromiumArgs],
    // Only what is needed: no default flags that reach out (chrome-launcher's own defaults are safe offline).
  });
  const rows = [];
  const misses = [];
  try {
    console.log(`\nLighthouse ${lighthouseVersion()} (mobile preset: simulated slow 4G, 4× CPU), ${ORIGIN}; budget performance ≥ ${LIGHTHOUSE_BUDGET.performance}, accessibility = ${LIGHTHOUSE_BUDGET.accessibility}:`);
    console.log(`${'page'.padEnd(12)} ${'locale'.padEnd(6)} ${'path'.padEnd(40)} ${'perf'.padStart(4)} ${'a11y'.padStart(4)} ${'bp'.padStart(4)} ${'seo'.padStart(4)}  FCP / LCP / TBT / CLS`);
    const saveDir = process.env.BENCH_LIGHTHOUSE_SAVE;
    if (saveDir) mkdirSync(saveDir, { recursive: true });
    for (const page of lighthousePages()) {
      // The median of RUNS runs by performance score (Lighthouse's own advice for noisy machines);
      // a run that fails to record its trace is tried again, at most twice.
      const runs = [];
      for (let attempt = 0; runs.length < RUNS && attempt < RUNS + 2; attempt++) {
        const result = await lighthouse(ORIGIN + page.path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
        if (result && !result.lhr.runtimeError) {
          runs.push(result.lhr);
          if (saveDir) writeFileSync(`${saveDir}/${page.kind.replace(/\W/g, '-')}-${page.locale}-${runs.length}.json`, JSON.stringify(result.lhr));
        }
      }
      if (runs.length === 0) {
        misses.push(`${page.path}: Lighthouse could not measure the page`);
        console.log(`${page.kind.padEnd(12)} ${page.locale.padEnd(6)} ${page.path.padEnd(40)} (no run recorded a trace)`);
        continue;
      }
      const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const lhr = runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'))[Math.floor(runs.length / 2)];
      const metric = (id) => lhr.audits[id]?.displayValue ?? '?';
      const row = { ...page, performance: score(lhr, 'performance'), accessibility: Math.min(...runs.map((r) => score(r, 'accessibility'))), bestPractices: Math.min(...runs.map((r) => score(r, 'best-practices'))), seo: Math.min(...runs.map((r) => score(r, 'seo'))), runs: runs.map((r) => score(r, 'performance')) };
      rows.push(row);
      console.log(`${page.kind.padEnd(12)} ${page.locale.padEnd(6)} ${page.path.padEnd(40)} ${String(row.performance).padStart(4)} ${String(row.accessibility).padStart(4)} ${String(row.bestPractices).padStart(4)} ${String(row.seo).padStart(4)}  ${['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map(metric).join(' / ')}  (runs ${row.runs.join(', ')}; host benchmark index ${Math.round(lhr.environment.benchmarkIndex)})`);
      if (row.performance < LIGHTHOUSE_BUDGET.performance) misses.push(`${page.path}: Lighthouse performance ${row.performance} < ${LIGHTHOUSE_BUDGET.performance}`);
      if (row.accessibility < LIGHTHOUSE_BUDGET.accessibility) {
        const worst = runs.find((r) => score(r, 'accessibility') === row.accessibility);
        const failing = worst.categories.accessibility.auditRefs.filter((ref) => ref.weight > 0 && (worst.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
        misses.push(`${page.path}: Lighthouse accessibility ${row.accessibility} < 100 (${failing.join(', ')})`);
      }
    }
  } finally {
    await chrome.kill();
    if (server) await stopServer(server);
  }
  return { rows, misses };
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url), 'utf8')).version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { misses } = await benchLighthouse();
  console.log(misses.length ? `\nFAIL — Lighthouse below budget:\n  ${misses.join('\n  ')}` : '\nLighthouse: every page within budget.');
  process.exit(misses.length ? 1 : 0);
}
