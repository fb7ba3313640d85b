import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readQuizzes } from '../../src/lib/course/read-sources';

/**
 * What the final test's and the certificate's route tests share: a throw-away SQLite register in a
 * fresh temporary folder (the data folder too, so the development keys are made there), no
 * PostgreSQL and the default assessment (the final test). Call it before the routes are imported:
 * the register and the keys are opened from these settings on first use. Returns the folder.
 */
export function useThrowawayRegister(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.env.CERT_DATA_DIR = dir;
  process.env.CERT_REGISTER_FILE = join(dir, 'register.sqlite');
  delete process.env.DATABASE_URL;
  delete process.env.CERT_ASSESSMENT;
  return dir;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * `src/data/course` as the routes see it, read from the repository's quizzes (the built course's
 * loader needs Astro): for `vi.mock('…/src/data/course', () => repositoryCourse())`.
 */
export function repositoryCourse(version = 'test') {
  return {
    courseQuizzes: async () => readQuizzes(root).map((quiz) => ({ id: quiz.moduleId, title: { lv: quiz.moduleId, en: quiz.moduleId }, quiz })),
    courseVersion: async () => version,
  };
}
