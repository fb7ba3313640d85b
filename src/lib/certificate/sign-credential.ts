import { SignJWT, type CryptoKey, type KeyObject } from 'jose';
import type { OpenBadgeCredential } from './credential';

export type SigningAlgorithm = 'RS256' | 'EdDSA';

export interface SigningKey {
  key: CryptoKey | KeyObject;
  kid: string;
  alg: SigningAlgorithm;
}

/**
 * Secures a credential as a VC-JWT the way OB 3.0 (§8.2.4) prescribes: the header holds only
 * `alg`, `kid` and `typ: "JWT"`; the payload is the credential plus the registered claims
 * `iss`, `jti`, `sub`, `nbf` and `exp` mirroring its issuer, id, subject and validity. `extra` adds
 * private claims (the QR summary, `qr`, see qr-summary.ts).
 */
export async function signCredential(credential: OpenBadgeCredential, signing: SigningKey, extra: Record<string, string> = {}): Promise<string> {
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  return new SignJWT({ ...credential, ...extra })
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: 'JWT' })
    .setIssuer(credential.issuer.id)
    .setJti(credential.id)
    .setSubject(credential.credentialSubject.id)
    .setNotBefore(seconds(credential.validFrom))
    .setExpirationTime(seconds(credential.validUntil))
    .sign(signing.key);
}
