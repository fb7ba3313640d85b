// Makes sure a Chromium is there for the end-to-end tests, installing Debian's package when it is
// missing (as root, or through sudo). Run by `npm test` before Playwright.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

if (existsSync(chromiumPath)) {
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${chromiumPath}, but there is no file there.`);
  process.exit(1);
}
console.log(`No Chromium at ${chromiumPath}: installing Debian's chromium package…`);
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch {
  console.error('Could not install Chromium. Install it yourself (apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`apt-get finished but ${chromiumPath} is still missing.`);
  process.exit(1);
}
console.log(`Chromium installed at ${chromiumPath}.`);
