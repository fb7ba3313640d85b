// `npm start`: serves the built course and the certificate API from one Node process: Astro's
// Node handler (API routes, redirects) behind the security headers of security-headers.mjs; static
// files come precompressed (Brotli or gzip) with caching headers from static-files.mjs, and what
// Astro answers is compressed on the fly; saying loudly when certificates would be signed with the
// development key. HOST and PORT choose the address (default localhost:4321).
// Before serving, the signing key is loaded and test-signed, and compared with the key the build
// embedded (dist/client/.well-known/jwks.json, which the verify page carries too): a malformed or
// mismatched key stops the start here instead of failing every certificate request later.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import compression from 'compression';
import { securityHeaders } from './security-headers.mjs';
import { staticFiles } from './static-files.mjs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
const builtJwks = new URL('../dist/client/.well-known/jwks.json', import.meta.url);
const host = (process.env.HOST ??= 'localhost');
const port = Number((process.env.PORT ??= '4321'));
if (!process.env.CERT_PRIVATE_JWK && !process.env.CERT_PRIVATE_JWK_FILE) {
  console.warn('\n⚠  No CERT_PRIVATE_JWK or CERT_PRIVATE_JWK_FILE: certificates are signed with the DEVELOPMENT key in data/.');
  console.warn('   They verify only against this installation and prove nothing in production.\n');
}
if (!process.env.CERT_ISSUER_NAME && !process.env.INSTITUTION_FILE) console.warn('⚠  No CERT_ISSUER_NAME or INSTITUTION_FILE: certificates name the course, not an institution, as their issuer.\n');
// Every certificate carries its status list's address: without the public address, a verifier
// elsewhere is sent to localhost and can never check revocation.
if (!process.env.COURSE_URL)
  console.warn('⚠  No COURSE_URL: certificates point to http://localhost:4321 for their issuer and revocation list, which no one else can reach.\n   Set COURSE_URL to the public address before issuing real certificates.\n');

// Node 24 runs the TypeScript module directly (type stripping), so the check is the server's own code.
const { issuerKeys, compareWithBuild } = await import('../src/server/signing-keys.ts');
try {
  const keys = await issuerKeys();
  if (!existsSync(entry)) {
    console.error('No build found: run `npm run build` first (npm start does both).');
    process.exit(1);
  }
  const problem = await compareWithBuild(keys, existsSync(builtJwks) ? JSON.parse(readFileSync(builtJwks, 'utf8')) : undefined);
  if (problem) throw Object.assign(new Error(problem), { name: 'SigningKeyError' });
  console.log(`Signing key: kid "${keys.signing.kid}" (${keys.signing.alg}), thumbprint ${keys.thumbprint}; the build embedded the same key.`);
} catch (error) {
  const safe = error instanceof Error && error.name === 'SigningKeyError';
  console.error(`\n✖  The server does not start: ${safe ? error.message : 'the signing key cannot be loaded.'}\n`);
  process.exit(1);
}

// The institution's edition (INSTITUTION_FILE): a broken file, or a CERT_ISSUER_NAME that says another
// name than the file's issuer, stops the start instead of every certificate request.
try {
  const { issuerName } = await import('../src/server/issuer-config.ts');
  const name = issuerName();
  if (process.env.INSTITUTION_FILE) console.log(`Institution: ${process.env.INSTITUTION_FILE}; certificates are issued by "${name}".`);
} catch (error) {
  console.error(`\n✖  The server does not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// Final-test settings the bank cannot meet (FINAL_TEST_ITEMS, FINAL_TEST_TWINS) would make every
// start of an attempt fail: refused here, with the setting named. The check is TypeScript that
// imports without extensions, so tsx loads it.
if (process.env.CERT_ASSESSMENT !== 'modules') {
  const { tsImport } = await import('tsx/esm/api');
  const { finalTestStartProblem } = await tsImport('../src/server/final-test-startup.ts', import.meta.url);
  const problem = finalTestStartProblem(new URL('..', import.meta.url).pathname);
  if (problem) {
    console.error(`\n✖  The server does not start: ${problem}\n`);
    process.exit(1);
  }
}

await openRegisterAtStart();

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
// Server-sent events (the live rooms) must reach the phone as they are written: never buffered for compression.
const compress = compression({ filter: (req, res) => !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res) });
const serveStatic = staticFiles(new URL('../dist/client/', import.meta.url));
const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (serveStatic(req, res)) return;
  compress(req, res, () => handler(req, res));
});
server.listen(port, host, () => console.log(`Course: http://${host}:${port}/  (Latvian: /lv/, English: /en/)`));

/**
 * Opens the issuer's register once before serving, so its schema is migrated now (the SQLite file
 * in data/ is created on the first start) and the operator sees where certificates are recorded.
 * An unreachable database does not stop the server: pages and verification keep working, and
 * issuing answers 503 until the database is back (each request tries again).
 */
async function openRegisterAtStart() {
  const { openRegister, describeTarget } = await import('../src/server/register/open-register.ts');
  try {
    const register = await openRegister();
    console.log(`Register: ${describeTarget()}, schema version ${await register.schemaVersion()}.`);
    await register.close();
  } catch (error) {
    console.warn(`\n⚠  The certificate register (${describeTarget()}) cannot be opened: ${error.message}\n   Pages and verification work; issuing certificates answers 503 until it can.\n`);
  }
}
