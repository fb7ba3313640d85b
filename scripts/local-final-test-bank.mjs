// The institution's own final-test items (`<local folder>/final-test/*.yaml`, see
// src/lib/final-test/local-final-test.ts) as a virtual module, `virtual:local-final-test-bank`:
// the server's bank (src/server/final-test-bank.ts) imports it beside its `import.meta.glob` of
// quizzes/final-test/, whose path cannot name a folder chosen by INSTITUTION_FILE. The general
// edition gets an empty list. Only server code imports it, so no item reaches dist/client.

import { join } from 'node:path';
import { readLocalFinalTestFiles } from '../src/lib/final-test/local-final-test-files.ts';
import { institution } from '../src/server/institution.ts';

const ID = 'virtual:local-final-test-bank';
const RESOLVED = `\0${ID}`;

/** The institution's local folder (INSTITUTION_FILE's `modules:`; none in the general edition) and its final-test files. */
function read() {
  const dir = institution()?.modules?.dir;
  return { dir, files: readLocalFinalTestFiles(dir) };
}

/**
 * For the build (astro.config.mjs) and the unit tests (vitest.config.ts), which import the server's bank alike.
 * @returns {import('vite').Plugin}
 */
export function localFinalTestBank() {
  return {
    name: 'local-final-test-bank',
    resolveId(id) {
      if (id === ID) return RESOLVED;
    },
    load(id) {
      if (id !== RESOLVED) return;
      const { dir, files } = read();
      if (dir) this.addWatchFile(join(dir, 'final-test'));
      return `export default ${JSON.stringify(files)};`;
    },
  };
}
