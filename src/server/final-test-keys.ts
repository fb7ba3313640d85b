import { hkdfSync } from 'node:crypto';
import { issuerProfile } from './issuer-config.ts';
import { issuerKeys } from './signing-keys.ts';

/**
 * The keys that sign attempt and result tokens: HKDF from the issuer key, per purpose and issuer
 * (the attempt token's sealed items use a further key derived from the attempt key). Apart from
 * the bank, so a Node script (the end-to-end tests) can open an attempt as the server does.
 */
export async function finalTestKeys(): Promise<{ attempt: Uint8Array; result: Uint8Array }> {
  const { derivationSecret } = await issuerKeys();
  const issuer = issuerProfile().id;
  const derive = (purpose: string) => new Uint8Array(hkdfSync('sha256', derivationSecret, `socialie-mediji-kurss: final test ${purpose} v1`, issuer, 32));
  return { attempt: derive('attempt token'), result: derive('result token') };
}
