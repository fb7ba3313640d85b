import type { JWK } from 'jose';
import { assertNever } from '../assert-never.ts';
import type { SigningAlgorithm } from './sign-credential.ts';

/**
 * Public JWKs are rebuilt from an allowlist per key type, never by deleting private members:
 * a denylist missed the RSA primes (`p`, `q`, …) and a key could be rebuilt from a published JWKS.
 * Only the two key types certificates may be signed with are accepted.
 */
export type KeyType = 'RSA' | 'OKP';

const PUBLIC_MEMBERS: Record<KeyType, readonly string[]> = { RSA: ['n', 'e'], OKP: ['crv', 'x'] };
const COMMON_MEMBERS = ['kid', 'alg', 'use'] as const;
/** Members that only a private (or symmetric) key has; their presence in a "public" file is a leak. */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export type JwkProblem =
  | { code: 'not-an-object' }
  | { code: 'unsupported-type'; kty: string }
  | { code: 'unsupported-curve'; crv: string }
  | { code: 'missing-member'; member: string }
  | { code: 'wrong-algorithm'; alg: string };

export function keyTypeOf(jwk: JWK): KeyType | undefined {
  const kty: unknown = jwk.kty;
  return kty === 'RSA' || kty === 'OKP' ? kty : undefined;
}

export function algorithmFor(kty: KeyType): SigningAlgorithm {
  switch (kty) {
    case 'RSA':
      return 'RS256';
    case 'OKP':
      return 'EdDSA';
    default:
      return assertNever(kty);
  }
}

/** What is wrong with a JWK for signing or verifying certificates, or undefined when it is usable. */
export function jwkProblem(jwk: unknown): JwkProblem | undefined {
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) return { code: 'not-an-object' };
  const key = jwk as Record<string, unknown>;
  const kty = keyTypeOf(key as JWK);
  if (!kty) return { code: 'unsupported-type', kty: typeof key.kty === 'string' ? key.kty : String(typeof key.kty) };
  for (const member of PUBLIC_MEMBERS[kty]) if (typeof key[member] !== 'string' || !key[member]) return { code: 'missing-member', member };
  if (kty === 'OKP' && key.crv !== 'Ed25519') return { code: 'unsupported-curve', crv: String(key.crv) };
  if (key.alg !== undefined && key.alg !== algorithmFor(kty)) return { code: 'wrong-algorithm', alg: String(key.alg) };
  return undefined;
}

export function hasPrivateMembers(jwk: object): string[] {
  return PRIVATE_MEMBERS.filter((m) => m in jwk);
}

/**
 * The public part of a usable JWK: `kty` and the members of its type, plus `kid`, `alg` and `use`
 * when they are strings. Anything else, whatever the input held, is left behind.
 */
export function publicJwk(jwk: JWK): JWK {
  const kty = keyTypeOf(jwk);
  if (!kty || jwkProblem(jwk)) throw new Error(`not a usable ${String(jwk.kty)} key`);
  const source = jwk as Record<string, unknown>;
  const out: Record<string, string> = { kty };
  for (const member of [...PUBLIC_MEMBERS[kty], ...COMMON_MEMBERS]) if (typeof source[member] === 'string') out[member] = source[member] as string;
  return out as JWK;
}

/** A key problem in words for logs and error messages; never quotes key material. */
export function describeJwkProblem(problem: JwkProblem): string {
  switch (problem.code) {
    case 'not-an-object':
      return 'the key is not a JSON object';
    case 'unsupported-type':
      return `key type "${problem.kty.slice(0, 20)}" is not supported (use RSA or Ed25519)`;
    case 'unsupported-curve':
      return `curve "${problem.crv.slice(0, 20)}" is not supported (use Ed25519)`;
    case 'missing-member':
      return `the key has no "${problem.member}"`;
    case 'wrong-algorithm':
      return `the key says alg "${problem.alg.slice(0, 20)}", which does not fit its type`;
    default:
      return assertNever(problem);
  }
}

/**
 * The public part of a QR summary key (EC P-256, ES256; see src/server/qr-signing-key.ts), for a
 * rotation file that keeps an old jwks.json. It verifies QR summaries only, never a certificate
 * (those accept RS256 and EdDSA). Undefined when it is not such a key.
 */
export function qrPublicJwk(jwk: unknown): JWK | undefined {
  if (!jwk || typeof jwk !== 'object') return undefined;
  const key = jwk as Record<string, unknown>;
  if (key.kty !== 'EC' || key.crv !== 'P-256' || typeof key.x !== 'string' || typeof key.y !== 'string' || typeof key.kid !== 'string') return undefined;
  if (key.alg !== undefined && key.alg !== 'ES256') return undefined;
  return { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, kid: key.kid, alg: 'ES256', use: 'sig' } as JWK;
}
