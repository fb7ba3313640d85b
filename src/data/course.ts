import { createHash } from 'node:crypto';
import { getCollection, render } from 'astro:content';
import type { CourseQuiz } from '../lib/certificate/issue-request';
import { checkCourse } from '../lib/course/check-course';
import { ContentFileError, contentErrorIn } from '../lib/course/content-error';
import { estimateMinutes } from '../lib/course/estimate-minutes';
import { docTitle, idCollisions, lessonMarkupProblems, LOCAL_DOCUMENTS_ID, localDocSeeds, readLocalDocs } from '../lib/course/local-modules';
import { readSeeds } from '../lib/course/read-sources';
import { registerDocTitles } from '../lib/course/seed-titles';
import { institution } from '../server/institution';
import type { Locale } from '../lib/i18n/locales';
import type { Quiz } from '../lib/quiz/types';

/**
 * The course as the pages need it, checked as a whole once per build: a module missing in a
 * locale, without a quiz, or quoting a seed wrongly stops the build with the file named.
 */
async function loadCourse() {
  const entries = async (name: 'modules' | 'localModules', local: boolean) =>
    (await getCollection(name)).map((entry) => {
      const [locale, id] = entry.id.split('/') as [Locale, string];
      return { locale, id, data: entry.data, body: entry.body, entry, local };
    });
  const general = await entries('modules', false);
  const quizEntries = await getCollection('quizzes');
  // A broken quiz file during `astro dev`: thrown here, Astro shows it as the page's error overlay.
  const broken = contentErrorIn(quizEntries);
  if (broken) throw new ContentFileError(broken);
  const quizzes = new Map(quizEntries.map((q) => [q.id, q.data as unknown as Quiz]));
  const seeds = readSeeds(process.cwd());
  const problems = checkCourse(general, [...quizzes.keys()], seeds);
  // The institution's local modules: the same checks, with its documents beside the seeds, and ids of their own.
  const folder = institution()?.modules;
  const local = folder ? await entries('localModules', true) : [];
  // A broken local quiz or institution file during `astro dev` (content.config.ts), as above.
  const localEntries = folder ? await getCollection('localQuizzes') : [];
  const brokenLocal = folder ? contentErrorIn(localEntries) : undefined;
  if (brokenLocal) throw new ContentFileError(brokenLocal);
  const localQuizzes = new Map((folder ? await localQuizEntries() : []).map((q) => [q.id, q.data as unknown as Quiz]));
  if (folder) {
    // Its documents as the local quizzes' loader read them (read from the folder only where it has not:
    // a folder that the running dev server's content config did not know at its start).
    const stored = localEntries.find((q) => q.id === LOCAL_DOCUMENTS_ID)?.data as { documents: Record<string, string> } | undefined;
    const docs = stored?.documents ?? readLocalDocs(folder.dir);
    const where = { modules: folder.label, quizzes: `${folder.label}/quizzes` };
    problems.push(...local.flatMap((m) => lessonMarkupProblems(`${folder.label}/${m.locale}/${m.id}.md`, m.body ?? '')));
    problems.push(...idCollisions(folder, local, general.map((m) => m.id)), ...checkCourse(local, [...localQuizzes.keys()], localDocSeeds(seeds, docs), where));
    const name = institution()!.name;
    registerDocTitles(Object.fromEntries(Object.entries(docs).map(([file, text]) => [file, docTitle(file, text, name)])));
  }
  if (problems.length) throw new Error(`The course content is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  for (const [id, quiz] of localQuizzes) quizzes.set(id, quiz);
  return { modules: [...general, ...local], quizzes };
}

/** The local quizzes, without the dev loader's own entries (`_content-error`, `_institution`). */
const localQuizEntries = async () => (await getCollection('localQuizzes')).filter((q) => !q.id.startsWith('_'));

let cached: ReturnType<typeof loadCourse> | undefined;
// Not kept in development, where the content changes under a running server (and a broken file is fixed).
const course = () => (import.meta.env.DEV ? loadCourse() : (cached ??= loadCourse()));

/** The modules of one locale in course order, each with its quiz. */
export async function modulesIn(locale: Locale) {
  const { modules, quizzes } = await course();
  // The institution's local modules come after the course's, each set in its own order.
  return modules
    .filter((m) => m.locale === locale)
    .sort((a, b) => Number(a.local) - Number(b.local) || a.data.order - b.data.order)
    .map((m, i) => {
      const quiz = quizzes.get(m.id)!;
      // Timed on the Latvian original in both locales: the same lesson, but English words are shorter.
      const original = modules.find((o) => o.locale === 'lv' && o.id === m.id && o.local === m.local) ?? m;
      return { id: m.id, locale, local: m.local, number: m.local ? i + 1 : m.data.order, data: m.data, quiz, minutes: estimateMinutes(original.entry.body ?? '', quiz, 'lv'), render: () => render(m.entry) };
    });
}

/** Every module's quiz with its title in both locales: what the server re-grades against. */
export async function courseQuizzes(): Promise<CourseQuiz[]> {
  const [lv, en] = await Promise.all([modulesIn('lv'), modulesIn('en')]);
  return lv.map((m) => ({ id: m.id, title: { lv: m.data.title, en: en.find((e) => e.id === m.id)?.data.title ?? m.data.title }, quiz: m.quiz }));
}

let version: Promise<string> | undefined;

/**
 * The course version: a short hash of every quiz and lesson. A certificate records it, so a verifier
 * knows which content was passed; it changes whenever the content does.
 */
export function courseVersion(): Promise<string> {
  return (version ??= (async () => {
    // The general edition asks for no local collection (Astro warns at every build about an empty one).
    const local = !!institution()?.modules;
    const modules = [...(await getCollection('modules')), ...(local ? await getCollection('localModules') : [])].map((m) => [m.id, m.data, m.body]).sort();
    const quizzes = [...(await getCollection('quizzes')), ...(local ? await localQuizEntries() : [])].map((q) => [q.id, q.data]).sort();
    return createHash('sha256').update(JSON.stringify([modules, quizzes])).digest('hex').slice(0, 12);
  })());
}
