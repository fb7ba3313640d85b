// Where the end-to-end tests find a browser: Debian's Chromium (Playwright's own download does not
// work on these machines). CHROMIUM_PATH overrides it.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's services at start-up,
// which a closed network refuses; --no-sandbox because tests run as root in CI containers.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
