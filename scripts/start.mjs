// `npm start`: serves the built course and the certificate API from one Node process
// (Astro's standalone Node server), saying loudly when certificates would be signed with the
// development key. HOST and PORT choose the address (default localhost:4321).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first (npm start does both).');
  process.exit(1);
}
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
if (!process.env.CERT_PRIVATE_JWK && !process.env.CERT_PRIVATE_JWK_FILE) {
  console.warn('\n⚠  No CERT_PRIVATE_JWK or CERT_PRIVATE_JWK_FILE: certificates are signed with the DEVELOPMENT key in data/.');
  console.warn('   They verify only against this installation and prove nothing in production.\n');
}
await import(entry.href);
console.log(`Course: http://${process.env.HOST}:${process.env.PORT}/  (Latvian: /lv/, English: /en/)`);
