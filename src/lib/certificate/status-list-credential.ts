import { VC_CONTEXT } from './credential';
import { isRevocationReason, type RevocationReason } from './revocation-reason';
import { bitsWith, decodeStatusList, encodeStatusList, positionOf, STATUS_LIST_LENGTH } from './status-list';

/** The `credentialStatus` of a certificate (Bitstring Status List §2.1): where its revocation bit is. */
export interface StatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  /** The bit's index inside the list, as a string of digits (the spec's form). */
  statusListIndex: string;
  /** The URL of the status list credential the issuer publishes. */
  statusListCredential: string;
}

/** One withdrawn certificate as the list publishes it, beside its bit: when, and the closed reason code. */
export interface RevocationDetail {
  index: number;
  date: string;
  reason: RevocationReason;
}

/** The status list the issuer signs (Bitstring Status List §2.2), with the reasons as an extension. */
export interface StatusListCredential {
  '@context': [typeof VC_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
    /** How long (ms) a verifier may reuse this list before fetching it again. */
    ttl: number;
    /** This course's extension: the date and reason of each set bit, so a verifier can say them. */
    revocations: RevocationDetail[];
  };
}

/** Lists are published under the course's own address: `<course>/status/<n>/`. */
export const statusListUrl = (courseUrl: string, list: number) => `${courseUrl.replace(/\/$/, '')}/status/${list}/`;

/** The entry for a register-wide index (the register hands each certificate one, never twice). */
export function statusEntry(courseUrl: string, registerIndex: number): StatusListEntry {
  const { list, index } = positionOf(registerIndex);
  const url = statusListUrl(courseUrl, list);
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: url };
}

/** A list is reissued at every change and at least this often, so a cached copy is never old for long. */
export const STATUS_LIST_TTL_MS = 5 * 60 * 1000;
const VALID_FOR_MS = 24 * 60 * 60 * 1000;

export async function buildStatusListCredential(input: { issuerId: string; url: string; revocations: RevocationDetail[]; now: Date }): Promise<StatusListCredential> {
  const revocations = input.revocations.filter((r) => r.index >= 0 && r.index < STATUS_LIST_LENGTH).sort((a, b) => a.index - b.index);
  return {
    '@context': [VC_CONTEXT],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerId,
    validFrom: input.now.toISOString(),
    validUntil: new Date(input.now.getTime() + VALID_FOR_MS).toISOString(),
    credentialSubject: {
      id: `${input.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: await encodeStatusList(bitsWith(revocations.map((r) => r.index))),
      ttl: STATUS_LIST_TTL_MS,
      revocations,
    },
  };
}

export interface ReadStatusList {
  bits: Uint8Array;
  details: Map<number, RevocationDetail>;
  validUntil?: number;
}

const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** A signed list's payload, read without trusting its shape; undefined when it is not a revocation list for `url`. */
export async function readStatusListCredential(payload: unknown, url: string, issuerId: string): Promise<ReadStatusList | undefined> {
  const c = obj(payload);
  const subject = obj(c?.credentialSubject);
  if (!c || !subject || c.id !== url || c.issuer !== issuerId) return undefined;
  if (!Array.isArray(c.type) || !c.type.includes('BitstringStatusListCredential') || subject.statusPurpose !== 'revocation') return undefined;
  const bits = await decodeStatusList(subject.encodedList);
  if (!bits) return undefined;
  const details = new Map<number, RevocationDetail>();
  for (const r of Array.isArray(subject.revocations) ? subject.revocations : []) {
    const d = obj(r);
    if (d && Number.isInteger(d.index) && typeof d.date === 'string' && !Number.isNaN(Date.parse(d.date)) && isRevocationReason(d.reason))
      details.set(d.index as number, { index: d.index as number, date: d.date, reason: d.reason });
  }
  const until = typeof c.validUntil === 'string' ? Date.parse(c.validUntil) : undefined;
  return { bits, details, validUntil: until !== undefined && !Number.isNaN(until) ? until : undefined };
}
