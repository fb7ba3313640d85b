// `npm start`: serves the built course and the certificate API from one Node process: Astro's
// Node handler (static files and API routes) behind the security headers of security-headers.mjs
// and gzip/brotli compression, saying loudly when certificates would be signed with the
// development key. HOST and PORT choose the address (default localhost:4321).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import compression from 'compression';
import { securityHeaders } from './security-headers.mjs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first (npm start does both).');
  process.exit(1);
}
const host = (process.env.HOST ??= 'localhost');
const port = Number((process.env.PORT ??= '4321'));
if (!process.env.CERT_PRIVATE_JWK && !process.env.CERT_PRIVATE_JWK_FILE) {
  console.warn('\n⚠  No CERT_PRIVATE_JWK or CERT_PRIVATE_JWK_FILE: certificates are signed with the DEVELOPMENT key in data/.');
  console.warn('   They verify only against this installation and prove nothing in production.\n');
}
if (!process.env.CERT_ISSUER_NAME) console.warn('⚠  No CERT_ISSUER_NAME: certificates name the course, not an institution, as their issuer.\n');
let headers;
try {
  headers = securityHeaders(process.env);
} catch (error) {
  console.error(String(error.message));
  process.exit(1);
}
// Astro's own server would start on import; this one wraps its handler instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(entry.href);
const compress = compression();
const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  compress(req, res, () => handler(req, res));
});
server.listen(port, host, () => console.log(`Course: http://${host}:${port}/  (Latvian: /lv/, English: /en/)`));
