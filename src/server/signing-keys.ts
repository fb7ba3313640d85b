import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { base64url, calculateJwkThumbprint, compactVerify, CompactSign, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { algorithmFor, describeJwkProblem, hasPrivateMembers, jwkProblem, keyTypeOf, publicJwk, qrPublicJwk } from '../lib/certificate/public-jwk.ts';
import type { SigningKey } from '../lib/certificate/sign-credential.ts';

// Imports name their `.ts` files so that scripts/start.mjs can load this module with Node's own
// type stripping and check the key before the server starts.

/**
 * The issuer's keys, from configuration:
 * - CERT_PRIVATE_JWK       the private signing key as a JWK (JSON), or
 * - CERT_PRIVATE_JWK_FILE  a file holding it (RSA → RS256, Ed25519 → EdDSA);
 * - CERT_TRUSTED_JWKS_FILE optional JWKS of further public keys still trusted (key rotation).
 * Without a key, a development key is generated once into data/ (git-ignored) and every start
 * says so loudly: certificates signed with it prove nothing outside a test.
 * A key that is malformed, of another type, or whose private and public halves do not belong
 * together stops the build and the server with a message (never quoting key material).
 */
export interface IssuerKeys {
  signing: SigningKey;
  /** Built from an allowlist of public members per key type (see public-jwk). */
  publicKeys: JWK[];
  development: boolean;
  /** RFC 7638 thumbprint of the signing key, recorded in the build through the JWKS. */
  thumbprint: string;
  /**
   * Secret bytes from the signing key's private member, from which the QR summary key is derived
   * (see qr-signing-key.ts); kept in server memory only, never published or logged.
   */
  derivationSecret: Uint8Array;
}

/** A configuration error the operator must fix; its message is safe to print. */
export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

const DEV_KEY_FILE = resolve(process.env.CERT_DATA_DIR ?? 'data', 'dev-signing-key.json');
let loaded: Promise<IssuerKeys> | undefined;

export function issuerKeys(): Promise<IssuerKeys> {
  return (loaded ??= loadIssuerKeys(process.env));
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message can quote the text, and the text is a private key.
    throw new SigningKeyError(`${what} is not valid JSON`);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SigningKeyError(`${what} (${path}) cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** Checks the private key, and signs and verifies a probe so that a mismatched pair is caught now. */
async function signingKey(privateJwk: unknown, what: string): Promise<{ signing: SigningKey; publicJwk: JWK; thumbprint: string; derivationSecret: Uint8Array }> {
  const problem = jwkProblem(privateJwk);
  if (problem) throw new SigningKeyError(`${what}: ${describeJwkProblem(problem)}`);
  const jwk = privateJwk as JWK;
  if (typeof jwk.d !== 'string') throw new SigningKeyError(`${what} is a public key: the signing key must be the private JWK (with "d")`);
  const alg = algorithmFor(keyTypeOf(jwk)!);
  const kid = typeof jwk.kid === 'string' && jwk.kid ? jwk.kid : await calculateJwkThumbprint(publicJwk(jwk));
  const pub = { ...publicJwk(jwk), kid, alg, use: 'sig' };
  let key: CryptoKey;
  try {
    key = (await importJWK({ ...jwk, alg }, alg)) as CryptoKey;
    const probe = await new CompactSign(new TextEncoder().encode('signing-key probe')).setProtectedHeader({ alg }).sign(key);
    await compactVerify(probe, await importJWK(pub, alg));
  } catch {
    throw new SigningKeyError(`${what} (kid "${kid}") cannot sign, or its private and public parts do not belong together`);
  }
  return { signing: { key, kid, alg }, publicJwk: pub, thumbprint: await calculateJwkThumbprint(pub), derivationSecret: base64url.decode(jwk.d) };
}

/** Further trusted public keys: only usable public JWKs with a kid; a private member refuses the file. */
function trustedKeys(text: string, path: string, signingKid: string): JWK[] {
  const data = parseJson(text, `CERT_TRUSTED_JWKS_FILE (${path})`) as { keys?: unknown };
  if (!data || !Array.isArray(data.keys)) throw new SigningKeyError(`CERT_TRUSTED_JWKS_FILE (${path}) is not a JWKS ({"keys": [...]})`);
  const kids = new Set([signingKid]);
  return data.keys.map((key: unknown, i) => {
    const where = `CERT_TRUSTED_JWKS_FILE (${path}), key ${i + 1}`;
    // An old QR summary key (EC P-256) from a kept jwks.json: it verifies old QR codes only.
    const qr = qrPublicJwk(key);
    const problem = qr ? undefined : jwkProblem(key);
    if (problem) throw new SigningKeyError(`${where}: ${describeJwkProblem(problem)}`);
    const jwk = key as JWK;
    const secret = hasPrivateMembers(jwk);
    if (secret.length)
      throw new SigningKeyError(`${where} (kid "${String(jwk.kid)}") holds private key members (${secret.join(', ')}): put only public keys in this file`);
    if (typeof jwk.kid !== 'string' || !jwk.kid) throw new SigningKeyError(`${where} has no "kid"`);
    if (kids.has(jwk.kid)) throw new SigningKeyError(`${where}: kid "${jwk.kid}" appears twice`);
    kids.add(jwk.kid);
    return qr ?? { ...publicJwk(jwk), alg: algorithmFor(keyTypeOf(jwk)!) };
  });
}

export async function loadIssuerKeys(env: NodeJS.ProcessEnv): Promise<IssuerKeys> {
  let privateJwk: unknown;
  let what: string;
  let development = false;
  if (env.CERT_PRIVATE_JWK) [privateJwk, what] = [parseJson(env.CERT_PRIVATE_JWK, 'CERT_PRIVATE_JWK'), 'CERT_PRIVATE_JWK'];
  else if (env.CERT_PRIVATE_JWK_FILE) {
    what = `CERT_PRIVATE_JWK_FILE (${env.CERT_PRIVATE_JWK_FILE})`;
    privateJwk = parseJson(readText(env.CERT_PRIVATE_JWK_FILE, 'CERT_PRIVATE_JWK_FILE'), what);
  } else {
    development = true;
    what = `the development key (${DEV_KEY_FILE})`;
    privateJwk = existsSync(DEV_KEY_FILE) ? parseJson(readText(DEV_KEY_FILE, 'the development key'), what) : await createDevelopmentKey();
    console.warn(
      `\n⚠  DEVELOPMENT SIGNING KEY (${DEV_KEY_FILE}).\n   Certificates signed with it are for testing only. Set CERT_PRIVATE_JWK or CERT_PRIVATE_JWK_FILE in production.\n`,
    );
  }
  const { signing, publicJwk: own, thumbprint, derivationSecret } = await signingKey(privateJwk, what);
  const publicKeys: JWK[] = [own];
  if (env.CERT_TRUSTED_JWKS_FILE) publicKeys.push(...trustedKeys(readText(env.CERT_TRUSTED_JWKS_FILE, 'CERT_TRUSTED_JWKS_FILE'), env.CERT_TRUSTED_JWKS_FILE, signing.kid));
  return { signing, publicKeys, development, thumbprint, derivationSecret };
}

/**
 * Compares the run-time signing key with the keys the build embedded (its JWKS, which the verify
 * page carries too). A difference means this server would issue certificates that its own verify
 * page reports as coming from an unknown issuer.
 */
export async function compareWithBuild(keys: IssuerKeys, builtJwks: unknown): Promise<string | undefined> {
  const built = Array.isArray((builtJwks as { keys?: unknown })?.keys) ? ((builtJwks as { keys: JWK[] }).keys) : [];
  const match = built.find((k) => k.kid === keys.signing.kid);
  const runTime = `kid "${keys.signing.kid}", thumbprint ${keys.thumbprint}`;
  const first = built[0];
  const builtWith = first ? `kid "${String(first.kid)}", thumbprint ${await calculateJwkThumbprint(publicJwk(first)).catch(() => '?')}` : 'no key';
  if (!match) return `the signing key (${runTime}) is not among the keys the build embedded (${builtWith}). Rebuild with the same key configuration.`;
  if ((await calculateJwkThumbprint(publicJwk(match))) !== keys.thumbprint)
    return `the signing key (${runTime}) has the kid of a built-in key but is another key (built: ${builtWith}). Rebuild with the same key configuration.`;
  return undefined;
}

async function createDevelopmentKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = `dev-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
  mkdirSync(dirname(DEV_KEY_FILE), { recursive: true });
  writeFileSync(DEV_KEY_FILE, JSON.stringify(jwk, null, 2), { mode: 0o600 });
  return jwk;
}
