import type { Locale } from './locales';

/** A page of the course, independent of language, so the language switch can keep the page. */
export type PageRef =
  | { page: 'home' }
  | { page: 'progress' }
  | { page: 'certificate' }
  | { page: 'final-test' }
  | { page: 'verify' }
  | { page: 'workshop' }
  | { page: 'present' }
  | { page: 'guide'; id: string }
  | { page: 'handout'; id: string }
  | { page: 'module'; id: string }
  | { page: 'not-found' };

/** Localised path segments: Latvian URLs read as Latvian. */
const SEGMENTS: Record<Locale, Record<'module' | 'progress' | 'final-test' | (typeof TOOL_PAGES)[number] | (typeof MODULE_DOCS)[number], string>> = {
  lv: { module: 'moduli', progress: 'progress', 'final-test': 'nosleguma-tests', certificate: 'sertifikats', verify: 'parbaudit', workshop: 'darbnica', present: 'prezentacija', guide: 'vaditajam', handout: 'izdale' },
  en: { module: 'modules', progress: 'progress', 'final-test': 'final-test', certificate: 'certificate', verify: 'verify', workshop: 'workshop', present: 'present', guide: 'facilitator-guide', handout: 'handout' },
};

/** Printable documents under each module: `/lv/moduli/<id>/vaditajam/`, `/en/modules/<id>/handout/`. */
export const MODULE_DOCS = ['guide', 'handout'] as const;
export function docSegment(locale: Locale, doc: (typeof MODULE_DOCS)[number]): string {
  return SEGMENTS[locale][doc];
}

/** The single-segment pages served by `[locale]/[page].astro`. */
export const TOOL_PAGES = ['certificate', 'verify', 'workshop', 'present'] as const;
export function toolSegment(locale: Locale, page: (typeof TOOL_PAGES)[number]): string {
  return SEGMENTS[locale][page];
}

export function moduleSegment(locale: Locale): string {
  return SEGMENTS[locale].module;
}

export function pathTo(locale: Locale, ref: PageRef): string {
  switch (ref.page) {
    case 'home':
    case 'not-found':
      return `/${locale}/`;
    case 'progress':
    case 'final-test':
    case 'certificate':
    case 'verify':
    case 'workshop':
    case 'present':
      return `/${locale}/${SEGMENTS[locale][ref.page]}/`;
    case 'guide':
    case 'handout':
      return `/${locale}/${SEGMENTS[locale].module}/${ref.id}/${SEGMENTS[locale][ref.page]}/`;
    case 'module':
      return `/${locale}/${SEGMENTS[locale].module}/${ref.id}/`;
  }
}
