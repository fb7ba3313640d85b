import { createECDH, hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import type { QrSigningKey } from '../lib/certificate/qr-summary';
import { issuerProfile } from './issuer-config';
import { issuerKeys } from './signing-keys';

/**
 * The key that signs the QR summaries: a P-256 (ES256) key derived from the issuer's signing key,
 * so there is nothing more to configure, store or rotate, while an ES256 signature is 64 bytes
 * against RS256's 256 (which alone would fill a version-10 QR code).
 *
 * Derivation: HKDF-SHA256 over the issuer key's private member `d` (never published), with the
 * issuer id in the info, gives the P-256 private scalar. Only the holder of the issuer key can
 * derive it; no signature is involved (so no other signer holding the same key can leak it), and
 * two installations sharing one key (staging and production) still get different QR keys. Its
 * public key is published in jwks.json next to the issuer key.
 */
const LABEL = 'socialie-mediji-kurss: QR summary key v1';

let derived: Promise<QrSigningKey & { publicJwk: JWK }> | undefined;

export function qrSigningKey() {
  return (derived ??= derive());
}

async function derive() {
  const { derivationSecret } = await issuerKeys();
  const issuer = issuerProfile().id;
  for (let counter = 0; ; counter++) {
    const d = Buffer.from(hkdfSync('sha256', derivationSecret, LABEL, `P-256 scalar ${counter} for ${issuer}`, 32));
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

/**
 * The issuer's published keys: the signing keys and the QR summary key. A trusted key that
 * reuses the derived QR key's kid is dropped, so a rotation file cannot shadow it.
 */
export async function publishedKeys(): Promise<JWK[]> {
  const qr = (await qrSigningKey()).publicJwk;
  return [...(await issuerKeys()).publicKeys.filter((k) => k.kid !== qr.kid), qr];
}
