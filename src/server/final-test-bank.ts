import { loadBank } from '../lib/final-test/bank';

/**
 * The final test's item bank, `quizzes/final-test/<module>.yaml`, bundled into the server code only
 * (this module is imported by API routes, never by a page or island), so no item reaches
 * `dist/client`; a test scans the built client for every item's text. The build's unit tests
 * validate the files against the seeds; here they are parsed and checked for shape again.
 */
const files = import.meta.glob('../../quizzes/final-test/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let loaded: ReturnType<typeof loadBank> | undefined;

export function finalTestBank() {
  return (loaded ??= loadBank(Object.entries(files).map(([path, text]) => [path.replace(/^.*\//, ''), text] as const)));
}

export { finalTestKeys } from './final-test-keys';
