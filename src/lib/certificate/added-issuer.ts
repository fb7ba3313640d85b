import type { JWK } from 'jose';
import { jwkProblem, publicJwk } from './public-jwk';
import { findConflict, type IssuerConflict, type IssuerTrust, type TrustedIssuer } from './verification-row';

/**
 * Another issuer, trusted for one session by the person checking certificates (a pasted JWKS on
 * the verify page, `--jwks` on the command line). It may never stand in for an issuer already
 * trusted: an issuer id, kid or name that is already trusted is refused with the reason.
 */
export type AddIssuerProblem = 'id-invalid' | 'jwks-invalid' | 'no-keys' | 'kid-twice' | IssuerConflict;

export type AddIssuerResult = { ok: true; issuer: TrustedIssuer } | { ok: false; problem: AddIssuerProblem };

/** The usable public keys (RSA or Ed25519, with a kid) of a pasted JWKS or single JWK; private members are never kept. */
export function parseJwks(text: string): JWK[] {
  const data = JSON.parse(text) as { keys?: unknown };
  const keys: unknown[] = data && Array.isArray(data.keys) ? data.keys : [data];
  return keys.filter((k): k is JWK => !jwkProblem(k) && typeof (k as JWK).kid === 'string' && !!(k as JWK).kid).map(publicJwk);
}

export function addIssuer(trusted: readonly { issuer: TrustedIssuer; trust: IssuerTrust }[], input: { id: string; name: string; jwks: string }): AddIssuerResult {
  const id = input.id.trim();
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) return { ok: false, problem: 'id-invalid' };
  let keys: JWK[];
  try {
    keys = parseJwks(input.jwks);
  } catch {
    return { ok: false, problem: 'jwks-invalid' };
  }
  if (!keys.length) return { ok: false, problem: 'no-keys' };
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) return { ok: false, problem: 'kid-twice' };
  const issuer: TrustedIssuer = { id, name: input.name.trim() || id, keys };
  const conflict = findConflict(trusted, issuer);
  return conflict ? { ok: false, problem: conflict } : { ok: true, issuer };
}
