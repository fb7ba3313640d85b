import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../lib/final-test/bank';
import { configProblem } from '../lib/final-test/config';

/**
 * Run by scripts/start.mjs before it serves: whether the final test's settings can be met by the
 * bank in the repository (the same files the build bundled). Undefined when they can.
 */
export function finalTestStartProblem(root: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = join(root, 'quizzes', 'final-test');
  const { bank } = loadBank(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const));
  return configProblem(bank, env);
}
