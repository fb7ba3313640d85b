// Vite wraps every dynamic import() in the browser's code in its preload helper, `__vitePreload`:
// a shared chunk of about 0.9 KB gzip (one more request) that every island with a lazy part loads
// at once, only to add <link rel="modulepreload"> for the lazy chunk's imports before importing it.
// This plugin puts a few-line helper that does the same (the same dependency lists, the same links)
// in each chunk that needs it instead, so the shared chunk is not loaded. What it leaves out: the
// `vite:preloadError` event (nothing here listens to it) and waiting for CSS (every stylesheet is
// inlined: astro.config.mjs `inlineStylesheets: 'always'`; a CSS dependency fails the build here).

const HELPER_IMPORT = /^import \{ (\w+) as __vitePreload \} from "\.\/(preload-helper\.[^"]+\.js)";\n/m;

/**
 * @param {string} base the site's base path (config.base), which the dependency lists are relative to
 * @returns {string} the helper's source, named __vitePreload as in the code Vite wrote
 */
const helper = (base) =>
  `const __vitePreload = (load, deps) => {
  for (const dep of deps || []) {
    const href = ${JSON.stringify(base)} + dep;
    if (document.head.querySelector(\`link[href="\${href}"]\`)) continue;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
  return load();
};
`;

/** @returns {import('vite').Plugin[]} */
export function smallPreload() {
  let base = '/';
  /** @type {Record<string, { type: string; imports?: string[] }>} */
  let graph = {};
  /** A chunk and every chunk it imports statically, directly or not: loaded whenever it runs. */
  const staticClosure = (/** @type {string} */ fileName) => {
    const seen = new Set();
    const visit = (/** @type {string} */ f) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const next of graph[f]?.imports ?? []) visit(next);
    };
    visit(fileName);
    return seen;
  };
  const client = (/** @type {{ config: { consumer: string } }} */ environment) => environment.config.consumer === 'client';
  return [
    {
      name: 'small-preload',
      apply: 'build',
      applyToEnvironment: client,
      // What a lazy import preloads: the chunks it needs that its importer has not loaded already
      // (Vite lists them all, the imported chunk itself and the shared chunks included), and never
      // the helper chunk, which is gone.
      config: () => ({
        build: {
          modulePreload: {
            resolveDependencies: (file, deps, { hostId }) => {
              const loaded = staticClosure(hostId);
              return deps.filter((dep) => dep !== file && !loaded.has(dep) && !/(^|\/)preload-helper\.[^/]+\.js$/.test(dep));
            },
          },
        },
      }),
      configResolved(config) {
        base = config.base;
      },
      renderChunk: {
        order: 'post',
        handler(code, chunk) {
          if (!code.includes('__vitePreload') || /^preload-helper\./.test(chunk.fileName.split('/').pop() ?? '')) return null;
          if (!HELPER_IMPORT.test(code)) this.error(`small-preload: ${chunk.fileName} calls __vitePreload but its import of the helper has an unknown form`);
          return { code: code.replace(HELPER_IMPORT, helper(base)), map: null };
        },
      },
      // Vite's own generateBundle calls resolveDependencies above, which needs the chunk graph.
      generateBundle: {
        order: 'pre',
        handler(_options, bundle) {
          graph = /** @type {typeof graph} */ (/** @type {unknown} */ (bundle));
        },
      },
    },
    {
      name: 'small-preload:drop-helper',
      apply: 'build',
      applyToEnvironment: client,
      generateBundle: {
        order: 'post',
        handler(_options, bundle) {
          const chunks = /** @type {import('rollup').OutputChunk[]} */ (Object.values(bundle).filter((file) => file.type === 'chunk'));
          const helpers = chunks.filter((chunk) => /(^|\/)preload-helper\.[^/]+\.js$/.test(chunk.fileName));
          for (const chunk of chunks) {
            for (const css of chunk.code.match(/__vite__mapDeps=[^\n]*?\.css"/g) ?? [])
              this.error(`small-preload: ${chunk.fileName} preloads a stylesheet (${css.slice(-60)}), which this helper does not wait for`);
            for (const h of helpers) {
              const name = h.fileName.split('/').pop() ?? h.fileName;
              if (chunk !== h && new RegExp(`(?:from|import)\\s*\\(?["'][^"']*/${name.replace(/[.]/g, '\\.')}["']`).test(chunk.code)) this.error(`small-preload: ${chunk.fileName} still imports ${name}`);
              chunk.imports = chunk.imports.filter((file) => file !== h.fileName);
            }
          }
          for (const h of helpers) delete bundle[h.fileName];
        },
      },
    },
  ];
}
