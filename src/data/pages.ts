import { MODULE_LIST_KEYS } from '../components/module-list-strings';
import { PROGRESS_TRANSFER_KEYS } from '../components/progress-transfer-strings';
import { QUIZ_PLAYER_KEYS } from '../components/quiz-player-strings';
import { finalTestHref } from './final-test';
import { seedTitle } from '../lib/course/seed-titles';
import { LANG_TAG, otherLocale, type Locale } from '../lib/i18n/locales';
import { pathTo, type RouteEntry } from '../lib/i18n/routes';
import { formatPercent, pickKeys, pickStrings, plural, STRINGS, stringsUnder, t } from '../lib/i18n/translate';
import { scenariosPerAttempt } from '../lib/quiz/draw';
import { quizForLocale } from '../lib/quiz/for-locale';
import { quizDataPath, splitQuiz } from '../lib/quiz/quiz-details';
import { everyOption } from '../lib/quiz/scenario';
import { agendaNames, distinctTitle, distinctTitles } from '../lib/quiz/scenario-names';
import type { Quiz, Scenario } from '../lib/quiz/types';
import { guideScenario } from '../lib/workshop/guide';
import { workshopMinutes } from '../lib/workshop/plan';
import { islandContact } from '../lib/content/fill';
import { fillPlainDeep, forQuizIsland, placeholderFill } from '../lib/institution/placeholder-fill';
import { institution } from '../server/institution';
import { issuerProfile } from '../server/issuer-config';
import { publishedKeys } from '../server/qr-signing-key';
import { courseVersion, modulesIn } from './course';
import { presenterIndex } from './presenter';

/**
 * The view models of the course's pages, one function per page: the route files only hand these to
 * their template, so what a page shows is worked out here, where it can be read and tested.
 */

/** The mark of an institution's own module, or nothing for the course's. */
const localMark = (locale: Locale, m: { local: boolean }) => (m.local ? { mark: t(locale, 'module.local') } : {});

const moduleLinks = async (locale: Locale) =>
  (await modulesIn(locale)).map((m) => ({ id: m.id, title: m.data.title, href: pathTo(locale, { page: 'module', id: m.id }), ...localMark(locale, m) }));

export async function homeView(locale: Locale) {
  const modules = (await modulesIn(locale)).map((m) => ({
    id: m.id,
    number: t(locale, 'module.number', { n: m.number }),
    ...localMark(locale, m),
    title: m.data.title,
    summary: m.data.summary,
    meta: `${plural(locale, 'plural.minutes', m.minutes)} · ${plural(locale, 'plural.scenarios', scenariosPerAttempt(m.quiz))}`,
    href: pathTo(locale, { page: 'module', id: m.id }),
  }));
  return {
    modules,
    strings: pickStrings(locale, ['home.', 'status.']),
    percentLabels: Array.from({ length: 101 }, (_, i) => formatPercent(locale, i)),
    ui: pickKeys(locale, MODULE_LIST_KEYS),
    certificateHref: pathTo(locale, { page: 'certificate' }),
    finalTestHref: finalTestHref(locale),
  };
}

export async function progressView(locale: Locale) {
  return {
    modules: await moduleLinks(locale),
    langTag: LANG_TAG[locale],
    strings: pickStrings(locale, ['progress.', 'status.']),
    edition: await courseVersion(),
    transferStrings: pickKeys(locale, PROGRESS_TRANSFER_KEYS),
    certificateHref: pathTo(locale, { page: 'certificate' }),
    finalTestHref: finalTestHref(locale),
  };
}

/** The issuers the certificate and verify pages trust: this installation's, built in so they work offline. */
async function trustedIssuers() {
  const issuer = issuerProfile();
  return [{ id: issuer.id, name: issuer.name, keys: await publishedKeys() }];
}

export async function certificateView(locale: Locale) {
  return {
    langTag: LANG_TAG[locale],
    strings: pickStrings(locale, ['cert.', 'verify.reason.']),
    modules: await moduleLinks(locale),
    course: { title: t(locale, 'site.title'), version: await courseVersion() },
    verifyPath: pathTo(locale, { page: 'verify' }),
    issuers: await trustedIssuers(),
    finalTestPath: pathTo(locale, { page: 'final-test' }),
  };
}

export async function verifyView(locale: Locale) {
  return { issuers: await trustedIssuers(), strings: pickStrings(locale, ['verify.']), langTag: LANG_TAG[locale] };
}

export async function workshopView(locale: Locale) {
  const modules = (await modulesIn(locale)).map((m) => ({
    id: m.id,
    title: m.data.title,
    minutes: workshopMinutes(m.data.facilitator.timing),
    // Twins side by side are told apart by their situations' own words (distinctTitles), never their ids.
    // The printed agenda names each by its situation alone (agendaNames), one line each, twins numbered (never by their deciding facts).
    scenarios: ((titles, short) => m.quiz.scenarios.map((s, i) => ({ id: s.id, title: titles[i]!, short: short[i]! })))(distinctTitles(m.quiz.scenarios, locale), agendaNames(m.quiz.scenarios, locale, t(locale, 'workshop.variant'))),
    guide: pathTo(locale, { page: 'guide', id: m.id }),
    handout: pathTo(locale, { page: 'handout', id: m.id }),
  }));
  return {
    modules,
    strings: stringsUnder(locale, 'workshop.'),
    minutesForms: STRINGS[locale]['plural.minutes'],
    scenarioForms: STRINGS[locale]['plural.scenarios'],
    presentPath: pathTo(locale, { page: 'present' }),
    otherPath: pathTo(otherLocale(locale), { page: 'workshop' }),
    langTag: LANG_TAG[locale],
  };
}

export async function presenterView(locale: Locale) {
  return { modules: await presenterIndex(), strings: stringsUnder(locale, 'present.'), plannerPath: pathTo(locale, { page: 'workshop' }), langTags: LANG_TAG };
}

/** The phones' page of a live room: its strings and the other language's address (the code is added in the browser). */
export async function joinView(locale: Locale) {
  return { strings: pickStrings(locale, ['join.']), lang: locale, langTag: LANG_TAG[locale], otherPath: pathTo(otherLocale(locale), { page: 'join' }), otherLang: otherLocale(locale), otherTag: LANG_TAG[otherLocale(locale)] };
}

type CourseModule = Awaited<ReturnType<typeof modulesIn>>[number];
const link = (locale: Locale, m: CourseModule | undefined) => (m ? { title: m.data.title, href: pathTo(locale, { page: 'module', id: m.id }) } : undefined);

/** Every module page of a locale: the lesson, its quiz, and links to its neighbours. */
export async function modulePages(locale: Locale): Promise<RouteEntry<'module', Awaited<ReturnType<typeof moduleView>>>[]> {
  const modules = await modulesIn(locale);
  return Promise.all(modules.map(async (m, i) => ({ ref: { page: 'module', id: m.id } as const, props: await moduleView(locale, m, modules, i) })));
}

async function moduleView(locale: Locale, module: CourseModule, modules: CourseModule[], i: number) {
  const { data, quiz } = module;
  // The titles of the seeds the quiz's options cite, for the source links under feedback.
  const seeds = [...new Set(quiz.scenarios.flatMap((s) => everyOption(s).map(({ option }) => option.source.seed)))];
  return {
    id: module.id,
    data,
    number: module.number,
    ...localMark(locale, module),
    minutes: module.minutes,
    render: module.render,
    scenarioCount: scenariosPerAttempt(quiz),
    previous: link(locale, modules[i - 1]),
    next: link(locale, modules[i + 1]),
    guidePath: pathTo(locale, { page: 'guide', id: module.id }),
    handoutPath: pathTo(locale, { page: 'handout', id: module.id }),
    plannerPath: `${pathTo(locale, { page: 'workshop' })}?plan=${module.id}`,
    homePath: pathTo(locale, { page: 'home' }),
    player: {
      // The questions only; feedback and sources come from the module's data file (quiz-details.ts).
      quiz: splitQuiz(forQuizIsland(quizForLocale(forLearner(quiz), locale), placeholderFill(institution(), locale)), locale).shell,
      dataHref: quizDataPath(locale, module.id),
      strings: pickStrings(locale, ['quiz.', 'kind.', 'option.']),
      seedTitles: Object.fromEntries(seeds.map((seed) => [seed, seedTitle(seed, locale)])),
      next: link(locale, modules[i + 1]),
      certificateHref: pathTo(locale, { page: 'certificate' }),
      finalTestHref: finalTestHref(locale),
      homeHref: pathTo(locale, { page: 'home' }),
      ui: pickKeys(locale, QUIZ_PLAYER_KEYS),
      moduleIds: modules.map((m) => m.id),
      // What `{contact}` in the feedback shows (absent in the general edition: the placeholder goes).
      ...((contact) => (contact ? { contact } : {}))(islandContact(placeholderFill(institution(), locale).contact)),
    },
  };
}

/** Every module's quiz details (feedback, sources) in a locale, one static JSON file each (`quizDataPath`). */
export async function quizDataFiles(locale: Locale) {
  const fill = placeholderFill(institution(), locale);
  return (await modulesIn(locale)).map((m) => splitQuiz(forQuizIsland(quizForLocale(forLearner(m.quiz), locale), fill), locale).details);
}

/** The quiz a learner's page gets: without the scenarios' discussion questions, which are the trainer's. */
function forLearner(quiz: Quiz): Quiz {
  return { ...quiz, scenarios: quiz.scenarios.map(({ discussion: _, ...s }) => s as Scenario) };
}

/** Every module's facilitator guide in a locale: options in the printed order (`guideScenario`). */
export async function guidePages(locale: Locale) {
  const standard = pickStrings(locale, ['option.']);
  return (await modulesIn(locale)).map((m) => {
    const title = t(locale, 'guide.heading', { title: m.data.title });
    return {
      ref: { page: 'guide', id: m.id } as const,
      props: {
        title,
        runningTitle: `${title} · ${t(locale, 'site.title')}`,
        module: { title: m.data.title, href: pathTo(locale, { page: 'module', id: m.id }) },
        eyebrow: `${t(locale, 'module.number', { n: m.number })} · ${plural(locale, 'plural.minutes', workshopMinutes(m.data.facilitator.timing))}`,
        objectives: m.data.objectives,
        timing: m.data.facilitator.timing.map((r) => `${plural(locale, 'plural.minutes', r.minutes)}: ${r.activity}`),
        keyPoints: m.data.keyPoints,
        questions: m.data.facilitator.questions,
        // Printed: the contact as text where the feedback says `{contact}`.
        scenarios: fillPlainDeep(m.quiz.scenarios.map((s) => guideScenario(s, locale, standard)), placeholderFill(institution(), locale)),
      },
    };
  });
}

/** Every module's one-page handout in a locale: the sources in the reader's language. */
export async function handoutPages(locale: Locale) {
  return (await modulesIn(locale)).map((m) => ({
    ref: { page: 'handout', id: m.id } as const,
    props: {
      title: t(locale, 'handout.heading', { title: m.data.title }),
      module: { title: m.data.title, href: pathTo(locale, { page: 'module', id: m.id }) },
      eyebrow: `${t(locale, 'handout.course')} · ${t(locale, 'module.number', { n: m.number })}`,
      summary: m.data.summary,
      keyPoints: m.data.keyPoints,
      // In the learner's language: the Latvian quotation, or its English translation.
      // A passage without a translation stays Latvian, in Latvian quotation marks; a translation gets the locale's.
      sources: m.data.sources.map((source) => ({ quote: locale === 'lv' ? source.quote : (source.translation ?? source.quote), latvian: locale === 'lv' || source.translation === undefined, cite: seedTitle(source.seed, locale) })),
    },
  }));
}
