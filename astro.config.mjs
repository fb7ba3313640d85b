// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';

export default defineConfig({
  site: 'https://example.invalid',
  output: 'static',
  trailingSlash: 'always',
  integrations: [svelte()],
  build: { inlineStylesheets: 'auto' },
  // The course is self-contained: no prefetching across origins, no telemetry in the browser.
  devToolbar: { enabled: false },
});
