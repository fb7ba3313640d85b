import type { Locale } from './locales';

/** A page of the course, independent of language, so the language switch can keep the page. */
export type PageRef =
  | { page: 'home' }
  | { page: 'progress' }
  | { page: 'certificate' }
  | { page: 'verify' }
  | { page: 'module'; id: string }
  | { page: 'not-found' };

/** Localised path segments: Latvian URLs read as Latvian. */
const SEGMENTS: Record<Locale, { module: string; progress: string; certificate: string; verify: string }> = {
  lv: { module: 'moduli', progress: 'progress', certificate: 'sertifikats', verify: 'parbaudit' },
  en: { module: 'modules', progress: 'progress', certificate: 'certificate', verify: 'verify' },
};

/** The single-segment pages served by `[locale]/[page].astro`. */
export const TOOL_PAGES = ['certificate', 'verify'] as const;
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
    case 'certificate':
    case 'verify':
      return `/${locale}/${SEGMENTS[locale][ref.page]}/`;
    case 'module':
      return `/${locale}/${SEGMENTS[locale].module}/${ref.id}/`;
  }
}
