import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalizedText } from '../i18n/locales';
import { guessabilityProblems } from '../quiz/guessability';
import { loadQuizFile, QuizFileError } from '../quiz/load-quiz-file';
import type { Quiz } from '../quiz/types';
import { DOC_KEY, type SeedTexts } from '../quiz/validate-quiz';
import { idHashCollisions } from '../scorm/suspend-data';
import { isQuizFileName, standardLabels } from './read-sources';

/**
 * An institution's local modules ("Iestādes kārtība" / "Our institution’s rules"): the folder its
 * institution file names in `modules:`, in the course's own format (`lv/<id>.md`, `en/<id>.md`,
 * `quizzes/<id>.yaml`), plus the institution's documents (`*.md`, `*.txt` at the folder's top) that
 * their sources may cite as `doc: <file>` instead of a seed. Node file access, build time and tests.
 */
export interface LocalFolder {
  /** The folder's absolute path. */
  dir: string;
  /** How messages name it: the path relative to the working directory, e.g. tests/fixtures/…/local. */
  label: string;
}

/** The institution's documents: every `*.md` / `*.txt` at the folder's top, by file name. */
export function readLocalDocs(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name) && !e.name.startsWith('_') && e.name !== 'README.md')
      .map((e) => [e.name, readFileSync(join(dir, e.name), 'utf8')]),
  );
}

/**
 * The local quiz collection's entry that holds the documents as its loader read them
 * (content.config.ts), so the pages' course check (src/data/course.ts) does not read them again.
 * Its id starts with `_`, like the dev loader's own entries: no module's.
 */
export const LOCAL_DOCUMENTS_ID = '_documents';

/** The seed texts with the institution's documents beside them, as `quoteProblem` looks a `doc:` up. */
export function localDocSeeds(seeds: SeedTexts, docs: Record<string, string>): SeedTexts {
  return { ...seeds, ...Object.fromEntries(Object.entries(docs).map(([name, text]) => [`${DOC_KEY}${name}`, text])) };
}

/** How a lesson or feedback cites a document: the institution's name and the document's first `# ` heading (else its file name). */
export function docTitle(name: string, text: string, institution: LocalizedText): LocalizedText {
  const heading = /^#\s+(.+?)\s*$/m.exec(text)?.[1] ?? name;
  return { lv: `${institution.lv}, „${heading}”`, en: `${institution.en}, “${heading}”` };
}

/**
 * The local quizzes, each checked like a course quiz (schema, ids, branching graph, twins, verbatim
 * quotes of seeds or documents, SCORM id hashes) and then for guessability, with no list of known
 * failures: a local quiz that can be passed without reading stops the build. Ids the course already
 * uses are refused. Throws naming `<folder>/quizzes/<id>.yaml` and the problem. `documents`: the
 * folder's documents when the caller has read them already (readLocalDocs).
 */
export function readLocalQuizzes(folder: LocalFolder, seeds: SeedTexts, courseIds: readonly string[], documents?: Record<string, string>): Quiz[] {
  const dir = join(folder.dir, 'quizzes');
  if (!existsSync(dir)) return [];
  const docs = localDocSeeds(seeds, documents ?? readLocalDocs(folder.dir));
  const quizzes: Quiz[] = [];
  for (const name of readdirSync(dir).filter(isQuizFileName).sort()) {
    const file = `${folder.label}/quizzes/${name}`;
    const quiz = loadQuizFile(file, readFileSync(join(dir, name), 'utf8'), docs, { module: true });
    if (courseIds.includes(quiz.moduleId)) throw new QuizFileError(file, [`id: "${quiz.moduleId}" is already a module of the course; give the local module another file name`]);
    const clashes = idHashCollisions(quiz);
    if (clashes.length) throw new QuizFileError(file, clashes);
    const labels = standardLabels();
    const problems = guessabilityProblems(quiz, labels);
    if (problems.length) throw new QuizFileError(file, problems.map((p) => `can be passed without reading: ${p.key}${p.detail ? ` (${p.detail})` : ''}`));
    quizzes.push(quiz);
  }
  return quizzes;
}

/** Problems a per-file check cannot see across the two sets: a local module's id that the course already uses. */
export function idCollisions(folder: LocalFolder, localIds: readonly { locale: string; id: string }[], courseIds: readonly string[]): string[] {
  return localIds
    .filter((m) => courseIds.includes(m.id))
    .map((m) => `${folder.label}/${m.locale}/${m.id}.md: id "${m.id}" is already a module of the course; give the local module another file name`);
}

/**
 * What a local lesson's Markdown may not hold. The folder comes from outside the course's review
 * (an institution's editor), and Markdown passes HTML through to every learner's page: a script, a
 * frame, a form, a `<meta http-equiv="refresh">` that sends the learner elsewhere, a style that
 * hides the page. The Content-Security-Policy blocks most of them, but not every host serves it and
 * a redirect needs no script; so raw HTML, and links that run code (`javascript:`, `data:`,
 * `vbscript:`, `file:`), stop the build naming file › body line. Plain Markdown links stay allowed.
 */
export function lessonMarkupProblems(file: string, body: string): string[] {
  const problems: string[] = [];
  let fenced = false;
  body.split('\n').forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/g, '');
    const where = `${file} › body line ${i + 1}`;
    const tag = /<\/?([a-z][a-z0-9-]*)(?=[\s/>])[^>]*>?|<!--|<!\[CDATA\[|<\?|<![a-z]/i.exec(line);
    if (tag) problems.push(`${where}: HTML is not allowed in a local lesson (${tag[0].slice(0, 40)}): write plain Markdown`);
    // Markdown decodes character references in a link's address (`javascript&#58;…` is `javascript:…`).
    const decoded = line
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16) % 0x110000))
      .replace(/&#([0-9]+);?/g, (_, dec) => String.fromCodePoint(Number(dec) % 0x110000))
      .replace(/&colon;/gi, ':')
      .replace(/&(tab|newline);/gi, '')
      .replace(/[\u0000-\u001f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
    const link = /(\]\(\s*<?|<|\]:\s*<?|href\s*=\s*["']?)\s*((?:java|vb)script|data|file)\s*:/i.exec(decoded);
    if (link) problems.push(`${where}: a ${link[2]!.toLowerCase()}: link is not allowed: link to an https:// page or write the text`);
  });
  return problems;
}
