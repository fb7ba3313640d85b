import { createHash } from 'node:crypto';
import { getCollection, render } from 'astro:content';
import type { CourseQuiz } from '../lib/certificate/issue-request';
import { checkCourse } from '../lib/course/check-course';
import { ContentFileError, contentErrorIn } from '../lib/course/content-error';
import { estimateMinutes } from '../lib/course/estimate-minutes';
import { readSeeds } from '../lib/course/read-sources';
import type { Locale } from '../lib/i18n/locales';
import type { Quiz } from '../lib/quiz/types';

/**
 * The course as the pages need it, checked as a whole once per build: a module missing in a
 * locale, without a quiz, or quoting a seed wrongly stops the build with the file named.
 */
async function loadCourse() {
  const modules = (await getCollection('modules')).map((entry) => {
    const [locale, id] = entry.id.split('/') as [Locale, string];
    return { locale, id, data: entry.data, body: entry.body, entry };
  });
  const quizEntries = await getCollection('quizzes');
  // A broken quiz file during `astro dev`: thrown here, Astro shows it as the page's error overlay.
  const broken = contentErrorIn(quizEntries);
  if (broken) throw new ContentFileError(broken);
  const quizzes = new Map(quizEntries.map((q) => [q.id, q.data as unknown as Quiz]));
  const problems = checkCourse(modules, [...quizzes.keys()], readSeeds(process.cwd()));
  if (problems.length) throw new Error(`The course content is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { modules, quizzes };
}

let cached: ReturnType<typeof loadCourse> | undefined;
// Not kept in development, where the content changes under a running server (and a broken file is fixed).
const course = () => (import.meta.env.DEV ? loadCourse() : (cached ??= loadCourse()));

/** The modules of one locale in course order, each with its quiz. */
export async function modulesIn(locale: Locale) {
  const { modules, quizzes } = await course();
  return modules
    .filter((m) => m.locale === locale)
    .sort((a, b) => a.data.order - b.data.order)
    .map((m) => {
      const quiz = quizzes.get(m.id)!;
      // Timed on the Latvian original in both locales: the same lesson, but English words are shorter.
      const original = modules.find((o) => o.locale === 'lv' && o.id === m.id) ?? m;
      return { id: m.id, locale, data: m.data, quiz, minutes: estimateMinutes(original.entry.body ?? '', quiz, 'lv'), render: () => render(m.entry) };
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
    const modules = (await getCollection('modules')).map((m) => [m.id, m.data, m.body]).sort();
    const quizzes = (await getCollection('quizzes')).map((q) => [q.id, q.data]).sort();
    return createHash('sha256').update(JSON.stringify([modules, quizzes])).digest('hex').slice(0, 12);
  })());
}
