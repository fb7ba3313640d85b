import { describe, expect, it } from 'vitest';
import { decodeCredential } from '../../../src/lib/certificate/decode-credential';
import { keyPair, signed } from './fixtures';

describe('decodeCredential', () => {
  it('reads the credential out of a token, including non-ASCII names', async () => {
    const { signing } = await keyPair();
    expect(decodeCredential(await signed(signing))?.credentialSubject.name).toBe('Anna Bērziņa');
  });
  it('returns undefined for anything else', () => {
    expect(decodeCredential('nope')).toBeUndefined();
    expect(decodeCredential('a.b.c')).toBeUndefined();
  });
});
