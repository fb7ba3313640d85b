import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQuizFileName } from '../course/quiz-file-name.ts';
import type { BankFile } from './bank.ts';

/**
 * Where an institution keeps its own final-test items, inside its local modules' folder, and how
 * they are read: what the build bundles into the server (scripts/local-final-test-bank.mjs), the
 * start check and the item statistics read, and the build checks (local-final-test.ts).
 */
export const LOCAL_FINAL_TEST_DIR = 'final-test';

/** The files (name, YAML), in name order; none without a folder or without `final-test/` in it. */
export function readLocalFinalTestFiles(dir: string | undefined): BankFile[] {
  const at = dir ? join(dir, LOCAL_FINAL_TEST_DIR) : undefined;
  if (!at || !existsSync(at)) return [];
  return readdirSync(at)
    .filter(isQuizFileName)
    .sort()
    .map((name) => [name, readFileSync(join(at, name), 'utf8')] as const);
}
