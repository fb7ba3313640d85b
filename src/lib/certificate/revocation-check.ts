import { readLimited } from '../read-limited';
import { compactVerify, decodeProtectedHeader } from './jws';
import type { RevocationReason } from './revocation-reason';
import { bitAt } from './status-list';
import { readStatusListCredential, STATUS_LIST_TTL_MS, type ReadStatusList } from './status-list-credential';

/** What the issuer's status list says about one certificate, or why it was not asked. */
export type RevocationState =
  | { state: 'not-revoked' }
  | { state: 'revoked'; date: string; reason: RevocationReason }
  | {
      state: 'not-checked';
      /**
       * offline: no list could be fetched (no network, the server down, no status source);
       * other-origin: the list is not on the issuer's own site this check may ask;
       * no-entry: the certificate carries no revocation entry;
       * list-invalid: a list came back but is not one the issuer signed for this certificate;
       * qr-summary: the QR code's short summary was checked, which has no revocation entry.
       */
      why: 'offline' | 'other-origin' | 'no-entry' | 'list-invalid' | 'qr-summary';
    };

/** Where status lists come from: one origin only, the issuer's own, and a fetch that may fail. */
export interface StatusListSource {
  /** The only origin lists are fetched from (the verify page's own, or the configured course's). */
  origin: string;
  /** The list's signed token, or undefined when it cannot be had (offline, an error status). */
  fetch(url: string): Promise<string | undefined>;
  now?: () => number;
}

const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The issuer's trusted key for a kid, with the algorithm it signs with; undefined for a kid it does not have. */
export type IssuerKeyLookup = (kid: string) => Promise<{ key: CryptoKey; alg: string } | undefined>;

type Fetched = { list: ReadStatusList } | { failed: 'offline' | 'list-invalid' };

/**
 * Checks certificates' revocation entries against the issuer's signed status lists. Each list is
 * fetched once and reused for its `ttl` (five minutes), so a folder of a thousand certificates
 * costs one request; a failed fetch is not cached, so the next check tries again.
 */
export class StatusListChecker {
  private readonly cache = new Map<string, { at: number; result: Promise<Fetched> }>();

  constructor(private readonly source: StatusListSource | undefined) {}

  /**
   * `keyOf` gives the issuer's trusted key for a kid with the one algorithm it is used with: the
   * list is checked with the key its own header names, not the certificate's, so certificates signed
   * before a key rotation are checked against lists signed with the current key.
   */
  async check(credentialStatus: unknown, issuerId: string, keyOf: IssuerKeyLookup): Promise<RevocationState> {
    const entry = obj(credentialStatus);
    if (!entry || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') return { state: 'not-checked', why: 'no-entry' };
    const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : '';
    const index = typeof entry.statusListIndex === 'string' && /^\d{1,9}$/.test(entry.statusListIndex) ? Number(entry.statusListIndex) : undefined;
    if (!url || index === undefined) return { state: 'not-checked', why: 'no-entry' };
    if (!this.source) return { state: 'not-checked', why: 'offline' };
    if (originOf(url) !== this.source.origin) return { state: 'not-checked', why: 'other-origin' };
    const fetched = await this.list(url, issuerId, keyOf);
    if ('failed' in fetched) return { state: 'not-checked', why: fetched.failed };
    if (index >= fetched.list.bits.length * 8) return { state: 'not-checked', why: 'list-invalid' };
    if (!bitAt(fetched.list.bits, index)) return { state: 'not-revoked' };
    const detail = fetched.list.details.get(index);
    // A set bit is a revocation whatever the details say; without them the date and reason are unknown.
    return { state: 'revoked', date: detail?.date ?? '', reason: detail?.reason ?? 'withdrawn' };
  }

  private list(url: string, issuerId: string, keyOf: IssuerKeyLookup): Promise<Fetched> {
    const now = this.source!.now?.() ?? Date.now();
    const cached = this.cache.get(`${issuerId}\n${url}`);
    if (cached && now - cached.at < STATUS_LIST_TTL_MS) return cached.result;
    const result = this.load(url, issuerId, keyOf, now);
    this.cache.set(`${issuerId}\n${url}`, { at: now, result });
    result.then((r) => 'failed' in r && this.cache.delete(`${issuerId}\n${url}`));
    return result;
  }

  private async load(url: string, issuerId: string, keyOf: IssuerKeyLookup, now: number): Promise<Fetched> {
    let token: string | undefined;
    try {
      token = await this.source!.fetch(url);
    } catch {
      token = undefined;
    }
    if (!token) return { failed: 'offline' };
    try {
      const header = decodeProtectedHeader(token.trim());
      const found = typeof header.kid === 'string' ? await keyOf(header.kid) : undefined;
      if (!found || header.alg !== found.alg) return { failed: 'list-invalid' };
      const { payload } = await compactVerify(token.trim(), found.key, { algorithms: [found.alg] });
      const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
      if (claims.iss !== issuerId) return { failed: 'list-invalid' };
      const list = await readStatusListCredential(claims, url, issuerId);
      if (!list || (list.validUntil !== undefined && list.validUntil < now)) return { failed: 'list-invalid' };
      return { list };
    } catch {
      return { failed: 'list-invalid' };
    }
  }
}

/** The fetch the verify page and the command line use: no cookies, no redirects to elsewhere, bounded in time. */
export function httpStatusSource(origin: string, timeoutMs = 5000, fetchImpl: typeof fetch = fetch): StatusListSource {
  return {
    origin,
    fetch: async (url) => {
      const response = await fetchImpl(url, { credentials: 'omit', redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return undefined;
      return readLimitedText(response, MAX_STATUS_LIST_BYTES);
    },
  };
}

/** A status list is a few kilobytes; anything near this is not one. */
export const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;

/** The body as text, or undefined once it passes `limit` bytes (a larger declared length is refused before reading). */
export async function readLimitedText(response: Response, limit: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    return undefined;
  }
  const bytes = await readLimited(response.body, limit);
  return bytes && new TextDecoder().decode(bytes);
}
