/**
 * Rewrites a built page's root-absolute URLs (`/lv/…`, `/_astro/…`) to relative ones, so the
 * SCORM package works from whatever folder an LMS unpacks it into. Folder links get an explicit
 * `index.html`, because LMS file servers rarely serve a directory's index.
 */
export function relativeUrl(path: string, fromFile: string): string {
  const [pathname, rest = ''] = splitSuffix(path);
  const depth = fromFile.split('/').length - 1;
  const prefix = depth ? '../'.repeat(depth) : './';
  const target = pathname.replace(/^\//, '');
  return prefix + (target === '' || target.endsWith('/') ? `${target}index.html` : target) + rest;
}

function splitSuffix(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

const ATTRIBUTE = /(\s(?:href|src|component-url|renderer-url|action|poster)=")(\/(?!\/)[^"]*)"/g;
const REFRESH = /(<meta http-equiv="refresh" content="\d+;\s*url=)(\/[^"]*)"/g;
// Paths inside island props, which Astro writes as HTML-escaped JSON.
const PROP_PATH = /&quot;(\/(?:lv|en|_astro)\/[^&"]*)&quot;/g;

export function relativiseHtml(html: string, file: string): string {
  return html
    .replace(ATTRIBUTE, (_, attr: string, path: string) => `${attr}${relativeUrl(path, file)}"`)
    .replace(REFRESH, (_, start: string, path: string) => `${start}${relativeUrl(path, file)}"`)
    .replace(PROP_PATH, (_, path: string) => `&quot;${relativeUrl(path, file)}&quot;`);
}
