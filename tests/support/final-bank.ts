import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBank } from '../../src/lib/final-test/bank';

/** The final test's bank as the repository has it now (read, never assumed: a writer may be changing it). */
const dir = join(import.meta.dirname, '..', '..', 'quizzes', 'final-test');
export const finalBankFiles = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
export const finalBank = loadBank(finalBankFiles).bank;
