import localFiles from 'virtual:local-final-test-bank';
import { loadBank } from '../lib/final-test/bank';

/**
 * The final test's item bank, `quizzes/final-test/<module>.yaml`, and in an institution's edition
 * its own items (`<local folder>/final-test/<id>.yaml`, the virtual module of
 * scripts/local-final-test-bank.mjs), bundled into the server code only (this module is imported
 * by API routes, never by a page or island), so no item reaches `dist/client`; a test scans the
 * built client for every item's text. The build validates the files (the course's against the
 * seeds in its unit tests, the institution's in content.config.ts); here they are parsed and
 * checked for shape again. The bank's version covers both, so attempt tokens name the whole bank.
 */
const files = import.meta.glob('../../quizzes/final-test/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let loaded: ReturnType<typeof loadBank> | undefined;

export function finalTestBank() {
  return (loaded ??= loadBank(
    Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const),
    localFiles,
  ));
}

export { finalTestKeys } from './final-test-keys';
