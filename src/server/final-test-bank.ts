import { createHash, hkdfSync } from 'node:crypto';
import { loadQuizFile } from '../lib/quiz/load-quiz-file';
import type { Quiz } from '../lib/quiz/types';
import type { Bank } from '../lib/final-test/draw';
import { issuerProfile } from './issuer-config';
import { issuerKeys } from './signing-keys';

/**
 * The final test's item bank, `quizzes/final-test/<module>.yaml`, bundled into the server code only
 * (this module is imported by API routes, never by a page or island), so no item reaches
 * `dist/client`; a test scans the built client for every item's text. The build's unit tests
 * validate the files against the seeds; here they are parsed and checked for shape again.
 */
const files = import.meta.glob('../../quizzes/final-test/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let loaded: { bank: Bank; version: string } | undefined;

export function finalTestBank(): { bank: Bank; version: string } {
  if (loaded) return loaded;
  const entries = Object.entries(files).sort(([a], [b]) => a.localeCompare(b));
  const bank: Quiz[] = entries.map(([path, text]) => loadQuizFile(`quizzes/final-test/${path.replace(/^.*\//, '')}`, text));
  const version = createHash('sha256').update(JSON.stringify(entries.map(([p, t]) => [p.replace(/^.*\//, ''), t]))).digest('hex').slice(0, 12);
  return (loaded = { bank, version });
}

/** The keys that sign attempt and result tokens: HKDF from the issuer key, per purpose and issuer. */
export async function finalTestKeys(): Promise<{ attempt: Uint8Array; result: Uint8Array }> {
  const { derivationSecret } = await issuerKeys();
  const issuer = issuerProfile().id;
  const derive = (purpose: string) => new Uint8Array(hkdfSync('sha256', derivationSecret, `socialie-mediji-kurss: final test ${purpose} v1`, issuer, 32));
  return { attempt: derive('attempt token'), result: derive('result token') };
}
