// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';
import { editionDate } from './scripts/edition-date.mjs';
import { outDirInsideProject } from './scripts/out-dir-inside.mjs';
import { precompressIntegration } from './scripts/precompress.mjs';
import { smallPreload } from './scripts/small-preload.mjs';
import { institution } from './src/server/institution.ts';
import { contentPreview } from './src/dev/content-preview.ts';
import { localFinalTestBank } from './scripts/local-final-test-bank.mjs';

// An institution's edition (INSTITUTION_FILE, see the README): checked before anything is built, so a
// broken file stops the build at once with every problem as `file › field: message`.
institution();

/** The Svelte runtime's input and select bindings and its {@html} block: see sharedChunk. */
const SVELTE_FORM_PARTS = /node_modules\/svelte\/src\/internal\/client\/dom\/(elements\/bindings\/(input|select)|blocks\/html)\.js$/;

/**
 * A few shared chunks, so a page needs few requests without loading what it does not use:
 * "core", what every page's islands load (the Svelte runtime and its Astro client, the seeded
 * shuffle); "store", the progress store and its shape checks (every page but the presenter);
 * "scenario", the scenario kinds, for the quiz player, the final test, the presenter and the phones
 * of a live room; "quiz", the attempt engine (drawing, positions, scoring) and the question views
 * for the quiz player and the final test.
 * @param {string} id
 */
function sharedChunk(id) {
  // Parts of the Svelte runtime the presenter does not use: the input bindings go with the progress
  // store (every page but the presenter loads it), the select binding and {@html} (the planner; the
  // certificate view and the live room's QR code) each in a chunk of their own.
  const svelteRare = SVELTE_FORM_PARTS.exec(id)?.[1];
  if (svelteRare) return svelteRare === 'elements/bindings/input' ? 'store' : svelteRare === 'blocks/html' ? 'svelte-html' : 'svelte-select';
  if (/node_modules\/(svelte|esm-env|nanostores|@nanostores|@astrojs\/svelte|clsx)\//.test(id)) return 'core';
  // The seeded shuffle (every page with scenarios, the presenter's too) and the message formatter.
  if (/\/src\/lib\/(quiz\/random|i18n\/format)\./.test(id)) return 'core';
  if (/\/src\/lib\/(progress\/(progress-store|progress-data|parse-progress|guarded-storage|progress-updates|small-store)|quiz\/attempt-shape)\./.test(id)) return 'store';
  // The islands' one way to wire a run or a store, and the SCORM page bridge: a few hundred bytes each, not worth a request.
  if (/\/src\/components\/use-actor\.svelte\.ts$/.test(id)) return 'core';
  if (/\/src\/components\/use-store\.svelte\.ts$|\/src\/lib\/scorm\/page-bridge\./.test(id)) return 'store';
  // What the certificate and verify pages both load at once (dates, editions, the QR summary's format), in one request.
  if (/\/src\/lib\/(certificate\/(date-text|edition-label|qr-summary|qr-summary-codec|qr-digits|decode-credential)|assert-never)\.|\/src\/components\/download-file\./.test(id)) return 'certificate';
  // The scenario kinds (what a scenario asks, its options, key and endings), for every page that shows
  // scenarios: the quiz player, the final test, the presenter and (lazily) the phones in a live room.
  if (/\/src\/lib\/quiz\/(kinds\/|(scenario|option-ids)\.)/.test(id)) return 'scenario';
  // The attempt engine (drawing, twin pairs, positions, scoring) and the question views (view.ts) only for the
  // pages where a learner answers: not the presenter's first load (its JS is at the 30 KB budget). Its summary,
  // loaded a few seconds after the page, names twins apart with twinPairs and so loads this chunk then.
  if (/\/src\/lib\/quiz\/(draw|twin-pairs|position|attempt|regrade|scoring|view)\./.test(id)) return 'quiz';
  return undefined;
}

/**
 * The shared chunks as rolldown groups, in the order they claim modules: a group also takes what
 * its modules import (rolldown's includeDependenciesRecursively) unless a group before it has it,
 * so the "quiz" engine does not swallow the scenario kinds it imports.
 */
const SHARED_CHUNKS = ['core', 'svelte-select', 'svelte-html', 'store', 'certificate', 'scenario', 'quiz'];
const codeSplitting = {
  groups: SHARED_CHUNKS.map((name, i) => ({ name, priority: SHARED_CHUNKS.length - i, test: (/** @type {string} */ id) => sharedChunk(id) === name })),
};

/** The groups that take only what sharedChunk names (in the browser's build; see sharedChunks). */
const NOT_RECURSIVE = ['core', 'svelte-select', 'svelte-html'];

/**
 * The groups go to each build environment here rather than in `vite.build`, because the browser's
 * build differs in one point: its "core" takes only the modules sharedChunk names, not everything
 * they import. Svelte's own `svelte` entry imports its runtime's barrel, which would otherwise pull
 * the input and select bindings and {@html} into "core" and so onto the presenter, which uses none
 * of them (the other groups still take their dependencies). Rolldown allows that only
 * when an entry chunk may gain exports; the islands' entries are only ever imported, so that is
 * safe. The server's chunks keep the groups as they were.
 * @returns {import('vite').Plugin}
 */
function sharedChunks() {
  return {
    name: 'shared-chunks',
    // Svelte's package declares no side effects either way, so rolldown keeps a bare import of
    // these files (imported by the runtime's barrel and by attributes.js) in "core" for their
    // order; they only declare functions, so nothing is lost without it.
    transform(_code, id) {
      if (SVELTE_FORM_PARTS.test(id)) return { moduleSideEffects: false };
    },
    configEnvironment(name) {
      if (name !== 'client') return { build: { rolldownOptions: { output: { codeSplitting } } } };
      const groups = codeSplitting.groups.map((group) => (NOT_RECURSIVE.includes(group.name) ? { ...group, includeDependenciesRecursively: false } : group));
      return { build: { rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { codeSplitting: { groups } } } } };
    },
  };
}

/** SITE_URL checked at build: an http(s) origin, or nothing. @param {string | undefined} value */
function siteUrl(value) {
  if (!value) return undefined;
  let url;
  try { url = new URL(value); } catch { throw new Error(`SITE_URL must be an absolute http(s) URL such as https://kurss.example.lv, not "${value}"`); }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL must start with https:// or http://, not "${value}"`);
  return url.origin;
}

export default defineConfig({
  // The public origin the course is served from, when known at build (SITE_URL=https://…): it makes
  // the pages' hreflang alternates absolute, as search engines require; without it there are none
  // (a relative or made-up origin is an invalid alternate, which Lighthouse's SEO audit flags).
  site: siteUrl(process.env.SITE_URL),
  output: 'static',
  trailingSlash: 'always',
  // precompress: .br and .gz twins of every text file for scripts/start.mjs (scripts/precompress.mjs).
  // contentPreview: the reviewer's page of every scenario with its key, for `astro dev` only.
  // outDirInsideProject: `--outDir` outside the project stops the build at once (scripts/out-dir-inside.mjs).
  integrations: [outDirInsideProject(), svelte(), precompressIntegration(), contentPreview()],
  // No syntax highlighting: lessons hold no code blocks, and Shiki's inline styles made every build
  // and dev start warn that it is not compatible with the Content-Security-Policy.
  markdown: { syntaxHighlight: false },
  // One Node server serves the static pages and the certificate API (routes with prerender = false);
  // dist/client alone is a complete static site for hosting without the server.
  adapter: node({ mode: 'standalone' }),
  // Styles inline: every page's CSS is a few KB, and on a slow link a request costs more than the bytes.
  build: { inlineStylesheets: 'always' },
  // The course is self-contained: no prefetching across origins, no telemetry in the browser.
  devToolbar: { enabled: false },
  // The course edition's date, the same for the pages and the certificate API (see scripts/edition-date.mjs).
  vite: {
    // `astro build` keeps its own dependency-optimiser cache: `astro check` and `astro dev` write the
    // shared one with another configuration, and each build then re-optimised (about 6 s of ~30).
    ...(process.argv.includes('build') ? { cacheDir: 'node_modules/.vite-build' } : {}),
    // Each lazy import's preload in a few lines of its own chunk, not Vite's shared helper (scripts/small-preload.mjs).
    // Fewer requests without dead weight: see sharedChunk and sharedChunks above.
    // The institution's own final-test items, bundled into the server beside the course's bank.
    plugins: [...smallPreload(), sharedChunks(), localFinalTestBank()],
    define: { 'import.meta.env.COURSE_EDITION_DATE': JSON.stringify(editionDate()) },
  },
  security: {
    // Every page carries a <meta> Content-Security-Policy: scripts and styles only from this origin
    // or, for Astro's inline island loaders and inlined stylesheets, by their SHA-256 hash. What a
    // <meta> cannot say (frame-ancestors) the server adds as a header: see src/server/security-headers.mjs.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
