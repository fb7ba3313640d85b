import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { InstitutionFileError, logoProblem, parseInstitution, toInstitution, type Institution } from '../lib/institution/validate.ts';

/**
 * This edition's institution: the file `INSTITUTION_FILE` names (a path, relative to the working
 * directory), read at build (header, footer, accent, the verify page's issuer) and by the server
 * (the issuer on certificates). Unset: the general edition, `undefined`. A broken file throws
 * InstitutionFileError, which stops the build and `npm start` with every problem.
 */
export function loadInstitution(path: string): Institution {
  const inside = relative(process.cwd(), resolve(path));
  const label = inside && !inside.startsWith('..') ? inside : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InstitutionFileError(label, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check INSTITUTION_FILE`]);
  }
  const parsed = parseInstitution(text);
  if (!parsed.ok) throw new InstitutionFileError(label, parsed.problems);
  const logoPath = resolve(dirname(path), parsed.data.logo.file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(logoPath);
  } catch {
    throw new InstitutionFileError(label, [`logo.file: ${parsed.data.logo.file} not found next to the institution file (looked for ${relative(process.cwd(), logoPath)})`]);
  }
  const problem = logoProblem(parsed.data.logo.file, bytes);
  if (problem) throw new InstitutionFileError(label, [`logo.file: ${problem}`]);
  const edition = toInstitution(parsed.data, bytes);
  if (parsed.data.modules === undefined) return edition;
  const dir = resolve(dirname(path), parsed.data.modules);
  const folder = relative(process.cwd(), dir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new InstitutionFileError(label, [`modules: ${parsed.data.modules} is not a folder next to the institution file (looked for ${folder})`]);
  return { ...edition, modules: { dir, label: folder && !folder.startsWith('..') ? folder : dir } };
}

let cached: { path: string | undefined; stamp: number | undefined; institution: Institution | undefined } | undefined;

/** When the file was last saved (none when it cannot be read: loadInstitution then says so). */
const savedAt = (path: string | undefined) => (path ? statSync(path, { throwIfNoEntry: false })?.mtimeMs : undefined);

/**
 * The institution of `INSTITUTION_FILE`, read again only when the variable changes (as tests do) or,
 * under `npm run dev`, the file is saved: there an edit shows on the next page, and a mistake becomes
 * the page's error overlay naming file › field instead of going unnoticed until a restart. A build,
 * the server and the SCORM command (no `import.meta.env` under tsx) read it once, without a look at
 * the file on every call.
 */
export function institution(): Institution | undefined {
  const path = process.env.INSTITUTION_FILE || undefined;
  const stamp = import.meta.env?.DEV ? savedAt(path) : undefined;
  if (!cached || cached.path !== path || cached.stamp !== stamp) {
    cached = undefined;
    cached = { path, stamp, institution: path ? loadInstitution(path) : undefined };
  }
  return cached.institution;
}
