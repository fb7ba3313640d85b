import { createHash } from 'node:crypto';
import { loadQuizFile } from '../quiz/load-quiz-file';
import type { Bank } from './draw';

/** A bank file as the build bundles it: its name (`<module>.yaml`) and its YAML. */
export type BankFile = readonly [name: string, text: string];

/**
 * The bank from its files' texts, validated like a quiz, with its version: a short hash of every
 * file, which attempt tokens carry so an attempt is graded against the bank it was drawn from.
 * `local` are the institution's own files (`<folder>/final-test/<id>.yaml`, local-final-test.ts),
 * after the course's in the bank (so a failed attempt's review lists them last) and in the hash:
 * a token drawn with local items is graded only against the same local files. Without them the
 * version is the general edition's as before.
 */
export function loadBank(files: readonly BankFile[], local: readonly BankFile[] = []): { bank: Bank; version: string } {
  const byName = (list: readonly BankFile[]) => [...list].sort(([a], [b]) => a.localeCompare(b));
  const sorted = byName(files);
  const mine = byName(local);
  const bank = [...sorted.map(([name, text]) => loadQuizFile(`quizzes/final-test/${name}`, text)), ...mine.map(([name, text]) => loadQuizFile(`local/final-test/${name}`, text))];
  const version = createHash('sha256').update(JSON.stringify(mine.length ? [sorted, mine] : sorted)).digest('hex').slice(0, 12);
  return { bank, version };
}
