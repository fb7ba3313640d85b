import { LOCALES, type Locale } from './locales';

/** A page of the course, independent of language, so the language switch can keep the page. */
export type PageRef =
  | { page: 'home' }
  | { page: 'progress' }
  | { page: 'certificate' }
  | { page: 'final-test' }
  | { page: 'verify' }
  | { page: 'workshop' }
  | { page: 'present' }
  | { page: 'join' }
  /** The content preview for the reviewer: `astro dev` only (src/dev/content-preview.ts), never built. */
  | { page: 'preview' }
  | { page: 'guide'; id: string }
  | { page: 'handout'; id: string }
  | { page: 'module'; id: string }
  | { page: 'not-found' };

export type PageName = PageRef['page'];
export type RefOf<P extends PageName> = Extract<PageRef, { page: P }>;

/** Localised path segments: Latvian URLs read as Latvian. */
const SEGMENTS = {
  lv: { module: 'moduli', progress: 'progress', 'final-test': 'nosleguma-tests', certificate: 'sertifikats', verify: 'parbaudit', workshop: 'darbnica', present: 'prezentacija', join: 'pievienoties', guide: 'vaditajam', handout: 'izdale', preview: 'satura-prieksskatijums' },
  en: { module: 'modules', progress: 'progress', 'final-test': 'final-test', certificate: 'certificate', verify: 'verify', workshop: 'workshop', present: 'present', join: 'join', guide: 'facilitator-guide', handout: 'handout', preview: 'content-preview' },
} as const satisfies Record<Locale, Record<string, string>>;

type Segment = keyof (typeof SEGMENTS)['lv'];
/** One part of an address after the locale: the route file's parameter name and its value. */
type Part = readonly [param: string, value: string];
const fixed = (param: string, segment: Segment) => (locale: Locale): Part => [param, SEGMENTS[locale][segment]];
const id = (ref: { id: string }): Part => ['id', ref.id];

/**
 * The route table: for every page, the parts of its address after `/<locale>/`, each named by the
 * parameter of the route file that serves it (`src/pages/[locale]/[modules]/[id]/[guide].astro`
 * has `modules`, `id` and `guide`). `pathTo` joins the values; `routePaths` hands the same parts to
 * Astro as `getStaticPaths` params, so an address and the page that answers it cannot disagree.
 */
const ROUTES: { [P in PageName]: (locale: Locale, ref: RefOf<P>) => readonly Part[] } = {
  home: () => [],
  'not-found': () => [],
  progress: (l) => [fixed('progress', 'progress')(l)],
  'final-test': (l) => [fixed('finalTest', 'final-test')(l)],
  certificate: (l) => [fixed('certificate', 'certificate')(l)],
  verify: (l) => [fixed('verify', 'verify')(l)],
  workshop: (l) => [fixed('workshop', 'workshop')(l)],
  present: (l) => [fixed('presenter', 'present')(l)],
  join: (l) => [fixed('join', 'join')(l)],
  preview: (l) => [fixed('preview', 'preview')(l)],
  module: (l, ref) => [fixed('modules', 'module')(l), id(ref)],
  guide: (l, ref) => [fixed('modules', 'module')(l), id(ref), fixed('guide', 'guide')(l)],
  handout: (l, ref) => [fixed('modules', 'module')(l), id(ref), fixed('handout', 'handout')(l)],
};

const partsOf = <P extends PageName>(locale: Locale, ref: RefOf<P>): readonly Part[] => (ROUTES[ref.page as P] as (l: Locale, r: RefOf<P>) => readonly Part[])(locale, ref);

export function pathTo(locale: Locale, ref: PageRef): string {
  return `/${[locale, ...partsOf(locale, ref).map(([, value]) => value)].join('/')}/`;
}

/** A route file's params for one page: `{ locale, modules: 'moduli', id: '…' }`. */
export function paramsOf(locale: Locale, ref: PageRef): Record<string, string> {
  return { locale, ...Object.fromEntries(partsOf(locale, ref)) };
}

/** What a route file's page shows in one locale: the page (with its id, if any) and its view model. */
export interface RouteEntry<P extends PageName, Props> {
  ref: RefOf<P>;
  props: Props;
}

/**
 * `getStaticPaths` for a route file, in both locales, from the route table: the view-model function
 * gives the pages of one locale (one for a tool page, one per module for a module page) and their props.
 * The page's ref travels in the props as `ref`, for the layout's language switch.
 */
export async function routePaths<P extends PageName, Props extends object>(
  page: P,
  entries: (locale: Locale) => Promise<RouteEntry<P, Props>[]> | RouteEntry<P, Props>[],
) {
  const paths = [];
  for (const locale of LOCALES)
    for (const entry of await entries(locale)) {
      if (entry.ref.page !== page) throw new Error(`route ${page}: the view model gave a ${entry.ref.page} page`);
      paths.push({ params: paramsOf(locale, entry.ref), props: { ...entry.props, locale, ref: entry.ref } });
    }
  return paths;
}

/** The common case: one page per locale whose view model needs only the locale. */
export function onePerLocale<P extends PageName, Props extends object>(ref: RefOf<P>, view: (locale: Locale) => Promise<Props> | Props) {
  return routePaths(ref.page as P, async (locale) => [{ ref, props: await view(locale) }]);
}
