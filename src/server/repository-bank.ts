import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../lib/final-test/bank';
import { readLocalFinalTestFiles } from '../lib/final-test/local-final-test-files';
import { institution } from './institution';

/**
 * The final test's bank as the files on disk have it, the same files the build bundles: the
 * course's `quizzes/final-test/` and, in an institution's edition (INSTITUTION_FILE), its own
 * `<local folder>/final-test/`. For the start check and the item statistics, which run beside the
 * built server.
 */
export function repositoryBank(root: string): ReturnType<typeof loadBank> {
  const dir = join(root, 'quizzes', 'final-test');
  const course = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
  return loadBank(course, readLocalFinalTestFiles(institution()?.modules?.dir));
}
