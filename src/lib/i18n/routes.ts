import type { Locale } from './locales';

/** A page of the course, independent of language, so the language switch can keep the page. */
export type PageRef = { page: 'home' } | { page: 'progress' } | { page: 'module'; id: string } | { page: 'not-found' };

/** Localised path segments: Latvian URLs read as Latvian. */
const SEGMENTS: Record<Locale, { module: string; progress: string }> = {
  lv: { module: 'moduli', progress: 'progress' },
  en: { module: 'modules', progress: 'progress' },
};

export function moduleSegment(locale: Locale): string {
  return SEGMENTS[locale].module;
}

export function pathTo(locale: Locale, ref: PageRef): string {
  switch (ref.page) {
    case 'home':
    case 'not-found':
      return `/${locale}/`;
    case 'progress':
      return `/${locale}/${SEGMENTS[locale].progress}/`;
    case 'module':
      return `/${locale}/${SEGMENTS[locale].module}/${ref.id}/`;
  }
}
