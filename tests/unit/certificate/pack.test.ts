import { describe, expect, it } from 'vitest';
import { packCertificate, unpackCertificate } from '../../../src/lib/certificate/pack-certificate';
import { CertificateVerifier } from '../../../src/lib/certificate/verify-certificate';
import { input, keyPair, signed, trusted } from './fixtures';

describe('packing a certificate for a QR code', () => {
  it('restores the exact token, which still verifies, at well under half the length', async () => {
    const { signing, publicJwk } = await keyPair();
    const modules = Array.from({ length: 8 }, (_, i) => ({ id: `module-number-${i + 1}`, title: `Moduļa nosaukums ${i + 1}`, percent: 90 }));
    const token = await signed(signing, { modules, course: { ...input().course, description: 'Apraksts '.repeat(20) } });
    const packed = await packCertificate(token);
    expect(await unpackCertificate(packed)).toBe(token);
    expect(packed.length).toBeLessThan(token.length / 2);
    const row = await new CertificateVerifier(trusted(publicJwk)).verify((await unpackCertificate(packed))!, 'qr', new Date('2027-01-01'));
    expect(row.status).toBe('valid');
  });

  it('returns undefined for damaged input', async () => {
    expect(await unpackCertificate('not-packed')).toBeUndefined();
  });
});
