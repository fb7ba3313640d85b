import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse, type ModuleEntry } from '../../../src/lib/course/check-course';
import { docTitle, idCollisions, localDocSeeds, readLocalDocs, readLocalQuizzes, type LocalFolder } from '../../../src/lib/course/local-modules';
import { moduleSchema } from '../../../src/lib/course/module-schema';
import { readFrontmatter } from '../../../src/lib/course/read-sources';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { InstitutionFileError } from '../../../src/lib/institution/validate';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import { loadInstitution } from '../../../src/server/institution';
import { root, seeds } from '../helpers';

// The institution's local modules (issue 16, item 3): the ministrija fixture's folder, and copies of
// it broken one thing at a time. The build runs exactly these functions (content.config.ts, data/course.ts).
const FIXTURE = join(root, 'tests/fixtures/institutions/ministrija');
const QUIZ = 'ministrijas-kartiba.yaml';
const work = mkdtempSync(join(tmpdir(), 'local-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const courseIds = readdirSync(join(root, 'quizzes')).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).map((f) => f.replace(/\.yaml$/, ''));

/** A copy of the fixture's folder, changed by `edit` (path inside the folder → new text). */
function copy(edit: (read: (path: string) => string, write: (path: string, text: string) => void) => void = () => {}): LocalFolder {
  const dir = mkdtempSync(join(work, 'local-'));
  cpSync(join(FIXTURE, 'local'), dir, { recursive: true });
  edit((path) => readFileSync(join(dir, path), 'utf8'), (path, text) => writeFileSync(join(dir, path), text));
  return { dir, label: 'local' };
}

/** The folder's lessons as the build's check sees them. */
function lessons(folder: LocalFolder): ModuleEntry[] {
  return LOCALES.flatMap((locale) =>
    readdirSync(join(folder.dir, locale)).map((f) => {
      const text = readFileSync(join(folder.dir, locale, f), 'utf8');
      return { locale, id: f.replace(/\.md$/, ''), data: moduleSchema.parse(readFrontmatter(text)), body: text.replace(/^---[\s\S]*?\n---\n/, '') };
    }),
  );
}

const check = (folder: LocalFolder) =>
  checkCourse(lessons(folder), readLocalQuizzes(folder, seeds, courseIds).map((q) => q.moduleId), localDocSeeds(seeds, readLocalDocs(folder.dir)), { modules: folder.label, quizzes: `${folder.label}/quizzes` });

const quizError = (folder: LocalFolder) => {
  try {
    readLocalQuizzes(folder, seeds, courseIds);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('the ministrija fixture’s local module', () => {
  it('passes every check the course’s modules get, citing the ministry’s own rules', () => {
    const folder = copy();
    const [quiz, ...more] = readLocalQuizzes(folder, seeds, courseIds);
    expect(more).toEqual([]);
    expect(quiz!.moduleId).toBe('ministrijas-kartiba');
    expect(quiz!.scenarios).toHaveLength(4);
    expect(quiz!.scenarios.flatMap((s) => ('options' in s ? s.options.map((o) => o.source.doc) : []))).toEqual(Array(12).fill('kartiba.md'));
    expect(check(folder)).toEqual([]);
    expect(docTitle('kartiba.md', readLocalDocs(folder.dir)['kartiba.md']!, { lv: 'Testa ministrija', en: 'Ministry of Testing' })).toEqual({
      lv: 'Testa ministrija, „Testa ministrijas sociālo mediju lietošanas kārtība”',
      en: 'Ministry of Testing, “Testa ministrijas sociālo mediju lietošanas kārtība”',
    });
  });

  it('is named by the institution file, resolved next to it', () => {
    const institution = loadInstitution(join(FIXTURE, 'institution.yaml'));
    expect(institution.modules).toEqual({ dir: join(FIXTURE, 'local'), label: 'tests/fixtures/institutions/ministrija/local' });
    expect(loadInstitution(join(root, 'tests/fixtures/institutions/agentura/institution.yaml')).modules).toBeUndefined();
  });

  it('stops at a modules: folder that is not there, naming the file and the field', () => {
    const dir = mkdtempSync(join(work, 'institution-'));
    cpSync(join(FIXTURE, 'logo.svg'), join(dir, 'logo.svg'));
    writeFileSync(join(dir, 'institution.yaml'), readFileSync(join(FIXTURE, 'institution.yaml'), 'utf8').replace('modules: ./local', 'modules: ./lokalie'));
    expect(() => loadInstitution(join(dir, 'institution.yaml'))).toThrow(InstitutionFileError);
    expect(() => loadInstitution(join(dir, 'institution.yaml'))).toThrow(/institution\.yaml › modules: \.\/lokalie is not a folder next to the institution file/);
  });
});

describe('a broken local module fails naming the file and the field', () => {
  it('a quiz field the schema refuses', () => {
    const folder = copy((read, write) => write(`quizzes/${QUIZ}`, read(`quizzes/${QUIZ}`).replace('kind: choice', 'kind: choise')));
    expect(quizError(folder)).toContain('local/quizzes/ministrijas-kartiba.yaml: scenario "resident-asks-own-programme" › kind: Invalid discriminator value');
  });

  it('a scenario without its question for the room, as in the course’s module quizzes', () => {
    const folder = copy((read, write) => write(`quizzes/${QUIZ}`, read(`quizzes/${QUIZ}`).replace(/    discussion:\n      lv: [^\n]*\n      en: [^\n]*\n/, '')));
    expect(quizError(folder)).toContain('local/quizzes/ministrijas-kartiba.yaml: scenario "seminar-photo-all-agreed" › discussion: missing');
  });

  it('a document that is not in the folder', () => {
    const folder = copy((read, write) => write(`quizzes/${QUIZ}`, read(`quizzes/${QUIZ}`).replace('doc: kartiba.md', 'doc: nolikums.md')));
    expect(quizError(folder)).toContain(
      'local/quizzes/ministrijas-kartiba.yaml: scenario "seminar-photo-all-agreed" › option "share" › source.doc: "nolikums.md" is not a document in the institution\'s modules folder',
    );
  });

  it('a passage the document does not hold', () => {
    const folder = copy((read, write) => write('kartiba.md', read('kartiba.md').replace('divu darba dienu laikā', 'trīs darba dienu laikā')));
    expect(quizError(folder)).toMatch(/local\/quizzes\/ministrijas-kartiba\.yaml: scenario "resident-asks-own-programme" › option "forward-to-department" › source\.quote: not found word for word in kartiba\.md/);
    // The lesson quotes the same rule: its check names the lesson, its source and the field.
    const lessonsOnly = copy((read, write) => write('lv/ministrijas-kartiba.md', read('lv/ministrijas-kartiba.md').replace('doc: kartiba.md', 'doc: cits.md')));
    expect(check(lessonsOnly)).toEqual([expect.stringMatching(/^local\/lv\/ministrijas-kartiba\.md › sources #1 › doc: "cits\.md" is not a document/)]);
  });

  it('a lesson missing in one locale, or a quiz without its lesson', () => {
    const folder = copy();
    rmSync(join(folder.dir, 'en', 'ministrijas-kartiba.md'));
    expect(check(folder)).toContain('local/en/ministrijas-kartiba.md: missing (module "ministrijas-kartiba" exists in another locale)');
  });

  it('a quiz that can be passed without reading (the twin marks removed): no known failures are allowed', () => {
    const folder = copy((read, write) => write(`quizzes/${QUIZ}`, read(`quizzes/${QUIZ}`).replace(/^ {4}twin: .*\n/gm, '').replace('What should you do with this question?', 'What do you do?').replace('Kā jums rīkoties ar šo jautājumu?', 'Ko jūs darāt?').replace('Ko jums darīt ar šo fotoattēlu?', 'Ko jūs darāt ar šo attēlu?').replace('What should you do with this photo?', 'What do you do with it?')));
    expect(quizError(folder)).toMatch(/local\/quizzes\/ministrijas-kartiba\.yaml: can be passed without reading: lesson-reader/);
  });

  it('a general quiz may not cite a document: only local modules have them', () => {
    const text = readFileSync(join(FIXTURE, 'local/quizzes', QUIZ), 'utf8');
    expect(() => loadQuizFile(`quizzes/${QUIZ}`, text, seeds)).toThrow(/source\.doc: "kartiba\.md" is not a document in the institution's modules folder/);
  });

  it('a source that names both a seed and a document', () => {
    const folder = copy((read, write) => write(`quizzes/${QUIZ}`, read(`quizzes/${QUIZ}`).replace('doc: kartiba.md', 'doc: kartiba.md\n          seed: 001_7cdec0fa160c0599.txt')));
    expect(quizError(folder)).toContain('local/quizzes/ministrijas-kartiba.yaml: scenario "seminar-photo-all-agreed" › option "share" › source.seed: give either seed: (a seed file) or doc: (a document of the institution), not both');
  });
});

describe('a local module’s id must not be one of the course’s', () => {
  it('a quiz file named like a course module stops the build', () => {
    const folder = copy();
    renameSync(join(folder.dir, 'quizzes', QUIZ), join(folder.dir, 'quizzes', 'oficialais-konts.yaml'));
    expect(quizError(folder)).toContain('local/quizzes/oficialais-konts.yaml: id: "oficialais-konts" is already a module of the course');
  });

  it('so does a lesson', () => {
    expect(idCollisions({ dir: '/x', label: 'local' }, [{ locale: 'lv', id: 'oficialais-konts' }, { locale: 'lv', id: 'ministrijas-kartiba' }], courseIds)).toEqual([
      'local/lv/oficialais-konts.md: id "oficialais-konts" is already a module of the course; give the local module another file name',
    ]);
  });
});
