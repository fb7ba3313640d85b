import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.mjs';
import { acceptedEncodings, IMMUTABLE, REVALIDATE, staticFiles } from '../../../scripts/static-files.mjs';

const root = mkdtempSync(join(tmpdir(), 'static-files-'));
const page = `<!doctype html><title>lv</title>${'<p>Sveiki, pasaule!</p>'.repeat(200)}`;
mkdirSync(join(root, 'lv'), { recursive: true });
mkdirSync(join(root, 'en', '404'), { recursive: true });
mkdirSync(join(root, '_astro'), { recursive: true });
writeFileSync(join(root, 'lv', 'index.html'), page);
writeFileSync(join(root, '404.html'), '<title>Lapa nav atrasta</title>'.padEnd(2000, ' '));
writeFileSync(join(root, 'en', '404', 'index.html'), '<title>Page not found</title>'.padEnd(2000, ' '));
writeFileSync(join(root, '_astro', 'app.abc123.js'), 'export const x = 1;\n'.repeat(100));
writeFileSync(join(root, 'tiny.txt'), 'hi');
precompress(root);

let server: Server;
let origin = '';
beforeAll(async () => {
  const handle = staticFiles(root);
  server = createServer((req, res) => {
    if (!handle(req, res)) {
      res.statusCode = 418;
      res.end('next handler');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(origin + path, { headers, redirect: 'manual' });

describe('static files for npm start', () => {
  it('reads Accept-Encoding, q=0 refusing an encoding', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5').has('br')).toBe(false);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });

  it('sends Brotli, else gzip, else the file as it is, always with Vary', async () => {
    const br = await get('/lv/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toBe(page);
    expect(Number(br.headers.get('content-length'))).toBeLessThan(page.length / 5);
    expect((await get('/lv/', { 'accept-encoding': 'gzip' })).headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/lv/', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('caches hashed assets for a year and makes pages revalidate, answering 304 while unchanged', async () => {
    expect((await get('/_astro/app.abc123.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    const first = await get('/lv/');
    expect(first.headers.get('cache-control')).toBe(REVALIDATE);
    const etag = first.headers.get('etag')!;
    expect((await get('/lv/', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/tiny.txt')).headers.get('content-encoding')).toBeNull();
  });

  it('answers a missing page with the 404 page of its language, and leaves the rest to the next handler', async () => {
    const en = await get('/en/no-such-page/', { 'accept-encoding': 'identity' });
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('Page not found');
    const lv = await get('/lv/nav-tadas/', { 'accept-encoding': 'identity' });
    expect(lv.status).toBe(404);
    expect(await lv.text()).toContain('Lapa nav atrasta');
    expect((await get('/lv')).status).toBe(418); // Astro adds the slash
    expect((await get('/api/certificates')).status).toBe(418);
    // The signed status lists are rendered by the server, not answered as a missing file.
    expect((await get('/status/1/')).status).toBe(418);
    expect((await fetch(origin + '/lv/', { method: 'POST' })).status).toBe(418);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/lv/%00index.html', '/%E0%A4%A'])
      expect((await get(path, { 'accept-encoding': 'identity' })).status, path).toBe(404);
  });
});
