import { createHash } from 'node:crypto';
import { loadQuizFile } from '../quiz/load-quiz-file';
import type { Bank } from './draw';

/**
 * The bank from its files' texts (name, YAML), validated like a quiz, with its version: a short hash
 * of every file, which attempt tokens carry so an attempt is graded against the bank it was drawn from.
 */
export function loadBank(files: readonly (readonly [name: string, text: string])[]): { bank: Bank; version: string } {
  const sorted = [...files].sort(([a], [b]) => a.localeCompare(b));
  const bank = sorted.map(([name, text]) => loadQuizFile(`quizzes/final-test/${name}`, text));
  const version = createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 12);
  return { bank, version };
}
