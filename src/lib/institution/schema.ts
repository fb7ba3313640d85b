import { z } from 'zod';

/**
 * The institution file (`INSTITUTION_FILE`, YAML): who this edition of the course belongs to. One
 * file, written by a communication specialist, validated here; `schemas/institution.schema.json` is
 * generated from this schema (npm run schemas) so an editor can autocomplete and underline mistakes.
 * Pure: reading the file and its logo is src/server/institution.ts.
 */

/** A missing field says "missing"; a list or a number where text belongs says so. */
const missingOr = (otherwise: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : otherwise);

const filled = (what: string) => z.string({ error: missingOr(`${what} must be text`) }).trim().min(1, `${what} is empty`);

/** A text in both locales, each non-empty. */
const bothLocales = (what: string) =>
  z.strictObject({ lv: filled(`the Latvian ${what}`), en: filled(`the English ${what}`) }, { error: missingOr(`the ${what} in both languages: lv: … and en: …`) });

/**
 * An https:// page. The pages escape it where they print it, but `"`, `'`, `<` and `>` are never
 * needed in an address (they are written %22, %27, %3C, %3E) and are how a pasted snippet or an
 * attempt to leave an attribute looks: refused, so the file says so instead of the page.
 */
const httpsUrl = z
  .string({ error: missingOr('must be an https:// address') })
  .trim()
  .regex(/^https:\/\/[^\s/?#.][^\s]*$/, 'must be an https:// address')
  .regex(/^[^"'<>]*$/, 'must not contain " \' < or > (an address never needs them; write %22 %27 %3C %3E if one does)');

/** The logo: a local SVG or PNG next to the institution file; the pages carry it, so no remote address. */
const logoPath = z
  .string({ error: missingOr('must be the path of an .svg or .png file') })
  .trim()
  .min(1, 'the logo path is empty')
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//'), 'must be a local file (a path relative to the institution file), not an address: the course loads nothing from other sites')
  .regex(/\.(svg|png|SVG|PNG)$/, 'must be an .svg or .png file');

export const PLATFORMS = ['facebook', 'x', 'instagram', 'youtube', 'linkedin', 'tiktok', 'threads', 'bluesky', 'mastodon', 'flickr', 'other'] as const;

const account = z.strictObject({
  /** Which social network; `other` for one not listed. */
  platform: z.enum(PLATFORMS, { error: missingOr(`must be one of ${PLATFORMS.join(', ')}`) }).describe('The social network; other for one not listed'),
  /** The account's name as the network shows it, e.g. @VARAM_LV. */
  handle: filled('the handle').describe('The account as the network shows it, e.g. @Iestade'),
  /** The account's page. */
  url: httpsUrl.describe('The account’s page, https://…'),
});

/** #rgb or #rrggbb. */
export const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export const institutionSchema = z.strictObject({
  /** The institution's full name, as the header shows it. */
  name: bothLocales('name').describe('The institution’s full name in Latvian (lv) and English (en)'),
  /** Its short name, e.g. VARAM. */
  abbreviation: filled('the abbreviation').max(20, 'at most 20 characters').describe('Its short name, e.g. VARAM'),
  logo: z.strictObject({
    /** Path relative to the institution file: an .svg or .png of at most 64 KB. */
    file: logoPath.describe('An .svg or .png of at most 64 KB, path relative to this file (no https:// address)'),
    /** What the logo says, for those who cannot see it; default "<name> logotips" / "<name> logo". */
    alt: bothLocales('alt text').optional().describe('What the logo says, for screen readers; default: the name and “logotips” / “logo”'),
  }, { error: missingOr('expected file: (and optionally alt:)') }),
  /** Who answers questions about social media: the communication unit. */
  contact: z.strictObject({
    unit: bothLocales('unit name').describe('The communication unit’s name, lv and en'),
    email: z.email({ error: missingOr('must be an e-mail address such as komunikacija@iestade.gov.lv') }),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{4,22}[0-9]$/, 'must be a phone number such as +371 67 000 000')
      .optional(),
    /** Where to find the unit in the building. */
    room: bothLocales('room').optional(),
    /** The unit's page on the intranet. */
    intranet: httpsUrl.optional(),
  }, { error: missingOr('expected unit: and email: (and optionally phone:, room:, intranet:)') }),
  /** The institution's official accounts. */
  accounts: z.array(account).max(12, 'at most 12 accounts').default([]),
  /** Who issues the certificates (the signing keys stay in CERT_PRIVATE_JWK…); default: the Latvian name. */
  issuer: z.strictObject({ name: filled('the issuer name').max(200, 'at most 200 characters') }).optional().describe('Who issues the certificates; default: the Latvian name'),
  /** The site's main colour (header, buttons, links) instead of the course's dark blue: #rrggbb, AA contrast with white. */
  accent: z.string().trim().regex(HEX_COLOUR, 'must be a colour such as #1f4e79').optional().describe('The site’s main colour instead of the course’s dark blue; needs 4.5:1 contrast with white'),
  /** A folder of the institution's own modules (`<folder>/lv|en/<id>.md`, `<folder>/quizzes/<id>.yaml`, its documents), shown after the course's. */
  modules: z
    .string({ error: missingOr('must be the path of a folder') })
    .trim()
    .min(1, 'the folder path is empty')
    .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//'), 'must be a local folder (a path relative to the institution file), not an address')
    .optional()
    .describe('A folder of the institution’s own modules, relative to this file: <folder>/lv/<id>.md, <folder>/en/<id>.md, <folder>/quizzes/<id>.yaml and the documents they cite'),
});

export type InstitutionFile = z.infer<typeof institutionSchema>;
