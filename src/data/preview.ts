import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedTitle } from '../lib/course/seed-titles';
import { loadBank } from '../lib/final-test/bank';
import { readLocalFinalTestFiles } from '../lib/final-test/local-final-test-files';
import { LANG_TAG, type Locale } from '../lib/i18n/locales';
import { pathTo } from '../lib/i18n/routes';
import { formatPercent, pickStrings, t } from '../lib/i18n/translate';
import { scenariosPerAttempt } from '../lib/quiz/draw';
import { previewScenario } from '../lib/quiz/preview';
import type { QuizFile } from '../lib/quiz/types';
import { distinctTitles } from '../lib/quiz/scenario-names';
import { institution } from '../server/institution';
import { modulesIn } from './course';
import { previewContact, previewHead, withContact } from './preview-parts';

/**
 * The final test's bank as the server reads it (quizzes/final-test/*.yaml, then in an institution's
 * edition its own `<local folder>/final-test/*.yaml`), validated like a quiz: the institution's
 * items are reviewed with the course's.
 */
function finalTestBank(root = process.cwd()) {
  const dir = join(root, 'quizzes', 'final-test');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const folder = institution()?.modules;
  const local = readLocalFinalTestFiles(folder?.dir);
  const { bank } = loadBank(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const), local);
  return [
    ...names.map((file, i) => ({ file: `quizzes/final-test/${file}`, id: file.replace(/\.yaml$/, ''), quiz: bank[i]! })),
    ...local.map(([file], i) => ({ file: `${folder!.label}/final-test/${file}`, id: file.replace(/\.ya?ml$/, ''), quiz: bank[names.length + i]! })),
  ];
}

/**
 * The content preview (`astro dev` only, see src/dev/content-preview.ts): every module's quiz and
 * the final-test bank, every scenario with its key, feedback and sources, in one locale.
 */
export async function previewView(locale: Locale) {
  const standard = pickStrings(locale, ['option.']);
  const cite = (seed: string) => seedTitle(seed, locale);
  const modules = await modulesIn(locale);
  const titleOf = new Map(modules.map((m) => [m.id, m.data.title]));
  const edition = institution();
  const contact = previewContact(edition, locale);
  const quizView = (quiz: QuizFile) => {
    const titles = distinctTitles(quiz.scenarios, locale);
    return quiz.scenarios.map((s, i) => ({ ...withContact(previewScenario(s, locale, standard, cite), contact), title: titles[i]! }));
  };
  const drawLine = (quiz: QuizFile) =>
    `${quiz.draw ? t(locale, 'preview.draw', { count: scenariosPerAttempt(quiz), total: quiz.scenarios.length }) : t(locale, 'preview.all', { total: quiz.scenarios.length })} · ${t(locale, 'preview.pass', { percent: formatPercent(locale, quiz.passPercent) })}`;
  return {
    langTag: LANG_TAG[locale],
    strings: pickStrings(locale, ['preview.', 'kind.', 'quiz.outcome.']),
    modules: modules.map((m) => ({
      anchor: `m-${m.id}`,
      ...previewHead({ id: m.id, local: m.local, number: m.number, title: m.data.title }, locale, edition?.modules?.label),
      href: pathTo(locale, { page: 'module', id: m.id }),
      meta: drawLine(m.quiz),
      scenarios: quizView(m.quiz),
    })),
    bank: finalTestBank().map((b) => ({
      anchor: `ft-${b.id}`,
      title: titleOf.get(b.id) ?? b.id,
      file: b.file,
      scenarios: quizView(b.quiz),
    })),
  };
}

export type PreviewView = Awaited<ReturnType<typeof previewView>>;
