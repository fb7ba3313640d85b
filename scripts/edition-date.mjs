// The course edition's date, fixed at build time: COURSE_EDITION_DATE (YYYY-MM-DD) when set,
// otherwise the date of the last commit that changed a lesson or a quiz, otherwise today.
// Certificates show it next to the content hash: „2026. gada 1. decembra redakcija (667e35)”.
import { execFileSync } from 'node:child_process';

export function editionDate(env = process.env) {
  if (env.COURSE_EDITION_DATE) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(env.COURSE_EDITION_DATE) || Number.isNaN(Date.parse(env.COURSE_EDITION_DATE)))
      throw new Error(`COURSE_EDITION_DATE must be a date as YYYY-MM-DD; got ${env.COURSE_EDITION_DATE}`);
    return env.COURSE_EDITION_DATE;
  }
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'modules', 'quizzes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  } catch {
    // not a git checkout: fall through
  }
  return new Date().toISOString().slice(0, 10);
}
