import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type LoaderContext } from 'astro/loaders';
import { moduleSchema } from './lib/course/module-schema';
import { guessabilityReport, isQuizFileName, KNOWN_FAILURES_FILE, readQuizzes, readSeeds } from './lib/course/read-sources';
import { CONTENT_ERROR_ID } from './lib/course/content-error';
import { loadQuizFile, QuizFileError } from './lib/quiz/load-quiz-file';
import { idHashCollisions } from './lib/scorm/suspend-data';
import { loadBank } from './lib/final-test/bank';
import { finalTestConfig } from './lib/final-test/config';
import { finalTestGamblerProblem } from './lib/final-test/gambler';
import { finalTestSkimmerProblem } from './lib/final-test/skimmer';
import { LOCAL_DOCUMENTS_ID, readLocalDocs, readLocalQuizzes } from './lib/course/local-modules';
import { readLocalFinalTest, wholeBankProblem } from './lib/final-test/local-final-test';
import type { Quiz } from './lib/quiz/types';
import { institution } from './server/institution';

const root = process.cwd();
/** Tests point this at a folder of deliberately broken quizzes to see the build fail. */
const quizDir = process.env.COURSE_QUIZ_DIR ?? join(root, 'quizzes');

/** Lesson modules: `modules/<locale>/<module-id>.md`, ids like `lv/komunikacijas-principi`. */
const modules = defineCollection({
  loader: glob({ pattern: '{lv,en}/*.md', base: './modules' }),
  schema: moduleSchema,
});

/**
 * Scenario quizzes: `quizzes/<module-id>.yaml`. Validated by the quiz engine's own validator, which
 * also checks the branching graph and the quotes, so a broken file stops the build with a message
 * naming the file, the scenario and the step or field.
 */
const quizzes = defineCollection({
  loader: quizLoader('quiz-loader', loadQuizzes, {
    what: 'the quizzes',
    paths: [quizDir, join(root, 'quizzes', 'final-test')],
    matches: (path) => /\.ya?ml$/.test(path) && (path.startsWith(quizDir) || path.startsWith(join(root, 'quizzes'))),
  }),
});

/**
 * A loader of quizzes that in a build throws what `load` throws (stopping it with the file named),
 * while in `astro dev` a broken file becomes the error overlay of every page (lib/course/content-error.ts)
 * instead of stopping the server, and a saved change to a file that `matches` (below `paths`, watched
 * from the first load on) loads them again, so fixing the file brings the course back without a restart.
 */
function quizLoader(name: string, load: (context: LoaderContext) => void | Promise<void>, watch: { what: string; paths: string[] | undefined; matches: (path: string) => boolean }) {
  let watching = false;
  const loadForDev = async (context: LoaderContext) => {
    try {
      await load(context);
    } catch (error) {
      const message = (error as Error).message;
      context.logger.error(message);
      context.store.clear();
      context.store.set({ id: CONTENT_ERROR_ID, data: { contentError: message } });
    }
    if (watching || !context.watcher || !watch.paths) return;
    watching = true;
    context.watcher.add(watch.paths);
    const reload = (path: string) => {
      if (!watch.matches(path)) return;
      context.logger.info(`${path} changed: loading ${watch.what} again`);
      void loadForDev(context);
    };
    for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, reload);
  };
  return { name, load: async (context: LoaderContext) => (import.meta.env.DEV ? loadForDev(context) : load(context)) };
}

/** Reads and checks every quiz file; throws naming the file, the scenario and the field. */
async function loadQuizzes({ store, generateDigest, watcher, logger }: LoaderContext) {
  const dir = quizDir;
  const seeds = readSeeds(root);
  store.clear();
  const loaded = [];
  for (const file of readdirSync(dir).filter(isQuizFileName).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const quiz = loadQuizFile(`quizzes/${file}`, text, seeds, { module: true });
    const clashes = idHashCollisions(quiz);
    if (clashes.length) throw new QuizFileError(`quizzes/${file}`, clashes);
    loaded.push(quiz);
    store.set({ id: quiz.moduleId, data: { ...quiz }, digest: generateDigest(text) });
  }
  // A quiz that a learner can pass without reading stops the build, unless it is a known failure.
  const report = guessabilityReport(dir, loaded);
  if (report.warnings.length)
    logger.warn(
      `\n${'!'.repeat(78)}\n${report.warnings.length} KNOWN GUESSABILITY FAILURES (quizzes/${KNOWN_FAILURES_FILE}; the content rewrite must empty it):\n${report.warnings.map((w) => `  ! ${w}`).join('\n')}\n${'!'.repeat(78)}`,
    );
  if (report.errors.length) throw new Error(`Quizzes that can be passed without reading:\n${report.errors.map((e) => `  - ${e}`).join('\n')}`);
  // The final test's draw (its settings as the build reads them) must keep a gambler on the twins rare.
  const bankDir = join(root, 'quizzes', 'final-test');
  const config = finalTestConfig(process.env);
  if (config.assessment === 'final-test' && existsSync(bankDir)) {
    const { bank } = loadBank(readdirSync(bankDir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(bankDir, f), 'utf8')] as const));
    // And one who sorts the twins by a cue of the text instead of a coin: held to the same bound.
    const problem = finalTestGamblerProblem(bank, config.rules) ?? finalTestSkimmerProblem(bank, config.rules);
    if (problem) throw new Error(problem);
  }
  watcher?.add(dir);
}

/** The institution's local modules' folder (its file's `modules:`), or none: the general edition. */
const localFolder = institution()?.modules;
/** The institution file itself, which the dev loader watches too. */
const institutionFile = process.env.INSTITUTION_FILE ? resolve(process.env.INSTITUTION_FILE) : undefined;
const none = { name: 'no-local-modules', load: async ({ store }: { store: { clear(): void } }) => store.clear() };

/** Its lessons, in the course's format: `<folder>/lv/<id>.md`, `<folder>/en/<id>.md`. */
const localModules = defineCollection({
  loader: localFolder ? glob({ pattern: '{lv,en}/*.md', base: localFolder.dir }) : none,
  schema: moduleSchema,
});

/** Its quizzes, `<folder>/quizzes/<id>.yaml`, held to every check of the course's (src/lib/course/local-modules.ts). */
const localQuizzes = defineCollection({
  // In `astro dev`, as the course's quizzes: a broken local quiz (or a document its quotes need, or the
  // institution file) becomes the pages' error overlay, and saving the institution file or a quiz or a
  // document in the local folder loads them again.
  loader: quizLoader('local-quiz-loader', loadLocalQuizzes, {
    what: 'the local quizzes',
    paths: institutionFile ? (localFolder ? [institutionFile, localFolder.dir] : [institutionFile]) : undefined,
    matches: (path) => path === institutionFile || (!!localFolder && path.startsWith(localFolder.dir) && /\.(ya?ml|md|txt)$/.test(path)),
  }),
});

function loadLocalQuizzes({ store, generateDigest, watcher }: LoaderContext) {
  store.clear();
  // Read again when saved (src/server/institution.ts): a broken file throws here too, and in dev its
  // digest below changes the store, which reloads the pages.
  const edition = institution();
  if (import.meta.env.DEV && edition) store.set({ id: '_institution', data: {}, digest: generateDigest(JSON.stringify(edition)) });
  if (!localFolder) return;
  const courseIds = readdirSync(quizDir).filter(isQuizFileName).map((f) => f.replace(/\.ya?ml$/, ''));
  // Its documents, read once a load: the pages' course check takes them from the store (LOCAL_DOCUMENTS_ID).
  const documents = readLocalDocs(localFolder.dir);
  store.set({ id: LOCAL_DOCUMENTS_ID, data: { documents }, digest: generateDigest(JSON.stringify(documents)) });
  const seeds = readSeeds(root);
  const local = readLocalQuizzes(localFolder, seeds, courseIds, documents);
  for (const quiz of local) store.set({ id: quiz.moduleId, data: { ...quiz }, digest: generateDigest(JSON.stringify(quiz)) });
  checkLocalFinalTest(localFolder, seeds, local, documents);
  watcher?.add(localFolder.dir);
}

/**
 * The institution's final-test items (`<folder>/final-test/<id>.yaml`): every file held to the
 * checks of the course's bank, and the whole bank, the course's and the institution's, to the
 * draw's (src/lib/final-test/local-final-test.ts). Where certificates need the final test, every
 * local module must have items: the final test examines the institution's own rules too.
 */
function checkLocalFinalTest(folder: NonNullable<typeof localFolder>, seeds: ReturnType<typeof readSeeds>, localQuizzes: readonly Quiz[], documents: Record<string, string>) {
  const config = finalTestConfig(process.env);
  const bankDir = join(root, 'quizzes', 'final-test');
  const courseBank = loadBank(readdirSync(bankDir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(bankDir, f), 'utf8')] as const)).bank;
  const localIds = existsSync(join(folder.dir, 'lv')) ? readdirSync(join(folder.dir, 'lv')).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')) : [];
  const localItems = readLocalFinalTest({
    folder,
    seeds,
    documents,
    localIds,
    courseBank,
    moduleQuizzes: [...readQuizzes(root, quizDir), ...localQuizzes],
    required: config.assessment === 'final-test',
  });
  if (config.assessment !== 'final-test') return;
  // The bank as the server bundles it: the course's files, then the institution's (src/lib/final-test/bank.ts).
  const problem = wholeBankProblem([...courseBank, ...localItems], localIds, config.rules, folder.label);
  if (problem) throw new Error(problem);
}

export const collections = { modules, quizzes, localModules, localQuizzes };
