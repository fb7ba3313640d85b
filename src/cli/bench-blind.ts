// Benchmark for guessability: each quiz's best blind score (a learner who does not read), in both
// locales, on the whole pool or the worst draw its rules allow; the lesson-reader bound (a learner
// who knows the lessons but ignores the situations: full points on every item but twins, one common
// answer on each twin pair); and the gambler (the same learner knowing both keys of every pair,
// tossing a coin for which twin gets which): the chance to pass an attempt on the best draw for them
// (exact) and over the draws learners meet (exact per attempt, mean over many seeds ± standard
// error), per quiz and for the final test's bank. The build fails a module quiz whose gambler mean
// is over 40 % and a final test whose gambler best draw is over 5 %, or where the skimmer (the
// gambler sorting pairs by a cue of the text) passes over 5 % by any rule in either locale; and which
// final-test bank items the draw rules can never draw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQuizzes, standardLabels } from '../lib/course/read-sources';
import { loadBank } from '../lib/final-test/bank';
import { DEFAULT_RULES, drawableItems } from '../lib/final-test/draw';
import { FINAL_TEST_GAMBLER_LIMIT, finalTestGambler } from '../lib/final-test/gambler';
import { FINAL_TEST_SKIMMER_ATTEMPTS, finalTestSkimmers } from '../lib/final-test/skimmer';
import { finalTestLessonReader } from '../lib/final-test/lesson-reader';
import { MODULE_GAMBLER_LIMIT, quizGambler, type GamblerBound } from '../lib/quiz/gambler-bound';
import { blindResults, lessonReaderBound } from '../lib/quiz/guessability';

const labels = standardLabels();
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const pc = (x: number) => `${(x * 100).toFixed(1)} %`;
const gamble = (g: GamblerBound) => `${pad(pc(g.best), 8)} ${pad(`${pc(g.mean)} ± ${(g.error * 100).toFixed(1)}`, 14)}`;
console.log(`${pad('quiz', 26)} ${pad('pass', 5)} ${pad('best blind lv', 14)} ${pad('best blind en', 14)} ${pad('lesson reader', 14)} ${pad('gambler: best', 8)} ${pad('mean of draws', 14)} strategy (worst locale)`);
let passing = 0;
let readerPassing = 0;
let gamblerOver = 0;
for (const quiz of readQuizzes(process.cwd())) {
  const results = blindResults(quiz, labels);
  const best = (locale: string) => results.filter((r) => r.locale === locale).reduce((a, b) => (b.percent > a.percent ? b : a));
  const [lv, en] = [best('lv'), best('en')];
  const worst = lv.percent >= en.percent ? lv : en;
  const reader = lessonReaderBound(quiz);
  const gambler = quizGambler(quiz);
  if (worst.passes) passing++;
  if (reader.passes) readerPassing++;
  if (gambler.mean > MODULE_GAMBLER_LIMIT) gamblerOver++;
  console.log(
    `${pad(quiz.moduleId, 26)} ${pad(`${quiz.passPercent} %`, 5)} ${pad(`${lv.percent} %${lv.passes ? ' PASSES' : ''}`, 14)} ${pad(`${en.percent} %${en.passes ? ' PASSES' : ''}`, 14)} ${pad(`${reader.percent} %${reader.passes ? ' PASSES' : ''}`, 14)} ${gamble(gambler)} ${worst.strategy}`,
  );
}
console.log(passing ? `${passing} quiz(zes) can be passed without reading (listed in quizzes/_known-failures.yaml).` : 'No quiz can be passed without reading.');
console.log(
  readerPassing
    ? `${readerPassing} quiz(zes) can be passed from the lessons alone, ignoring the situations (listed in quizzes/_known-failures.yaml until their twins are marked and drawn).`
    : 'No quiz can be passed from the lessons alone, ignoring the situations.',
);
console.log(
  `Gambler (knows both keys of every twin pair, a coin for which twin gets which): module quizzes are practice with unlimited retries; the build fails one where the gambler passes more than ${pc(MODULE_GAMBLER_LIMIT)} of attempts${gamblerOver ? ` (${gamblerOver} listed in quizzes/_known-failures.yaml)` : ''}.`,
);
const dir = join(process.cwd(), 'quizzes', 'final-test');
const { bank } = loadBank(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const));
const reader = finalTestLessonReader(bank, DEFAULT_RULES);
const gambler = finalTestGambler(bank, DEFAULT_RULES);
console.log(
  `final test (${DEFAULT_RULES.count} items, at least ${DEFAULT_RULES.twins} twin pairs, pass ${DEFAULT_RULES.passPercent} %): lesson reader (ignores situations), best draw: ${reader.percent} %${reader.passes ? ' PASSES' : ''}; ` +
    `gambler passes ${pc(gambler.best)} of attempts on the best draw for them (build limit ${pc(FINAL_TEST_GAMBLER_LIMIT)}), ${pc(gambler.mean)} ± ${(gambler.error * 100).toFixed(1)} over ${gambler.attempts} drawn attempts`,
);
const skimmers = finalTestSkimmers(bank, DEFAULT_RULES).sort((a, b) => b.mean - a.mean);
console.log(
  `final test, skimmer (the gambler assigning each pair's keys by one of the ${skimmers.length / 2} mechanical rules of twin-skim.ts, in either locale, a coin where it cannot tell; picked after the fact, so an upper bound): ` +
    skimmers
      .slice(0, 3)
      .map((f) => `${pc(f.mean)} „${f.rule}” (${f.locale})`)
      .join(', ') +
    ` (coin alone: ${pc(gambler.mean)}; mean over ${FINAL_TEST_SKIMMER_ATTEMPTS} draws, build limit ${pc(FINAL_TEST_GAMBLER_LIMIT)} for every rule in each locale)`,
);
const { drawable, never } = drawableItems(bank, DEFAULT_RULES);
console.log(
  `final test bank: ${drawable.length} of ${drawable.length + never.length} items can ever be drawn under the defaults` +
    (never.length ? `; never drawn (every slot is a pair or the story; make them twin pairs): ${never.join(', ')}` : ''),
);
