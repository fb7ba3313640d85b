import { jwtVerify, SignJWT, errors } from 'jose';
import { isSeed } from '../quiz/random';
import type { ItemRef } from './draw';

/**
 * The signed attempt token: the server's word on what one final-test attempt is — its id, the seed
 * that orders every item's options, the drawn items, when it started and when it expires. The
 * browser holds it and sends it back with the answers; nothing in it tells an answer.
 * HS256 with a key only the server has (derived from the issuer key), so a learner cannot choose
 * or change the items, the order or the time.
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

export async function signAttempt(claims: AttemptClaims, key: Uint8Array): Promise<string> {
  return new SignJWT({ seed: claims.seed, items: claims.items.map((i) => `${i.module}/${i.scenario}`), bank: claims.bank, locale: claims.locale })
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

export async function verifyAttempt(token: unknown, key: Uint8Array, bankVersion: string, now = Date.now()): Promise<VerifiedAttempt> {
  if (typeof token !== 'string' || token.length > 8192) return { ok: false, problem: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: new Date(now), clockTolerance: 0 });
    const { jti, seed, items, bank, locale, iat, exp } = payload as Record<string, unknown>;
    if (typeof jti !== 'string' || !isSeed(seed) || !Array.isArray(items) || typeof bank !== 'string' || typeof locale !== 'string' || typeof iat !== 'number' || typeof exp !== 'number')
      return { ok: false, problem: 'invalid' };
    const refs = items.map((i) => (typeof i === 'string' ? ITEM.exec(i) : null));
    if (!refs.length || refs.some((r) => !r)) return { ok: false, problem: 'invalid' };
    if (bank !== bankVersion) return { ok: false, problem: 'other-bank' };
    return { ok: true, claims: { id: jti, seed, items: refs.map((r) => ({ module: r![1]!, scenario: r![2]! })), bank, locale, issuedAt: iat, expiresAt: exp } };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
