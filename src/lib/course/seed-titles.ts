import type { LocalizedText } from '../i18n/locales';

/** How each seed document is cited in lessons and feedback. */
export const SEED_TITLES: Record<string, LocalizedText> = {
  '001_7cdec0fa160c0599.txt': {
    lv: 'Valsts kancelejas „Sociālo mediju izmantošanas vadlīnijas valsts pārvaldei” (publicētas rakstā)',
    en: 'State Chancellery, “Guidelines for the use of social media in public administration” (as published in an article)',
  },
  '000_1633997fd070a9ff.txt': {
    lv: 'L. Muraškina, „Sociālo mediju lietošanas vadlīnijas – robežas un jauni horizonti”, konferences prezentācija, 2011',
    en: 'L. Muraškina, “Social media guidelines – boundaries and new horizons”, conference presentation, 2011',
  },
};

/** An institution's documents that its local modules cite (`doc:`), registered when the course is loaded. */
const DOC_TITLES = new Map<string, LocalizedText>();

export function registerDocTitles(titles: Record<string, LocalizedText>): void {
  for (const [name, title] of Object.entries(titles)) DOC_TITLES.set(name, title);
}

export function seedTitle(seed: string, locale: keyof LocalizedText): string {
  return SEED_TITLES[seed]?.[locale] ?? DOC_TITLES.get(seed)?.[locale] ?? seed;
}
