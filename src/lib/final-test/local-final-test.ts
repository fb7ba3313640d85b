import { localDocSeeds, readLocalDocs, type LocalFolder } from '../course/local-modules';
import { standardLabels } from '../course/read-sources';
import { ALL_OF_THE_ABOVE, tuFormIn } from '../course/jus-register';
import { LOCALES } from '../i18n/locales';
import { guessabilityProblems } from '../quiz/guessability';
import { loadQuizFile, QuizFileError } from '../quiz/load-quiz-file';
import { correctAt, leadsOn, optionsAt, stepsOf } from '../quiz/scenario';
import type { Quiz, Scenario } from '../quiz/types';
import type { SeedTexts } from '../quiz/validate-quiz';
import { LOCAL_FINAL_TEST_DIR, readLocalFinalTestFiles } from './local-final-test-files';
import { bankProblem, type Bank, type FinalTestRules } from './draw';
import { twinPairs } from '../quiz/draw';
import { finalTestGamblerProblem } from './gambler';
import { finalTestLessonReader } from './lesson-reader';
import { finalTestSkimmerProblem } from './skimmer';

/**
 * An institution's own final-test items: `<folder>/final-test/<id>.yaml`, one file per local module
 * (the folder of the institution file's `modules:`), in the format of `quizzes/final-test/`
 * (schemas/final-test.schema.json), their sources citing a seed or the institution's documents
 * (`doc: kartiba.md`). The build bundles them into the server beside the course's bank
 * (scripts/local-final-test-bank.mjs) and checks them here first. Node file access, build and tests.
 */


export interface LocalFinalTestInput {
  folder: LocalFolder;
  seeds: SeedTexts;
  /** The institution's documents (`readLocalDocs`), when the caller has read them already: read here otherwise. */
  documents?: Record<string, string>;
  /** The ids of the institution's local modules (its lessons). */
  localIds: readonly string[];
  /** The course's final-test bank (ids must not repeat across the whole bank). */
  courseBank: readonly Quiz[];
  /** Every module quiz, the course's and the institution's: the final test never repeats their scenarios. */
  moduleQuizzes: readonly Quiz[];
  /**
   * Whether every local module must have items. True when certificates need the final test: the
   * institution's own rules are what it most wants examined, and a module without items would be
   * a module the final test silently skips (see README, „Noslēguma testa jautājumi”).
   */
  required: boolean;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Every string of one locale in the scenarios, except source quotes (verbatim seed or document text), each with its path. */
function texts(scenarios: readonly Scenario[], locale: 'lv' | 'en'): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (value: unknown, path: string[], key?: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, (v as { id?: string })?.id ?? `#${i + 1}`]));
    if (!value || typeof value !== 'object' || key === 'quote') return;
    const record = value as Record<string, unknown>;
    if (typeof record.lv === 'string' && typeof record.en === 'string') return void out.push({ where: path.join(' › '), text: record[locale] as string });
    for (const [k, v] of Object.entries(record)) walk(v, [...path, k], k);
  };
  for (const s of scenarios) walk(s, [`scenario "${s.id}"`]);
  return out;
}

/**
 * The length cue of some items in one locale: over the questions of three options or more with a
 * right and a wrong one, how long the right options are against the others on average (`ratio`)
 * and in how many the right one is the strictly longest (`longest` of `questions`).
 */
export function lengthCue(scenarios: readonly Scenario[], locale: 'lv' | 'en'): { ratio: number; longest: number; questions: number } {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ratios: number[] = [];
  let longest = 0;
  for (const s of scenarios)
    for (const step of stepsOf(s)) {
      const options = optionsAt(s, step);
      const lengths = options.map((o) => ('label' in o && o.label ? o.label[locale].length : undefined));
      if (lengths.some((l) => l === undefined) || options.length < 3) continue;
      const right = new Set(leadsOn(s) ? options.filter((o) => 'mistake' in o && !o.mistake).map((o) => o.id) : correctAt(s, step));
      if (!right.size || right.size === options.length) continue;
      const rightLengths = options.flatMap((o, i) => (right.has(o.id) ? [lengths[i]!] : []));
      const wrongLengths = options.flatMap((o, i) => (right.has(o.id) ? [] : [lengths[i]!]));
      ratios.push(mean(rightLengths) / mean(wrongLengths));
      if (Math.max(...rightLengths) > Math.max(...wrongLengths)) longest++;
    }
  return { ratio: ratios.length ? mean(ratios) : 0, longest, questions: ratios.length };
}

/**
 * The length cue, as the course's bank is held to it (tests/unit/final-test/bank.test.ts): the right
 * option no longer than the others on average (ratio ≤ 1.0) and the strictly longest in at most a
 * quarter of the questions. Undefined when the items keep to it.
 */
export function lengthCueProblem(scenarios: readonly Scenario[], locale: 'lv' | 'en'): string | undefined {
  const { ratio, longest, questions } = lengthCue(scenarios, locale);
  if (!questions) return undefined;
  if (ratio > 1) return `options › ${locale}: the right options are on average ${ratio.toFixed(2)} times as long as the others (at most 1.0): a learner who picks the longest passes; shorten them or lengthen the others`;
  if (longest / questions > 1 / 4) return `options › ${locale}: the right option is the strictly longest in ${longest} of ${questions} questions (at most a quarter): shorten it or lengthen another`;
  return undefined;
}

/** What the course's bank test (tests/unit/final-test/bank.test.ts) holds its files to, for one local file. */
function fileProblems(quiz: Quiz, input: LocalFinalTestInput, taken: Set<string>): string[] {
  const problems: string[] = [];
  if (quiz.draw) problems.push('draw: the final test has no draw rules of its own (the server draws from the whole bank): remove draw');
  const moduleIds = new Set(input.moduleQuizzes.flatMap((q) => q.scenarios.map((s) => s.id)));
  const situations = input.moduleQuizzes.flatMap((q) => q.scenarios.flatMap((s) => LOCALES.map((l) => ({ id: s.id, text: normalise(s.situation[l]) }))));
  for (const s of quiz.scenarios) {
    if (!s.id.startsWith('ft-')) problems.push(`scenario "${s.id}": a final-test id starts with ft- (the module quizzes' ids do not), e.g. ft-${s.id}`);
    if (taken.has(s.id)) problems.push(`scenario "${s.id}": the id is already in the final test's bank; give it another`);
    if (moduleIds.has(s.id)) problems.push(`scenario "${s.id}": a module quiz has a scenario with this id; the final test asks what the quizzes did not`);
    taken.add(s.id);
    for (const locale of LOCALES) {
      const mine = normalise(s.situation[locale]);
      const clash = situations.find((m) => m.text.includes(mine) || mine.includes(m.text));
      if (clash) problems.push(`scenario "${s.id}" › situation › ${locale}: the same situation as the module quiz's scenario "${clash.id}"; write a new one, the final test asks what the quizzes did not`);
    }
  }
  for (const { where, text } of texts(quiz.scenarios, 'lv')) {
    const tu = tuFormIn(text);
    if (tu) problems.push(`${where} › lv: „${tu}” addresses the reader as tu; the course says jūs (jums, jūsu, sazinieties)`);
  }
  for (const locale of LOCALES) for (const { where, text } of texts(quiz.scenarios, locale)) if (ALL_OF_THE_ABOVE.test(text)) problems.push(`${where} › ${locale}: no "all of the above" option: it is right whenever two others are`);
  for (const locale of LOCALES) {
    const cue = lengthCueProblem(quiz.scenarios, locale);
    if (cue) problems.push(cue);
  }
  // As the course's files: on its own (the final test's draw bounds the gambler on the whole bank).
  const guessable = guessabilityProblems(quiz, standardLabels()).filter((p) => !p.key.startsWith('gambler:'));
  problems.push(...guessable.map((p) => `can be passed without reading: ${p.key}${p.detail ? ` (${p.detail})` : ''}`));
  return problems;
}

/**
 * The institution's final-test items, each file held to every check the course's bank gets: the
 * loader's (schema, ids, branching graph, twins, verbatim quotes of a seed or a document, quotation
 * marks), then the bank's (ids with ft-, unique across the whole bank and apart from every module
 * quiz, no situation of a quiz again, jūs, no "all of the above", no guessability problem, none
 * known). Throws QuizFileError naming `<folder>/final-test/<id>.yaml` and the field. The draw's
 * checks on the whole bank (its rules, the gambler, the skimmer) are the caller's: they need the
 * course's bank too.
 */
export function readLocalFinalTest(input: LocalFinalTestInput): Quiz[] {
  const { folder } = input;
  const docs = localDocSeeds(input.seeds, input.documents ?? readLocalDocs(folder.dir));
  const files = readLocalFinalTestFiles(folder.dir);
  const names = new Set(files.map(([name]) => name.replace(/\.ya?ml$/, '')));
  if (input.required)
    for (const id of input.localIds)
      if (!names.has(id))
        throw new QuizFileError(`${folder.label}/${LOCAL_FINAL_TEST_DIR}/${id}.yaml`, [
          `missing: the local module "${id}" has no final-test items. Certificates need the final test, and it examines every module, the institution's own included: write this file (the format of quizzes/final-test/, at least one twin pair), or set CERT_ASSESSMENT=modules`,
        ]);
  const taken = new Set(input.courseBank.flatMap((q) => q.scenarios.map((s) => s.id)));
  return files.map(([name, text]) => {
    const file = `${folder.label}/${LOCAL_FINAL_TEST_DIR}/${name}`;
    const quiz = loadQuizFile(file, text, docs);
    if (!input.localIds.includes(quiz.moduleId))
      throw new QuizFileError(file, [`no local module "${quiz.moduleId}" (${folder.label}/lv/${quiz.moduleId}.md): name the file after the lesson whose rules it examines`]);
    const problems = fileProblems(quiz, input, taken);
    if (problems.length) throw new QuizFileError(file, problems);
    return quiz;
  });
}

/**
 * The draw's checks on the whole bank, the course's and the institution's items together, as the
 * build holds the course's bank to them: the rules can be met (every attempt takes `perModule`
 * items of every module, the local ones too), a learner who ignores the situations stays below the
 * pass mark, and neither the gambler nor the skimmer passes more than one attempt in twenty.
 */
export function wholeBankProblem(bank: Bank, localIds: readonly string[], rules: FinalTestRules, label: string): string | undefined {
  const where = `${label}/${LOCAL_FINAL_TEST_DIR}/`;
  const drawn = bankProblem(bank, rules);
  if (drawn) {
    const unpaired = bank.filter((q) => localIds.includes(q.moduleId) && !twinPairs(q.scenarios).length).map((q) => `${where}${q.moduleId}.yaml`);
    const hint = unpaired.length && rules.twins ? `; every attempt is mostly twin pairs (at least ${rules.twins} of ${rules.count} items), so each module needs at least one pair: ${unpaired.join(', ')} has none` : '';
    return `The final test with the institution's items (${where}): ${drawn}${hint}`;
  }
  const reader = finalTestLessonReader(bank, rules);
  if (reader.passes)
    return `The final test with the institution's items (${where}): a learner who knows the lessons but ignores the situations earns ${reader.percent} % on the best draw for them (pass ${rules.passPercent} %): make the local items twin pairs (twin:)`;
  const problem = finalTestGamblerProblem(bank, rules) ?? finalTestSkimmerProblem(bank, rules);
  return problem && `The final test with the institution's items (${where}): ${problem}`;
}
