import type { StatusListEntry } from './status-list-credential';

/** Open Badges 3.0 vocabulary the course uses; see the OB 3.0 spec, §B (data model). */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface IssuerProfile {
  /** A URI identifying the issuer; also the JWT `iss`. */
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
}

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'name' | 'emailAddress';
  hashed: boolean;
  /** The plain name, or `sha256$<hex>` of the salted e-mail address. */
  identityHash: string;
  salt?: string;
}

export interface ModuleResult {
  /** Module id, e.g. `komunikacijas-principi`. */
  id: string;
  title: string;
  /** Best score in per cent. */
  percent: number;
}

export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT, typeof OB_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: IssuerProfile;
  validFrom: string;
  validUntil: string;
  name: string;
  /** Where the issuer publishes whether it revoked this certificate (Bitstring Status List). */
  credentialStatus?: StatusListEntry;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    /** The learner's name as they entered it (plain text, never markup). */
    name: string;
    identifier: IdentityObject[];
    /** The institution the learner named, if any (an extension; AchievementSubject allows them). */
    institution?: string;
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: string;
      /** The course version: a hash of the quizzes and lessons the learner passed. */
      version: string;
      resultDescription: { id: string; type: ['ResultDescription']; name: string; resultType: 'Percent'; valueMin: '0'; valueMax: '100' }[];
    };
    result: { type: ['Result']; resultDescription: string; value: string }[];
  };
}

export interface CredentialInput {
  credentialId: string;
  subjectId: string;
  issuer: IssuerProfile;
  learnerName: string;
  institution?: string;
  /** Salted hash of the work e-mail, from `hashEmail`. */
  emailIdentity?: IdentityObject;
  course: { id: string; name: string; description: string; criteria: string; language: string; version: string };
  modules: ModuleResult[];
  issuedAt: Date;
  validMonths: number;
  /** The certificate's revocation entry, from the register's status-list index. */
  status?: StatusListEntry;
}

/** Adds months in UTC, clamping the day (31 January + 1 month = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Builds the unsigned OpenBadgeCredential for a learner who passed every module. */
export function buildCredential(input: CredentialInput): OpenBadgeCredential {
  const achievementId = `${input.issuer.id.replace(/\/$/, '')}/achievements/${input.course.id}`;
  const resultId = (module: string) => `${achievementId}#${module}`;
  const identifier: IdentityObject[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.learnerName }];
  if (input.emailIdentity) identifier.push(input.emailIdentity);
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: input.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: input.issuer,
    validFrom: input.issuedAt.toISOString(),
    validUntil: addMonths(input.issuedAt, input.validMonths).toISOString(),
    name: input.course.name,
    ...(input.status ? { credentialStatus: input.status } : {}),
    credentialSubject: {
      id: input.subjectId,
      type: ['AchievementSubject'],
      name: input.learnerName,
      identifier,
      ...(input.institution ? { institution: input.institution } : {}),
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        name: input.course.name,
        description: input.course.description,
        criteria: { narrative: input.course.criteria },
        inLanguage: input.course.language,
        version: input.course.version,
        resultDescription: input.modules.map((m) => ({ id: resultId(m.id), type: ['ResultDescription'], name: m.title, resultType: 'Percent', valueMin: '0', valueMax: '100' })),
      },
      result: input.modules.map((m) => ({ type: ['Result'], resultDescription: resultId(m.id), value: String(m.percent) })),
    },
  };
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** OB 3.0 hashed identity: `sha256$` + hex SHA-256 of the normalised e-mail followed by the salt. */
export async function hashEmail(email: string, salt: string): Promise<IdentityObject> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase() + salt));
  return { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hex(digest)}`, salt };
}
