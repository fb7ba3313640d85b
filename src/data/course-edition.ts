import { courseVersion } from './course';

/**
 * The course edition a certificate names: the date fixed at build time (scripts/edition-date.mjs)
 * and the first 6 hex digits of the content hash, shown as „2026. gada 1. decembra redakcija (667e35)”.
 */
export async function courseEdition(): Promise<{ date: string; version: string }> {
  return { date: import.meta.env.COURSE_EDITION_DATE as string, version: (await courseVersion()).slice(0, 6) };
}
