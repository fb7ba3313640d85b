import type { Locale } from '../i18n/locales';

// Intl gives Latvian month names in the nominative („decembris”); „… redakcija” needs the genitive.
const LV_GENITIVE = ['janvāra', 'februāra', 'marta', 'aprīļa', 'maija', 'jūnija', 'jūlija', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra'];

/** A course edition's date as a phrase: „2026. gada 1. decembra”, "1 December 2026". */
export function editionDate(locale: Locale, isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  if (locale === 'lv') return `${d.getUTCFullYear()}. gada ${d.getUTCDate()}. ${LV_GENITIVE[d.getUTCMonth()]}`;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** Fills a template such as "{date} redakcija ({id})" with the edition's date and short id. */
export function editionLabel(locale: Locale, template: string, edition: { date: string; version: string }): string {
  return template.replace('{date}', editionDate(locale, edition.date)).replace('{id}', edition.version.slice(0, 6));
}
