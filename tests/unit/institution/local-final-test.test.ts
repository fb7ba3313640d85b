import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocalQuizzes, type LocalFolder } from '../../../src/lib/course/local-modules';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { loadBank } from '../../../src/lib/final-test/bank';
import { DEFAULT_RULES, drawFinalTest } from '../../../src/lib/final-test/draw';
import { readLocalFinalTest, wholeBankProblem } from '../../../src/lib/final-test/local-final-test';
import { readLocalFinalTestFiles } from '../../../src/lib/final-test/local-final-test-files';
import { finalBankFiles } from '../../support/final-bank';
import { root, seeds } from '../helpers';

// The institution's own final-test items (issue 16): the ministrija fixture's local/final-test/,
// and copies of it broken one thing at a time. The build runs exactly these functions
// (content.config.ts) and bundles the same files (scripts/local-final-test-bank.mjs).
const FIXTURE = join(root, 'tests/fixtures/institutions/ministrija/local');
const FILE = 'final-test/ministrijas-kartiba.yaml';
const LOCAL_ID = 'ministrijas-kartiba';
const work = mkdtempSync(join(tmpdir(), 'local-final-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const courseBank = loadBank(finalBankFiles).bank;
const courseQuizzes = readQuizzes(root);

function copy(edit: (text: string) => string = (t) => t, file = FILE): LocalFolder {
  const dir = mkdtempSync(join(work, 'local-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return { dir, label: 'local' };
}

const read = (folder: LocalFolder, required = true) =>
  readLocalFinalTest({ folder, seeds, localIds: [LOCAL_ID], courseBank, moduleQuizzes: [...courseQuizzes, ...readLocalQuizzes(folder, seeds, [])], required });

const problemOf = (folder: LocalFolder, required = true) => {
  try {
    read(folder, required);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('the ministrija fixture’s final-test items', () => {
  it('pass every check of the course’s bank, citing the ministry’s own rules', () => {
    const [quiz, ...more] = read(copy());
    expect(more).toEqual([]);
    expect(quiz!.moduleId).toBe(LOCAL_ID);
    expect(quiz!.scenarios.map((s) => s.id)).toEqual(['ft-tm-sports-day-all-agreed', 'ft-tm-sports-day-one-said-no', 'ft-tm-friend-post-false-closure', 'ft-tm-friend-post-fire-at-night']);
    expect(quiz!.scenarios.flatMap((s) => ('options' in s ? s.options.map((o) => o.source.doc) : []))).toEqual(Array(12).fill('kartiba.md'));
  });

  it('join the course’s bank: the draw rules, the lesson reader, the gambler and the skimmer hold for the whole bank', () => {
    const bank = loadBank(finalBankFiles, readLocalFinalTestFiles(FIXTURE)).bank;
    expect(bank.at(-1)!.moduleId).toBe(LOCAL_ID);
    expect(wholeBankProblem(bank, [LOCAL_ID], DEFAULT_RULES, 'local')).toBeUndefined();
    // Every attempt takes at least perModule items of the institution's module.
    for (const seed of [1, 2, 3]) expect(drawFinalTest(bank, seed).filter((r) => r.module === LOCAL_ID).length).toBeGreaterThanOrEqual(DEFAULT_RULES.perModule);
  }, 120_000);

  it('change the bank’s version (attempt tokens carry it), which without them is the general edition’s', () => {
    const general = loadBank(finalBankFiles).version;
    const withLocal = loadBank(finalBankFiles, readLocalFinalTestFiles(FIXTURE)).version;
    expect(withLocal).not.toBe(general);
    expect(loadBank(finalBankFiles, []).version).toBe(general);
    const edited = readLocalFinalTestFiles(FIXTURE).map(([n, t]) => [n, t.replace('piecus kolēģus', 'sešus kolēģus')] as const);
    expect(loadBank(finalBankFiles, edited).version).not.toBe(withLocal);
  });
});

describe('a broken local final-test file stops the build, naming file › field', () => {
  it('a quote that is not in the institution’s document', () => {
    const folder = copy((t) => t.replace('Ministrijas oficiālajos kontos ierakstus publicē tikai Komunikācijas nodaļa.', 'Ministrijas kontos publicē jebkurš darbinieks.'));
    expect(problemOf(folder)).toMatch(/local\/final-test\/ministrijas-kartiba\.yaml: scenario "ft-tm-sports-day-all-agreed" › option "post-yourself" › source/);
  });

  it('an id without ft-, or one the course’s bank or a module quiz already has', () => {
    expect(problemOf(copy((t) => t.replaceAll('ft-tm-sports-day-all-agreed', 'tm-sports-day-all-agreed')))).toMatch(/local\/final-test\/ministrijas-kartiba\.yaml: scenario "tm-sports-day-all-agreed": a final-test id starts with ft-/);
    const taken = courseBank[0]!.scenarios[0]!.id;
    expect(problemOf(copy((t) => t.replaceAll('ft-tm-friend-post-false-closure', taken)))).toMatch(new RegExp(`scenario "${taken}": the id is already in the final test's bank`));
    expect(problemOf(copy((t) => t.replaceAll('ft-tm-friend-post-false-closure', 'seminar-photo-all-agreed')))).toMatch(/scenario "seminar-photo-all-agreed": a module quiz has a scenario with this id/);
  });

  it('a situation the module quiz already asks', () => {
    const quizSituation = 'Jūs nofotografējāt ministrijas iekšējo semināru. Visi trīs attēlā redzamie kolēģi teica, ka piekrīt attēla publicēšanai. Komunikācijas nodaļa lūdz jums to nosūtīt ierakstam ministrijas oficiālajā kontā.';
    // Both twins' situations replaced (twins' situations stay within 10 % in length): the first is the quiz's own.
    const folder = copy((t) =>
      t
        .replace(/lv: "Ministrijas iekšējā pasākumā[^"]*visi pieci atbildēja „jā”[^"]*"/, `lv: "${quizSituation}"`)
        .replace(/lv: "Ministrijas iekšējā pasākumā[^"]*piektais atbildēja „nē”[^"]*"/, `lv: "${quizSituation.replace('Visi trīs attēlā redzamie kolēģi teica', 'Divi no trim attēlā redzamajiem kolēģiem teica')}"`),
    );
    expect(problemOf(folder)).toMatch(/scenario "ft-tm-sports-day-all-agreed" › situation › lv: the same situation as the module quiz's scenario "seminar-photo-all-agreed"/);
  });

  it('tu instead of jūs, and "all of the above"', () => {
    expect(problemOf(copy((t) => t.replaceAll('Ko jums darīt ar šo attēlu?', 'Ko tev darīt ar šo attēlu?')))).toMatch(/scenario "ft-tm-sports-day-all-agreed" › question › lv: „tev” addresses the reader as tu/);
    expect(problemOf(copy((t) => t.replaceAll('Send this photo to the Communication Unit', 'All of the above')))).toMatch(/option.*label › en: no "all of the above" option/);
  });

  it('a right option longer than the others (a learner who picks the longest passes)', () => {
    const folder = copy((t) => t.replaceAll('Palikt ārpus diskusijas un ziņot Komunikācijas nodaļai', 'Palikt ārpus diskusijas, ne ar vienu to nepārrunāt un nekavējoties rakstiski ziņot par to ministrijas Komunikācijas nodaļai').replaceAll('Atsūtīt Komunikācijas nodaļai šo attēlu', 'Atsūtīt Komunikācijas nodaļai šo attēlu ar visu piecu kolēģu vārdiem un uzvārdiem un piekrišanu rakstiski'));
    expect(problemOf(folder)).toMatch(/local\/final-test\/ministrijas-kartiba\.yaml: options › lv: the right options are on average 1\.\d\d times as long as the others/);
  });

  it('a file that is not a local module’s, and draw rules', () => {
    const dir = mkdtempSync(join(work, 'local-'));
    cpSync(FIXTURE, dir, { recursive: true });
    cpSync(join(dir, FILE), join(dir, 'final-test/cita-kartiba.yaml'));
    expect(problemOf({ dir, label: 'local' })).toMatch(/local\/final-test\/cita-kartiba\.yaml: no local module "cita-kartiba"/);
    expect(problemOf(copy((t) => t.replace('passPercent: 80', 'passPercent: 80\ndraw:\n  count: 2')))).toMatch(/ministrijas-kartiba\.yaml: draw: the final test has no draw rules of its own/);
  });

  it('a local module without final-test items, where certificates need the final test; allowed where they do not', () => {
    const dir = mkdtempSync(join(work, 'local-'));
    cpSync(FIXTURE, dir, { recursive: true });
    rmSync(join(dir, 'final-test'), { recursive: true });
    expect(problemOf({ dir, label: 'local' })).toMatch(/local\/final-test\/ministrijas-kartiba\.yaml: missing: the local module "ministrijas-kartiba" has no final-test items/);
    expect(problemOf({ dir, label: 'local' }, false)).toBe('no error');
  });

  it('the whole bank: local items without a twin pair cannot be drawn under the default rules, and the build says which file', () => {
    const files = readLocalFinalTestFiles(FIXTURE).map(([n, t]) => [n, t.replace(/\n    twin: [a-z-]+/g, '')] as const);
    const bank = loadBank(finalBankFiles, files).bank;
    expect(wholeBankProblem(bank, [LOCAL_ID], DEFAULT_RULES, 'local')).toMatch(/^The final test with the institution's items \(local\/final-test\/\): .*each module needs at least one pair: local\/final-test\/ministrijas-kartiba\.yaml has none/);
  }, 60_000);
});

it('the fixture folder holds one final-test file per local module', () => {
  expect(readdirSync(join(FIXTURE, 'final-test'))).toEqual(readdirSync(join(FIXTURE, 'lv')).map((f) => f.replace(/\.md$/, '.yaml')));
});
