import type { OpenBadgeCredential } from './credential';

/**
 * Reads the credential inside a VC-JWT for display, without checking the signature (the verify
 * page does that). Returns undefined for anything that is not one.
 */
export function decodeCredential(token: string): OpenBadgeCredential | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes)) as OpenBadgeCredential;
    return Array.isArray(data.type) && data.type.includes('OpenBadgeCredential') ? data : undefined;
  } catch {
    return undefined;
  }
}
