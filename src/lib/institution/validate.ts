import { parse } from 'yaml';
import type { z } from 'zod';
import type { Locale } from '../i18n/locales.ts';
import { accentContrastProblems } from './contrast.ts';
import { institutionSchema, type InstitutionFile } from './schema.ts';

/** The logo's size limit: the pages carry it inline (a data: address), so it must stay small. */
export const LOGO_MAX_BYTES = 64 * 1024;

/** An institution file that cannot be used; every problem reads `file › field: message`, as the course checks do. */
export class InstitutionFileError extends Error {
  readonly file: string;
  readonly problems: string[];
  // Plain fields, not parameter properties: `npm start` loads this file with Node's type stripping.
  constructor(file: string, problems: string[]) {
    super(`Invalid institution file ${file}:\n${problems.map((p) => `  - ${file} › ${p}`).join('\n')}`);
    this.name = 'InstitutionFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** The edition's institution as pages and certificates use it (the logo already read). */
export interface Institution {
  name: Record<Locale, string>;
  abbreviation: string;
  logo: { src: string; alt: Record<Locale, string> };
  contact: InstitutionFile['contact'];
  accounts: InstitutionFile['accounts'];
  /** The issuer's name on certificates. */
  issuerName: string;
  accent?: string;
  /** Its local modules' folder (`modules:`), resolved next to the file by src/server/institution.ts. */
  modules?: { dir: string; label: string };
}

/** A zod issue's path as a content author reads it: `accounts #2 › url: …`, `contact.email: …`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const parts: string[] = [];
  let fields: string[] = [];
  for (const key of issue.path) {
    if (typeof key === 'number') {
      parts.push(`${fields.join('.')} #${key + 1}`);
      fields = [];
    } else fields.push(String(key));
  }
  if (issue.code === 'unrecognized_keys') return [...parts, `${[...fields, ...issue.keys].join('.')}: not a field of the institution file (a typo?)`].join(' › ');
  const field = fields.join('.');
  return [...parts, field ? `${field}: ${issue.message}` : issue.message].join(' › ');
}

/** Parses and checks the file's text (not the logo's bytes): the data, or every problem. */
export function parseInstitution(text: string): { ok: true; data: InstitutionFile } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (error) {
    return { ok: false, problems: [`YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = institutionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  const problems = parsed.data.accent ? accentContrastProblems(parsed.data.accent).map((p) => `accent: ${p}`) : [];
  return problems.length ? { ok: false, problems } : { ok: true, data: parsed.data };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What is wrong with the logo's bytes, if anything: its size, or content that is not what its name says. */
/** What a logo SVG may not hold: code, and anything that loads from elsewhere. */
const SVG_ACTIVE: [RegExp, string][] = [
  [/<script[\s>/]/i, 'a <script>'],
  [/\son[a-z]+\s*=/i, 'an event handler (on…=)'],
  [/<foreignObject[\s>/]/i, 'a <foreignObject> (HTML inside the SVG)'],
  [/<!ENTITY/i, 'an XML entity declaration'],
  [/(?:href|src)\s*=\s*["']?\s*(?!#|data:image\/(?:png|jpeg|gif|webp);)[^"'\s>]/i, 'a link or reference to another file or address (href=…)'],
  [/url\(\s*["']?\s*(?!#)/i, 'a url(…) reference to another file or address'],
  [/@import/i, 'a stylesheet @import'],
];

export function logoProblem(path: string, bytes: Uint8Array): string | undefined {
  if (bytes.length > LOGO_MAX_BYTES) return `${path} is ${Math.ceil(bytes.length / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB (every page carries the logo)`;
  if (/\.png$/i.test(path)) return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? undefined : `${path} is not a PNG image`;
  const text = new TextDecoder().decode(bytes);
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text)) return `${path} is not an SVG image (it must start with <svg>)`;
  // Inert as the pages show it (an <img> of a data: address runs and loads nothing), but a logo is a
  // picture: one that would run a script or fetch from elsewhere wherever it is opened is refused.
  const active = SVG_ACTIVE.find(([pattern]) => pattern.test(text));
  if (active) return `${path} holds ${active[1]}; a logo may not: export it again as a plain SVG (shapes and text only)`;
  return undefined;
}

/** The logo as a data: address: an <img> of it loads nothing and runs nothing. */
export function logoDataUrl(path: string, bytes: Uint8Array): string {
  return /\.png$/i.test(path)
    ? `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`
    : `data:image/svg+xml;base64,${Buffer.from(bytes).toString('base64')}`;
}

/** The checked file and its logo's bytes as the edition uses them. */
export function toInstitution(data: InstitutionFile, logo: Uint8Array): Institution {
  return {
    name: data.name,
    abbreviation: data.abbreviation,
    logo: {
      src: logoDataUrl(data.logo.file, logo),
      alt: data.logo.alt ?? { lv: `${data.name.lv} logotips`, en: `${data.name.en} logo` },
    },
    contact: data.contact,
    accounts: data.accounts,
    issuerName: data.issuer?.name ?? data.name.lv,
    ...(data.accent ? { accent: data.accent.toLowerCase() } : {}),
  };
}
