// Compact JWS verification on WebCrypto, for the browser and `npm run verify` alike: what the
// course's verifiers used jose for (base64url, the protected header, importing a public JWK,
// compactVerify) in about a hundred lines instead of jose's 5 KB gzip on the certificate and verify
// pages. Signing stays with jose on the server. tests/unit/certificate/jws.test.ts checks that this
// and jose's compactVerify accept and refuse the same tokens (valid, tampered, wrong key or algorithm).
import type { JWK } from 'jose';

export type JwsAlgorithm = 'RS256' | 'EdDSA' | 'ES256';

export class JwsError extends Error {
  override name = 'JwsError';
}

/** base64url without padding (RFC 7515 §2), as jose writes it. */
export const base64url = {
  encode(input: string | Uint8Array): string {
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  },
  /** Throws on anything that is not base64url. */
  decode(text: string): Uint8Array {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new JwsError('not base64url');
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  },
};

const WEBCRYPTO: Record<JwsAlgorithm, { importAs: RsaHashedImportParams | EcKeyImportParams | Algorithm; verifyAs: Algorithm | EcdsaParams }> = {
  RS256: { importAs: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verifyAs: { name: 'RSASSA-PKCS1-v1_5' } },
  EdDSA: { importAs: { name: 'Ed25519' }, verifyAs: { name: 'Ed25519' } },
  ES256: { importAs: { name: 'ECDSA', namedCurve: 'P-256' }, verifyAs: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams },
};

/** The key types and curves each algorithm takes (jose's rules: EdDSA is Ed25519 here). */
function fits(jwk: JWK, alg: JwsAlgorithm): boolean {
  if (alg === 'RS256') return jwk.kty === 'RSA';
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  return jwk.kty === 'EC' && jwk.crv === 'P-256';
}

/** A verification key for one algorithm from a public JWK; rejects a key of another type or a short RSA key. */
export async function importVerifyKey(jwk: JWK, alg: JwsAlgorithm): Promise<CryptoKey> {
  if (!(alg in WEBCRYPTO)) throw new JwsError(`algorithm ${alg} is not accepted`);
  if (!fits(jwk, alg)) throw new JwsError(`a ${jwk.kty} key cannot check ${alg}`);
  // Only the public members: a private member must not turn this into a signing key.
  const { kty, crv, x, y, n, e } = jwk;
  const key = await crypto.subtle.importKey('jwk', { kty, crv, x, y, n, e } as JsonWebKey, WEBCRYPTO[alg].importAs, false, ['verify']);
  if (alg === 'RS256' && (key.algorithm as RsaHashedKeyAlgorithm).modulusLength < 2048) throw new JwsError('RSA keys shorter than 2048 bits are refused');
  return key;
}

const ALGORITHM_OF_KEY: Record<string, JwsAlgorithm> = { 'RSASSA-PKCS1-v1_5': 'RS256', Ed25519: 'EdDSA', ECDSA: 'ES256' };

function parts(token: string): [string, string, string] {
  const split = token.split('.');
  if (split.length !== 3) throw new JwsError('not a compact JWS');
  return split as [string, string, string];
}

/** The protected header, read without checking anything else. Throws when it is not a JSON object. */
export function decodeProtectedHeader(token: string): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(parts(token)[0])));
  } catch {
    throw new JwsError('the protected header is not base64url JSON');
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new JwsError('the protected header is not an object');
  return header as Record<string, unknown>;
}

/**
 * Verifies a compact JWS with a key: the header's alg must be one of `algorithms` and the key's own;
 * no `crit` extensions (the course issues none; `b64` without `crit` means nothing, as in jose); the signature over header.payload must hold.
 * Returns the payload bytes and the header; throws JwsError otherwise.
 */
export async function compactVerify(token: string, key: CryptoKey, options: { algorithms: readonly string[] }): Promise<{ payload: Uint8Array; protectedHeader: Record<string, unknown> }> {
  const [head, body, sig] = parts(token);
  const header = decodeProtectedHeader(token);
  const alg = header.alg;
  if (typeof alg !== 'string' || !options.algorithms.includes(alg)) throw new JwsError('algorithm not allowed');
  // jose honours `b64` only when `crit` names it; the course issues neither, so `crit` is refused.
  if (header.crit !== undefined) throw new JwsError('unsupported header extensions');
  if (ALGORITHM_OF_KEY[key.algorithm.name] !== alg) throw new JwsError('the key does not fit the algorithm');
  const payload = base64url.decode(body);
  const signature = base64url.decode(sig);
  const ok = await crypto.subtle.verify(WEBCRYPTO[alg as JwsAlgorithm].verifyAs, key, signature as BufferSource, new TextEncoder().encode(`${head}.${body}`));
  if (!ok) throw new JwsError('signature verification failed');
  return { payload, protectedHeader: header };
}
