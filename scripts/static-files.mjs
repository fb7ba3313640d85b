// Static files for `npm start` (scripts/start.mjs): the built site from dist/client, sent in the
// precompressed encoding the browser accepts (Brotli, else gzip, else as is; scripts/precompress.mjs
// writes the twins at build time), with caching headers: files under /_astro/ have a content hash
// in their name and are cached for a year (immutable); everything else (HTML, the favicon, the
// JWKS) must be revalidated on every use (no-cache, answered with 304 while unchanged). A request
// this layer does not answer (API routes, redirects, 404s) goes on to Astro's handler.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Address prefixes of the routes Astro renders on request: the API and the signed status lists. */
export const SERVER_ROUTES = ['/api/', '/status/'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The encodings a request accepts, by the Accept-Encoding header (q=0 refuses one). */
export function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name.trim());
  }
  return accepted;
}

const isFile = (path) => {
  try {
    const s = statSync(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A request handler for the static site in `root` (a file URL or path): returns true when it sent
 * the response, false to let the next handler answer.
 */
export function staticFiles(root) {
  const base = normalize(typeof root === 'string' ? root : fileURLToPath(root));
  const inside = (path) => path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);

  /** The file a URL path names, or undefined (a folder without its slash is Astro's to redirect). */
  function resolve(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0')) return undefined;
    const path = normalize(join(base, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
    if (!inside(path)) return undefined;
    const stat = isFile(path);
    return stat ? { path, stat } : undefined;
  }

  /** The English 404 page for English addresses, the Latvian one (with an English line) for the rest. */
  function notFoundPage(pathname) {
    return (pathname.startsWith('/en/') && resolve('/en/404/')) || resolve('/404.html');
  }

  function send(req, res, file, status = 200) {
    const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    let path = file.path;
    let size = file.stat.size;
    let encoding;
    for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.has(name)) continue;
      const twin = isFile(file.path + suffix);
      if (twin) {
        path = file.path + suffix;
        size = twin.size;
        encoding = name;
        break;
      }
    }
    const etag = `W/"${file.stat.size.toString(36)}-${Math.floor(file.stat.mtimeMs).toString(36)}"`;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', status === 200 && req.url.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    if (status === 200) {
      res.setHeader('ETag', etag);
      res.setHeader('Last-Modified', file.stat.mtime.toUTCString());
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim() === etag)) {
        res.statusCode = 304;
        res.end();
        return true;
      }
    }
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(size));
    res.statusCode = status;
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(path).on('error', () => res.destroy()).pipe(res);
    return true;
  }

  return function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url, 'http://localhost').pathname;
    // Routes the server renders (prerender = false): never a file, never this layer's 404.
    if (SERVER_ROUTES.some((prefix) => pathname.startsWith(prefix))) return false;
    const file = resolve(pathname);
    if (file) return send(req, res, file);
    // Not a file: a page address without its slash goes to Astro (which redirects), anything else is a 404.
    if (!pathname.endsWith('/') && !extname(pathname) && resolve(`${pathname}/`)) return false;
    const notFound = notFoundPage(pathname);
    return notFound ? send(req, res, notFound, 404) : false;
  };
}
