import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { decodeJwt, jwtVerify, SignJWT, errors } from 'jose';
import { isSeed } from '../quiz/random';
import type { ItemRef } from './draw';

/**
 * The signed attempt token: the server's word on what one final-test attempt is — its id, the seed
 * that orders every item's options, the drawn items, when it started and when it expires. The
 * browser holds it and sends it back with the answers; nothing in it tells an answer.
 * HS256 with a key only the server has (derived from the issuer key), so a learner cannot choose
 * or change the items, the order or the time. The seed and the drawn items travel sealed
 * (AES-256-GCM under a key derived from the attempt key, bound to the attempt id): the browser sees
 * one opaque string, so the token tells neither which bank item an item is nor which two are twins.
 */
export interface AttemptClaims {
  /** Attempt id, unique; the register refuses a second submission with it. */
  id: string;
  seed: number;
  items: ItemRef[];
  /** The bank's version the items come from (a hash of the bank files). */
  bank: string;
  locale: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

const AUDIENCE = 'final-test-attempt';

/** The sealing key: HKDF from the signing key with its own purpose, so the two never coincide. */
const sealKey = (key: Uint8Array) => Buffer.from(hkdfSync('sha256', key, '', 'socialie-mediji-kurss: final test attempt items seal v1', 32));

/** `seed` and the items' `module/scenario` ids, encrypted and authenticated: base64url(iv ‖ ciphertext ‖ tag). */
function seal(id: string, seed: number, items: readonly ItemRef[], key: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(key), iv);
  cipher.setAAD(Buffer.from(id));
  const text = Buffer.from(JSON.stringify({ seed, items: items.map((i) => `${i.module}/${i.scenario}`) }));
  return Buffer.concat([iv, cipher.update(text), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

/** The sealed seed and item ids, or undefined when the value was not sealed under this key for this attempt. */
function open(id: string, sealed: unknown, key: Uint8Array): { seed: unknown; items: unknown } | undefined {
  if (typeof sealed !== 'string' || sealed.length > 8192) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 12 + 16 + 2) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(key), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(bytes.subarray(-16));
    const text = Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()]).toString('utf8');
    const value = JSON.parse(text) as Record<string, unknown>;
    return value && typeof value === 'object' ? { seed: value.seed, items: value.items } : undefined;
  } catch {
    return undefined;
  }
}

export async function signAttempt(claims: AttemptClaims, key: Uint8Array): Promise<string> {
  return new SignJWT({ sealed: seal(claims.id, claims.seed, claims.items, key), bank: claims.bank, locale: claims.locale })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setJti(claims.id)
    .setAudience(AUDIENCE)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresAt)
    .sign(key);
}

/** Why a token is refused, in a closed set the API turns into plain words. */
export type AttemptTokenProblem = 'expired' | 'invalid' | 'other-bank';

export type VerifiedAttempt = { ok: true; claims: AttemptClaims } | { ok: false; problem: AttemptTokenProblem };

const ITEM = /^([a-z0-9-]{1,80})\/([a-z0-9-]{1,80})$/;

const refsOf = (items: unknown): ItemRef[] | undefined => {
  if (!Array.isArray(items)) return undefined;
  const refs = items.map((i) => (typeof i === 'string' ? ITEM.exec(i) : null));
  return refs.length && refs.every((r) => r) ? refs.map((r) => ({ module: r![1]!, scenario: r![2]! })) : undefined;
};

/**
 * Tests and tools only: the seed and items a token carries, opened with the key but neither its
 * signature, expiry nor bank checked (the routes use `verifyAttempt`). Undefined when it cannot be opened.
 */
export function openAttempt(token: string, key: Uint8Array): { seed: number; items: ItemRef[] } | undefined {
  try {
    const { jti, sealed } = decodeJwt(token);
    const { seed, items } = (typeof jti === 'string' && open(jti, sealed, key)) || {};
    const refs = refsOf(items);
    return isSeed(seed) && refs ? { seed, items: refs } : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyAttempt(token: unknown, key: Uint8Array, bankVersion: string, now = Date.now()): Promise<VerifiedAttempt> {
  if (typeof token !== 'string' || token.length > 8192) return { ok: false, problem: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: new Date(now), clockTolerance: 0 });
    const { jti, sealed, bank, locale, iat, exp } = payload as Record<string, unknown>;
    if (typeof jti !== 'string') return { ok: false, problem: 'invalid' };
    const { seed, items } = open(jti, sealed, key) ?? {};
    const refs = refsOf(items);
    if (!isSeed(seed) || !refs || typeof bank !== 'string' || typeof locale !== 'string' || typeof iat !== 'number' || typeof exp !== 'number')
      return { ok: false, problem: 'invalid' };
    if (bank !== bankVersion) return { ok: false, problem: 'other-bank' };
    return { ok: true, claims: { id: jti, seed, items: refs, bank, locale, issuedAt: iat, expiresAt: exp } };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
