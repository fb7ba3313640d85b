import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SigningAlgorithm, SigningKey } from '../lib/certificate/sign-credential';

/**
 * The issuer's keys, from configuration:
 * - CERT_PRIVATE_JWK       the private signing key as a JWK (JSON), or
 * - CERT_PRIVATE_JWK_FILE  a file holding it (RSA → RS256, Ed25519 → EdDSA);
 * - CERT_TRUSTED_JWKS_FILE optional JWKS of further public keys still trusted (key rotation).
 * Without a key, a development key is generated once into data/ (git-ignored) and every start
 * says so loudly: certificates signed with it prove nothing outside a test.
 */
export interface IssuerKeys {
  signing: SigningKey;
  publicKeys: JWK[];
  development: boolean;
}

const DEV_KEY_FILE = resolve(process.env.CERT_DATA_DIR ?? 'data', 'dev-signing-key.json');
let loaded: Promise<IssuerKeys> | undefined;

export function issuerKeys(): Promise<IssuerKeys> {
  return (loaded ??= load());
}

async function load(): Promise<IssuerKeys> {
  let privateJwk: JWK;
  let development = false;
  if (process.env.CERT_PRIVATE_JWK) privateJwk = JSON.parse(process.env.CERT_PRIVATE_JWK);
  else if (process.env.CERT_PRIVATE_JWK_FILE) privateJwk = JSON.parse(readFileSync(process.env.CERT_PRIVATE_JWK_FILE, 'utf8'));
  else {
    development = true;
    privateJwk = existsSync(DEV_KEY_FILE) ? JSON.parse(readFileSync(DEV_KEY_FILE, 'utf8')) : await createDevelopmentKey();
    console.warn(
      `\n⚠  DEVELOPMENT SIGNING KEY (${DEV_KEY_FILE}).\n   Certificates signed with it are for testing only. Set CERT_PRIVATE_JWK or CERT_PRIVATE_JWK_FILE in production.\n`,
    );
  }
  const alg: SigningAlgorithm = privateJwk.kty === 'OKP' ? 'EdDSA' : 'RS256';
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(privateJwk));
  const { d, p, q, dp, dq, qi, ...publicPart } = privateJwk;
  const publicKeys: JWK[] = [{ ...publicPart, kid, alg, use: 'sig' }];
  if (process.env.CERT_TRUSTED_JWKS_FILE) {
    const extra = JSON.parse(readFileSync(process.env.CERT_TRUSTED_JWKS_FILE, 'utf8')) as { keys: JWK[] };
    publicKeys.push(...extra.keys.filter((k) => k.kid && k.kid !== kid).map(({ d: _d, ...k }) => k));
  }
  // An asymmetric JWK always imports as a CryptoKey (Uint8Array is only for symmetric 'oct' keys).
  return { signing: { key: (await importJWK({ ...privateJwk, alg }, alg)) as CryptoKey, kid, alg }, publicKeys, development };
}

async function createDevelopmentKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = `dev-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
  mkdirSync(dirname(DEV_KEY_FILE), { recursive: true });
  writeFileSync(DEV_KEY_FILE, JSON.stringify(jwk, null, 2), { mode: 0o600 });
  return jwk;
}
