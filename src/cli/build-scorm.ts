// `npm run build:scorm`: builds the course and writes, for each locale, a SCORM 1.2 and a SCORM
// 2004 (4th edition) package to dist-scorm/. Pass --no-build to package an existing build.
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { readLocalQuizzes } from '../lib/course/local-modules';
import { readFrontmatter, readQuizzes, readSeeds } from '../lib/course/read-sources';
import { institution } from '../server/institution';
import type { Locale } from '../lib/i18n/locales';
import { t } from '../lib/i18n/translate';
import { manifest12, manifest2004 } from '../lib/scorm/manifest';
import { relativiseHtml } from '../lib/scorm/relative-urls';

const root = process.cwd();
const site = join(root, 'dist', 'client');
const out = join(root, 'dist-scorm');
if (!process.argv.includes('--no-build')) execSync('npx astro build', { stdio: ['ignore', 'ignore', 'inherit'] });

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// The site, with every page's URLs made relative. The server-only JWKS, the 404 pages and the
// precompressed twins (.br, .gz: an LMS serves the plain files) stay out.
const files: Record<string, Uint8Array> = {};
for (const path of walk(site)) {
  const name = relative(site, path).split('\\').join('/');
  if (name.startsWith('.well-known/') || name === '404.html' || name.startsWith('en/404/') || /\.(br|gz)$/.test(name)) continue;
  files[name] = name.endsWith('.html') ? new TextEncoder().encode(relativiseHtml(readFileSync(path, 'utf8'), name)) : readFileSync(path);
}

// Suspend data follows the course order, the modules' order as the home page lists them.
const order = (id: string) => Number(readFrontmatter(readFileSync(join(root, 'modules', 'lv', `${id}.md`), 'utf8')).order);
const general = readQuizzes(root).sort((a, b) => order(a.moduleId) - order(b.moduleId));
// An institution's edition: its own modules after the course's, counted for completion as on the site.
const folder = institution()?.modules;
const localOrder = (id: string) => Number(readFrontmatter(readFileSync(join(folder!.dir, 'lv', `${id}.md`), 'utf8')).order);
const local = folder ? readLocalQuizzes(folder, readSeeds(root), general.map((q) => q.moduleId)).sort((a, b) => localOrder(a.moduleId) - localOrder(b.moduleId)) : [];
const quizzes = [...general, ...local];

mkdirSync(out, { recursive: true });
for (const locale of ['lv', 'en'] as Locale[]) {
  const bundle = await build({
    entryPoints: [join(root, 'src', 'scorm', 'launch.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    define: { __QUIZZES__: JSON.stringify(quizzes), __START__: JSON.stringify(`${locale}/index.html`) },
  });
  const title = t(locale, 'site.title');
  const launch = `<!doctype html>
<html lang="${locale === 'lv' ? 'lv-LV' : 'en-GB'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>html,body,iframe{margin:0;border:0;inline-size:100%;block-size:100%;display:block}</style>
</head>
<body>
<iframe id="course" title="${title}"></iframe>
<script src="scorm-launch.js"></script>
</body>
</html>
`;
  const packageFiles: Record<string, Uint8Array> = { ...files, 'scorm-launch.html': new TextEncoder().encode(launch), 'scorm-launch.js': bundle.outputFiles[0]!.contents };
  const list = Object.keys(packageFiles).sort();
  for (const version of ['1.2', '2004'] as const) {
    const info = { identifier: `smkurss-${locale}-scorm${version.replace('.', '')}`, title, launch: 'scorm-launch.html', files: list };
    const manifest = version === '1.2' ? manifest12(info) : manifest2004(info);
    const zip = zipSync({ 'imsmanifest.xml': new TextEncoder().encode(manifest), ...packageFiles }, { level: 9 });
    const name = `socialie-mediji-${locale}-scorm${version === '1.2' ? '12' : '2004'}.zip`;
    writeFileSync(join(out, name), zip);
    console.log(`dist-scorm/${name}: ${list.length + 1} files, ${(zip.length / 1024).toFixed(0)} KB`);
  }
}
