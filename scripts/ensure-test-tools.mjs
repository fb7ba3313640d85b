// Makes sure the command-line tools the end-to-end tests use are there, installing Debian's
// packages when one is missing (as root, or through sudo), like ensure-chromium.mjs:
// zbarimg (zbar-tools) decodes the certificate's QR code from a screenshot and from the printed
// page, which pdftoppm and pdfinfo (poppler-utils) rasterise and count; initdb and pg_ctl
// (postgresql) run the throw-away cluster the register's PostgreSQL tests use (scripts/pg-cluster.mjs).
import { execSync } from 'node:child_process';
import { postgresBin } from './pg-cluster.mjs';

const tools = { zbarimg: 'zbar-tools', pdftoppm: 'poppler-utils', pdfinfo: 'poppler-utils', initdb: 'postgresql' };
const has = (tool) => {
  // Debian keeps PostgreSQL's programs off PATH, under /usr/lib/postgresql/<version>/bin.
  if (tool === 'initdb') return postgresBin() !== undefined;
  try {
    execSync(`command -v ${tool}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};
const missing = [...new Set(Object.entries(tools).filter(([tool]) => !has(tool)).map(([, pkg]) => pkg))];
if (!missing.length) process.exit(0);
console.log(`Installing ${missing.join(' and ')} for the QR, print and register tests…`);
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
} catch {
  console.error(`Could not install ${missing.join(' ')}. Install them yourself (apt-get install ${missing.join(' ')}).`);
  process.exit(1);
}
const still = Object.keys(tools).filter((tool) => !has(tool));
if (still.length) {
  console.error(`apt-get finished but ${still.join(', ')} is still missing.`);
  process.exit(1);
}
