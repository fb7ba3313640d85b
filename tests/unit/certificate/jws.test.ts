import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { base64url, compactVerify, decodeProtectedHeader, importVerifyKey, type JwsAlgorithm } from '../../../src/lib/certificate/jws';

// The browser and `npm run verify` check signatures with src/lib/certificate/jws.ts (WebCrypto);
// the server signs, and used to verify, with jose. Both must accept exactly the same tokens: here
// every valid token and every tampered one is put to both, and the verdicts must be equal.

const ALGS: JwsAlgorithm[] = ['RS256', 'EdDSA', 'ES256'];
const keyOptions = { RS256: { modulusLength: 2048 }, EdDSA: { crv: 'Ed25519' }, ES256: {} } as const;

async function pair(alg: JwsAlgorithm) {
  const { privateKey, publicKey } = await jose.generateKeyPair(alg, { ...keyOptions[alg], extractable: true });
  return { privateKey, jwk: { ...(await jose.exportJWK(publicKey)), kid: `k-${alg}` } };
}

const flip = (part: string, at = 3) => {
  const bytes = base64url.decode(part);
  bytes[Math.min(at, bytes.length - 1)]! ^= 0x01;
  return base64url.encode(bytes);
};

/** Valid tokens and tampered versions of them, each named. */
async function tokens(alg: JwsAlgorithm, privateKey: CryptoKey) {
  const payload = new TextEncoder().encode(JSON.stringify({ iss: 'https://issuer.example', name: 'Jānis Bērziņš', n: 1 }));
  const good = await new jose.CompactSign(payload).setProtectedHeader({ alg, kid: `k-${alg}` }).sign(privateKey);
  const [h, p, s] = good.split('.') as [string, string, string];
  const other = base64url.encode(JSON.stringify({ iss: 'https://issuer.example', name: 'Someone Else', n: 1 }));
  const header = (value: object) => base64url.encode(JSON.stringify(value));
  return {
    valid: good,
    'payload changed': `${h}.${other}.${s}`,
    'payload bit flipped': `${h}.${flip(p)}.${s}`,
    'signature bit flipped': `${h}.${p}.${flip(s, 10)}`,
    'signature truncated': `${h}.${p}.${s.slice(0, -4)}`,
    'signature empty': `${h}.${p}.`,
    'header kid changed': `${header({ alg, kid: 'other' })}.${p}.${s}`,
    'alg none': `${header({ alg: 'none', kid: `k-${alg}` })}.${p}.`,
    'alg HS256': `${header({ alg: 'HS256', kid: `k-${alg}` })}.${p}.${s}`,
    'header not JSON': `${base64url.encode('{alg')}.${p}.${s}`,
    'crit header': `${header({ alg, kid: `k-${alg}`, crit: ['exp'], exp: 1 })}.${p}.${s}`,
    'four parts': `${good}.x`,
    'not base64url': `${h}.${p}.${s.replace(/.$/, '*')}`,
  };
}

async function verdict(check: () => Promise<unknown>): Promise<'accepted' | 'refused'> {
  try {
    await check();
    return 'accepted';
  } catch {
    return 'refused';
  }
}

describe.each(ALGS)('%s: WebCrypto verification agrees with jose', (alg) => {
  it('on the valid token and on every tampered one, with the right key, another key and another algorithm', async () => {
    const signer = await pair(alg);
    const stranger = await pair(alg);
    const otherAlg = ALGS.find((a) => a !== alg)!;
    const otherType = await pair(otherAlg);
    const results: string[] = [];
    for (const [name, token] of Object.entries(await tokens(alg, signer.privateKey as CryptoKey))) {
      for (const [keyName, jwk, allowed] of [
        ['own key', signer.jwk, [alg]],
        ['stranger', stranger.jwk, [alg]],
        ['other key type', otherType.jwk, [otherAlg]],
        ['own key, alg not allowed', signer.jwk, [otherAlg]],
      ] as const) {
        const keyAlg = allowed[0];
        const theirs = await verdict(async () => jose.compactVerify(token, await jose.importJWK(jwk, keyAlg), { algorithms: [...allowed] }));
        const ours = await verdict(async () => compactVerify(token, await importVerifyKey(jwk, keyAlg), { algorithms: allowed }));
        results.push(`${name} / ${keyName}: jose ${theirs}, ours ${ours}`);
        expect(ours, `${name} / ${keyName}`).toBe(theirs);
      }
    }
    // The comparison means something: the valid token passes with its key, and every tampered one fails.
    expect(results.filter((r) => r.endsWith('jose accepted, ours accepted'))).toEqual([`valid / own key: jose accepted, ours accepted`]);
  });

  it('returns the payload and header jose returns', async () => {
    const { privateKey, jwk } = await pair(alg);
    const token = (await tokens(alg, privateKey as CryptoKey)).valid;
    const theirs = await jose.compactVerify(token, await jose.importJWK(jwk, alg));
    const ours = await compactVerify(token, await importVerifyKey(jwk, alg), { algorithms: [alg] });
    expect(new TextDecoder().decode(ours.payload)).toBe(new TextDecoder().decode(theirs.payload));
    expect(ours.protectedHeader).toEqual(theirs.protectedHeader);
    expect(decodeProtectedHeader(token)).toEqual(jose.decodeProtectedHeader(token));
  });
});

describe('keys', () => {
  it('refuses an RSA key shorter than 2048 bits, as jose does', async () => {
    const { publicKey } = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const jwk = (await crypto.subtle.exportKey('jwk', publicKey)) as jose.JWK;
    await expect(importVerifyKey(jwk, 'RS256')).rejects.toThrow(/2048/);
    const token = `${base64url.encode('{"alg":"RS256"}')}.e30.${base64url.encode(new Uint8Array(128))}`;
    await expect(jose.compactVerify(token, publicKey)).rejects.toThrow(/2048/);
  });

  it('refuses a key of the wrong type for the algorithm', async () => {
    const { jwk } = await pair('EdDSA');
    await expect(importVerifyKey(jwk, 'RS256')).rejects.toThrow();
    await expect(importVerifyKey(jwk, 'ES256')).rejects.toThrow();
  });

  it('base64url round-trips every byte and matches jose', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64url.encode(bytes)).toBe(jose.base64url.encode(bytes));
    expect(base64url.decode(jose.base64url.encode(bytes))).toEqual(bytes);
    expect(() => base64url.decode('a')).toThrow();
    expect(() => base64url.decode('ab+c')).toThrow();
  });
});
