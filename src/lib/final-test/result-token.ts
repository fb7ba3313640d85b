import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * The server's word that an attempt passed: returned when a passing attempt is graded, sent back with
 * the certificate request, which then records the final test's score and date. HS256 with a key only
 * the server has; valid for a week, and the register lets one attempt give one certificate.
 */
export interface FinalTestResult {
  attempt: string;
  percent: number;
  items: number;
  /** ISO date-time the attempt was graded. */
  passedAt: string;
  bank: string;
}

const AUDIENCE = 'final-test-result';
export const RESULT_VALID_SECONDS = 7 * 24 * 3600;

export async function signResult(result: FinalTestResult, key: Uint8Array, now = Date.now()): Promise<string> {
  return new SignJWT({ percent: result.percent, items: result.items, passedAt: result.passedAt, bank: result.bank })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setJti(result.attempt)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + RESULT_VALID_SECONDS)
    .sign(key);
}

export type VerifiedResult = { ok: true; result: FinalTestResult } | { ok: false; problem: 'expired' | 'invalid' };

export async function verifyResult(token: unknown, key: Uint8Array, now = Date.now()): Promise<VerifiedResult> {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, problem: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: new Date(now) });
    const { jti, percent, items, passedAt, bank } = payload as Record<string, unknown>;
    if (typeof jti !== 'string' || typeof percent !== 'number' || typeof items !== 'number' || typeof passedAt !== 'string' || typeof bank !== 'string' || Number.isNaN(Date.parse(passedAt)))
      return { ok: false, problem: 'invalid' };
    return { ok: true, result: { attempt: jti, percent, items, passedAt, bank } };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
