import { configProblem } from '../lib/final-test/config';
import { repositoryBank } from './repository-bank';

/**
 * Run by scripts/start.mjs before it serves: whether the final test's settings can be met by the
 * bank in the repository (the same files the build bundled, the institution's own items
 * included). Undefined when they can.
 */
export function finalTestStartProblem(root: string, env: Record<string, string | undefined> = process.env): string | undefined {
  return configProblem(repositoryBank(root).bank, env);
}
