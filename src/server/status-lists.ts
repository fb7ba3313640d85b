import { SignJWT } from 'jose';
import { buildStatusListCredential, statusListUrl } from '../lib/certificate/status-list-credential';
import { positionOf, STATUS_LIST_LENGTH } from '../lib/certificate/status-list';
import { courseUrl, issuerProfile } from './issuer-config';
import type { Register } from './register/register.ts';
import { issuerKeys } from './signing-keys';

/**
 * The signed status lists this server publishes at /status/<n>/. A list is rebuilt whenever the
 * register's status version moves (any revocation or its undoing, by any server or the command
 * line) and reissued when its signed copy nears its end; otherwise the signed copy is reused.
 */
const signed = new Map<number, { version: number; token: string; expires: number }>();
const REISSUE_BEFORE_MS = 60 * 60 * 1000;

/** List `list`'s signed token (a VC-JWT of a BitstringStatusListCredential). */
export async function statusListToken(register: Register, list: number, now = new Date()): Promise<string> {
  const version = await register.statusVersion();
  const cached = signed.get(list);
  if (cached && cached.version === version && cached.expires - now.getTime() > REISSUE_BEFORE_MS) return cached.token;
  const first = (list - 1) * STATUS_LIST_LENGTH;
  const revocations = (await register.revocations())
    .filter((r) => positionOf(r.index).list === list)
    .map((r) => ({ ...r, index: r.index - first }));
  const issuer = issuerProfile();
  const credential = await buildStatusListCredential({ issuerId: issuer.id, url: statusListUrl(courseUrl(), list), revocations, now });
  const keys = await issuerKeys();
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const token = await new SignJWT({ ...credential })
    .setProtectedHeader({ alg: keys.signing.alg, kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(issuer.id)
    .setJti(credential.id)
    .setIssuedAt(seconds(credential.validFrom))
    .setNotBefore(seconds(credential.validFrom))
    .setExpirationTime(seconds(credential.validUntil))
    .sign(keys.signing.key);
  signed.set(list, { version, token, expires: Date.parse(credential.validUntil) });
  return token;
}
