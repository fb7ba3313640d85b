// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';
import { editionDate } from './scripts/edition-date.mjs';
import { precompressIntegration } from './scripts/precompress.mjs';

/** @param {string} id */
function sharedChunk(id) {
  if (/node_modules\/(svelte|nanostores|@nanostores|@astrojs\/svelte)\//.test(id)) return 'core';
  if (/\/src\/lib\/(progress|quiz\/(kinds|scenario|random|option-ids|draw|position|attempt|regrade|scoring)|i18n\/translate)[/.]/.test(id)) return 'core';
  return undefined;
}

export default defineConfig({
  site: 'https://example.invalid',
  output: 'static',
  trailingSlash: 'always',
  // precompress: .br and .gz twins of every text file for scripts/start.mjs (scripts/precompress.mjs).
  integrations: [svelte(), precompressIntegration()],
  // One Node server serves the static pages and the certificate API (routes with prerender = false);
  // dist/client alone is a complete static site for hosting without the server.
  adapter: node({ mode: 'standalone' }),
  // Styles inline: every page's CSS is a few KB, and on a slow link a request costs more than the bytes.
  build: { inlineStylesheets: 'always' },
  // The course is self-contained: no prefetching across origins, no telemetry in the browser.
  devToolbar: { enabled: false },
  // The course edition's date, the same for the pages and the certificate API (see scripts/edition-date.mjs).
  vite: {
    define: { 'import.meta.env.COURSE_EDITION_DATE': JSON.stringify(editionDate()) },
    // Fewer requests: what every page loads anyway (the Svelte runtime and its Astro client, the
    // progress store and what it validates with) travels as one chunk instead of six small ones.
    build: { rollupOptions: { output: { manualChunks: sharedChunk } } },
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
