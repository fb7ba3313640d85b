// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';

export default defineConfig({
  site: 'https://example.invalid',
  output: 'static',
  trailingSlash: 'always',
  integrations: [svelte()],
  // One Node server serves the static pages and the certificate API (routes with prerender = false);
  // dist/client alone is a complete static site for hosting without the server.
  adapter: node({ mode: 'standalone' }),
  build: { inlineStylesheets: 'auto' },
  // The course is self-contained: no prefetching across origins, no telemetry in the browser.
  devToolbar: { enabled: false },
});
