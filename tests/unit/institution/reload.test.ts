import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { InstitutionFileError } from '../../../src/lib/institution/validate';
import { institution } from '../../../src/server/institution';
import { root } from '../helpers';

// Under `npm run dev` the specialist edits institution.yaml with the server running (README's guide,
// step 4): the edition is read again when the file is saved, and a mistake throws (the page's error
// overlay) instead of the old file's pages staying up until a restart.
const dir = mkdtempSync(join(tmpdir(), 'institution-reload-'));
const previous = process.env.INSTITUTION_FILE;
afterAll(() => {
  process.env.INSTITUTION_FILE = previous;
  rmSync(dir, { recursive: true, force: true });
});

it('reads the institution file again when it is saved, and throws file › field when the save broke it', () => {
  const file = join(dir, 'institution.yaml');
  const text = readFileSync(join(root, 'tests/fixtures/institutions/agentura/institution.yaml'), 'utf8');
  copyFileSync(join(root, 'tests/fixtures/institutions/agentura/logo.png'), join(dir, 'logo.png'));
  writeFileSync(file, text);
  utimesSync(file, 1, 1);
  process.env.INSTITUTION_FILE = file;
  const first = institution()!;
  expect(institution()).toBe(first); // unchanged file: the same object, not read again
  writeFileSync(file, text.replace(/^(\s+lv:\s*).*$/m, '$1Pārsauktā aģentūra'));
  utimesSync(file, 2, 2);
  expect(institution()!.name.lv).toBe('Pārsauktā aģentūra');
  writeFileSync(file, `${text}\naccent: "#fff;}body{display:none"\n`);
  utimesSync(file, 3, 3);
  expect(() => institution()).toThrowError(InstitutionFileError);
  expect(() => institution()).toThrowError(/institution\.yaml › accent: must be a colour/);
  writeFileSync(file, text);
  utimesSync(file, 4, 4);
  expect(institution()!.name.lv).toBe(first.name.lv);
});

it('outside `astro dev` (a build, the server) reads the file once: a save is not looked for, another INSTITUTION_FILE is read', () => {
  vi.stubEnv('DEV', false);
  try {
    const text = readFileSync(join(root, 'tests/fixtures/institutions/agentura/institution.yaml'), 'utf8');
    copyFileSync(join(root, 'tests/fixtures/institutions/agentura/logo.png'), join(dir, 'logo.png'));
    const [file, other] = [join(dir, 'built.yaml'), join(dir, 'other.yaml')];
    writeFileSync(file, text);
    utimesSync(file, 1, 1);
    process.env.INSTITUTION_FILE = file;
    const first = institution()!;
    writeFileSync(file, text.replace(/^(\s+lv:\s*).*$/m, '$1Pārsauktā aģentūra'));
    utimesSync(file, 2, 2);
    expect(institution()).toBe(first);
    writeFileSync(other, text.replace(/^(\s+lv:\s*).*$/m, '$1Cita aģentūra'));
    process.env.INSTITUTION_FILE = other;
    expect(institution()!.name.lv).toBe('Cita aģentūra');
  } finally {
    vi.unstubAllEnvs();
  }
});
