import { createECDH, hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, CompactSign, importJWK, type JWK } from 'jose';
import type { QrSigningKey } from '../lib/certificate/qr-summary';
import { issuerKeys } from './signing-keys';

/**
 * The key that signs the QR summaries: a P-256 (ES256) key derived from the issuer's signing key,
 * so there is nothing more to configure, store or rotate, while an ES256 signature is 64 bytes
 * against RS256's 256 (which alone would fill a version-10 QR code).
 *
 * Derivation: the issuer key signs a fixed text that is never a JWS signing input (those always
 * begin with a base64url header), and HKDF-SHA256 turns that signature into the P-256 private
 * scalar. RS256 and EdDSA signatures are deterministic, so every start derives the same key; only
 * the holder of the issuer key can. Its public key is published in jwks.json next to the issuer key.
 */
const LABEL = 'socialie-mediji-kurss: QR summary key v1';

let derived: Promise<QrSigningKey & { publicJwk: JWK }> | undefined;

export function qrSigningKey() {
  return (derived ??= derive());
}

async function derive() {
  const { signing } = await issuerKeys();
  if (signing.alg !== 'RS256' && signing.alg !== 'EdDSA') throw new Error(`cannot derive the QR key from a ${signing.alg} key (not deterministic)`);
  const jws = await new CompactSign(new TextEncoder().encode(LABEL)).setProtectedHeader({ alg: signing.alg }).sign(signing.key);
  const secret = base64url.decode(jws.split('.')[2]!);
  for (let counter = 0; ; counter++) {
    const d = Buffer.from(hkdfSync('sha256', secret, 'qr-summary', `P-256 scalar ${counter}`, 32));
    const ecdh = createECDH('prime256v1');
    try {
      ecdh.setPrivateKey(d); // refuses 0 and values ≥ the group order (chance about 2^-32)
    } catch {
      continue;
    }
    const point = ecdh.getPublicKey();
    const pub = { kty: 'EC', crv: 'P-256', x: base64url.encode(point.subarray(1, 33)), y: base64url.encode(point.subarray(33)) };
    const kid = `q-${(await calculateJwkThumbprint(pub)).slice(0, 8)}`;
    const key = (await importJWK({ ...pub, d: base64url.encode(d) }, 'ES256')) as QrSigningKey['key'];
    return { key, kid, publicJwk: { ...pub, kid, alg: 'ES256', use: 'sig' } as JWK };
  }
}

/** The issuer's published keys: the signing keys and the QR summary key. */
export async function publishedKeys(): Promise<JWK[]> {
  return [...(await issuerKeys()).publicKeys, (await qrSigningKey()).publicJwk];
}
