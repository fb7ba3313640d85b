import type { AstroIntegration } from 'astro';

/** Where the preview's route file lives: outside src/pages, so `astro build` never sees it. */
export const PREVIEW_ENTRYPOINT = './src/dev/[locale]/[preview].astro';

/**
 * The content preview (`/lv/satura-prieksskatijums/`, `/en/content-preview/`): every scenario with
 * its key, feedback and sources, for the reviewer who signs off the text. Injected for `astro dev`
 * only: the key of the final test's bank must never reach a published site, so the page is not
 * gated at run time but absent from every build.
 */
export function contentPreview(): AstroIntegration {
  return {
    name: 'content-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/[locale]/[preview]', entrypoint: PREVIEW_ENTRYPOINT, prerender: true });
      },
    },
  };
}
