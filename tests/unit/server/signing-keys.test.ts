import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { PRIVATE_MEMBERS, publicJwk } from '../../../src/lib/certificate/public-jwk';
import { compareWithBuild, loadIssuerKeys, SigningKeyError } from '../../../src/server/signing-keys';
import { root } from '../helpers';

async function privateKey(alg: 'RS256' | 'EdDSA', kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}
const rsa = await privateKey('RS256', 'prod-rsa');
const old = await privateKey('RS256', 'old-2025');
const ed = await privateKey('EdDSA', 'prod-ed');
const dir = mkdtempSync(join(tmpdir(), 'keys-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const env = (extra: Record<string, string>) => ({ CERT_PRIVATE_JWK: JSON.stringify(rsa), ...extra });
const refusal = async (e: Record<string, string>) => {
  const error = await loadIssuerKeys(e).then(() => undefined, (err: unknown) => err);
  expect(error).toBeInstanceOf(SigningKeyError);
  return (error as Error).message;
};

describe('public keys are built from an allowlist', () => {
  it('keeps only kty, n, e, kid, alg, use of an RSA key, whatever else it holds', () => {
    const out = publicJwk({ ...old, oth: [{ r: 'x' }], k: 'secret', x5c: ['x'], ext: true } as JWK);
    expect(Object.keys(out).sort()).toEqual(['e', 'kid', 'kty', 'n']);
  });

  it('keeps only kty, crv, x, kid of an Ed25519 key', () => {
    expect(Object.keys(publicJwk(ed)).sort()).toEqual(['crv', 'kid', 'kty', 'x']);
  });

  it('never publishes a private member of the signing key', async () => {
    for (const key of [rsa, ed]) {
      const keys = await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify(key) });
      for (const k of keys.publicKeys) for (const m of PRIVATE_MEMBERS) expect(k, `${key.kty} ${m}`).not.toHaveProperty(m);
    }
  });
});

describe('CERT_TRUSTED_JWKS_FILE', () => {
  it('keeps an old QR summary key (EC P-256) from a kept jwks.json, public members only, and refuses its private scalar', async () => {
    const { privateKey: ec } = await generateKeyPair('ES256', { extractable: true });
    const qr = { ...(await exportJWK(ec)), kid: 'q-old12345', alg: 'ES256', use: 'sig' };
    const { d: _, ...pub } = qr;
    const keys = await loadIssuerKeys(env({ CERT_TRUSTED_JWKS_FILE: file('qr.json', { keys: [{ ...pub, extra: 'x' }] }) }));
    expect(keys.publicKeys.find((k) => k.kid === 'q-old12345')).toEqual({ kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y, kid: 'q-old12345', alg: 'ES256', use: 'sig' });
    expect(await refusal(env({ CERT_TRUSTED_JWKS_FILE: file('qr-private.json', { keys: [qr] }) }))).toMatch(/private key members \(d\)/);
  });

  it('refuses a file holding a full private RSA key (p, q, dp, dq, qi, d), naming the members but not their values', async () => {
    const message = await refusal(env({ CERT_TRUSTED_JWKS_FILE: file('private.json', { keys: [old] }) }));
    expect(message).toMatch(/old-2025.*private key members \(d, p, q, dp, dq, qi\)/);
    expect(message).not.toContain(old.p!.slice(0, 12));
  });

  it('refuses an Ed25519 key with its private "d" and a symmetric key', async () => {
    expect(await refusal(env({ CERT_TRUSTED_JWKS_FILE: file('ed.json', { keys: [ed] }) }))).toMatch(/private key members \(d\)/);
    expect(await refusal(env({ CERT_TRUSTED_JWKS_FILE: file('oct.json', { keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 's' }] }) }))).toMatch(/"oct" is not supported/);
  });

  it('adds public keys from the file, allowlisted, and refuses a kid twice', async () => {
    const pub = { ...publicJwk(old), x5u: 'https://evil.example/' };
    const keys = await loadIssuerKeys(env({ CERT_TRUSTED_JWKS_FILE: file('pub.json', { keys: [pub] }) }));
    expect(keys.publicKeys.map((k) => k.kid)).toEqual(['prod-rsa', 'old-2025']);
    expect(Object.keys(keys.publicKeys[1]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n']);
    expect(await refusal(env({ CERT_TRUSTED_JWKS_FILE: file('dup.json', { keys: [publicJwk(rsa)] }) }))).toMatch(/"prod-rsa" appears twice/);
  });
});

const other = await privateKey('RS256', 'x');
const otherEd = await privateKey('EdDSA', 'y');
describe('a malformed or mismatched signing key is refused when the keys load', () => {
  it.each([
    ['text that is not JSON (without echoing it)', 'not json {', /is not valid JSON$/],
    ['an RSA key with only kty', '{"kty":"RSA"}', /has no "n"/],
    ['a public-only key', JSON.stringify(publicJwk(rsa)), /is a public key/],
    ['an EC P-256 key', JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'c' }), /"EC" is not supported/],
    ['a symmetric (oct) key', JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }), /"oct" is not supported/],
    ['an X25519 key', JSON.stringify({ ...ed, crv: 'X25519' }), /curve "X25519"/],
    ['an RSA private key whose n belongs to another key', JSON.stringify({ ...rsa, n: other.n }), /cannot sign, or its private and public parts do not belong together/],
    ['an Ed25519 private key whose x belongs to another key', JSON.stringify({ ...ed, x: otherEd.x }), /do not belong together/],
  ])('refuses %s', async (_, value, message) => {
    const text = await refusal({ CERT_PRIVATE_JWK: value });
    expect(text).toMatch(message);
    expect(text).not.toContain('not json {');
  });

  it('accepts a good RSA and a good Ed25519 key', async () => {
    expect((await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify(rsa) })).signing).toMatchObject({ kid: 'prod-rsa', alg: 'RS256' });
    expect((await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify(ed) })).signing).toMatchObject({ kid: 'prod-ed', alg: 'EdDSA' });
  });
});

describe('the run-time key is compared with the key the build embedded', () => {
  it('accepts the same key and reports another kid, or another key under the same kid, with kid and thumbprint', async () => {
    const keys = await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify(rsa) });
    expect(await compareWithBuild(keys, { keys: keys.publicKeys })).toBeUndefined();
    const otherBuild = await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify(ed) });
    expect(await compareWithBuild(keys, { keys: otherBuild.publicKeys })).toMatch(new RegExp(`kid "prod-rsa", thumbprint ${keys.thumbprint}.*not among.*kid "prod-ed", thumbprint ${otherBuild.thumbprint}`));
    const sameKid = await loadIssuerKeys({ CERT_PRIVATE_JWK: JSON.stringify({ ...old, kid: 'prod-rsa' }) });
    expect(await compareWithBuild(keys, { keys: sameKid.publicKeys })).toMatch(/has the kid of a built-in key but is another key/);
    expect(await compareWithBuild(keys, undefined)).toMatch(/not among the keys the build embedded \(no key\)/);
  });
});

describe('npm start (scripts/start.mjs)', () => {
  it('refuses to start with a malformed key, exit 1, without echoing the key', () => {
    const run = spawnSync(join(root, 'node_modules', '.bin', 'node'), ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, CERT_PRIVATE_JWK: '{"kty":"oct","k":"c2VjcmV0LWtleQ"}', PORT: '4351' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The server does not start: CERT_PRIVATE_JWK: key type "oct" is not supported');
    expect(run.stderr + run.stdout).not.toContain('c2VjcmV0LWtleQ');
  }, 30_000);

  // Needs a build (the key check before it stops a start without one); skipped, and said so, without.
  const built = existsSync(join(root, 'dist', 'server', 'entry.mjs')) && existsSync(join(root, 'dist', 'client', '.well-known', 'jwks.json'));
  it.runIf(built)('refuses to start with final-test settings the bank cannot meet, naming the setting', () => {
    // Twelve pairs are 24 items, more than the 23 of an attempt.
    for (const [name, value] of [['FINAL_TEST_ITEMS', '12'], ['FINAL_TEST_TWINS', '12']] as const) {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: '4351', HOST: '127.0.0.1', [name]: value };
      delete env.CERT_ASSESSMENT;
      const run = spawnSync(join(root, 'node_modules', '.bin', 'node'), ['scripts/start.mjs'], { cwd: root, encoding: 'utf8', timeout: 30_000, env });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain('The server does not start: the final test cannot be drawn with these settings');
      expect(run.stderr).toContain(`${name}=${value}`);
    }
  }, 60_000);
});
