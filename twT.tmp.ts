import { readFileSync, readdirSync } from 'node:fs';
import { loadBank } from './src/lib/final-test/bank';
import { DEFAULT_RULES, drawFinalTest } from './src/lib/final-test/draw';
import { finalTestLessonReader } from './src/lib/final-test/lesson-reader';
const { bank } = loadBank(readdirSync('quizzes/final-test').map((f) => [f, readFileSync('quizzes/final-test/' + f, 'utf8')] as const));
console.log(drawFinalTest(bank, 5));
for (const twins of [0, 2, 3, 4, 5, 6]) console.log(twins, finalTestLessonReader(bank, { ...DEFAULT_RULES, twins }));
