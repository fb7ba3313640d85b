import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { addMonths, buildCredential, hashEmail } from '../../../src/lib/certificate/credential';
import { input, keyPair, signed } from './fixtures';

describe('building a credential', () => {
  it('has the OB 3.0 contexts, types, issuer, dates and per-module results', () => {
    const c = buildCredential(input());
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toMatch(/^urn:uuid:/);
    expect(c.issuer).toMatchObject({ id: 'https://kurss.example.lv/issuer', type: ['Profile'], name: 'Mācību kurss' });
    expect(c.validFrom).toBe('2026-11-21T10:00:00.000Z');
    expect(c.validUntil).toBe('2028-11-21T10:00:00.000Z');
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.name).toBe('Anna Bērziņa');
    expect(c.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], version: 'abc123def456', criteria: { narrative: 'Nokārtoti visi moduļi' } });
    expect(c.credentialSubject.result).toEqual([
      { type: ['Result'], resultDescription: 'https://kurss.example.lv/issuer/achievements/socialie-mediji#komunikacijas-principi', value: '90' },
      { type: ['Result'], resultDescription: 'https://kurss.example.lv/issuer/achievements/socialie-mediji#oficialais-konts', value: '100' },
    ]);
    expect(c.credentialSubject.achievement.resultDescription.map((r) => r.id)).toEqual(c.credentialSubject.result.map((r) => r.resultDescription));
  });

  it('uses the configured validity and clamps month ends', () => {
    expect(buildCredential(input({ validMonths: 12 })).validUntil).toBe('2027-11-21T10:00:00.000Z');
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2028-02-29T00:00:00Z'), 24).toISOString()).toBe('2030-02-28T00:00:00.000Z');
  });

  it('hashes the e-mail with a salt, never storing it in plain text', async () => {
    const a = await hashEmail(' Anna.Berzina@MK.gov.lv ', 'salt-1');
    const b = await hashEmail('anna.berzina@mk.gov.lv', 'salt-1');
    const c = await hashEmail('anna.berzina@mk.gov.lv', 'salt-2');
    expect(a).toEqual(b);
    expect(a.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(c.identityHash).not.toBe(a.identityHash);
    const credential = buildCredential(input({ emailIdentity: a }));
    expect(JSON.stringify(credential)).not.toContain('mk.gov.lv');
    expect(credential.credentialSubject.identifier).toContainEqual({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: a.identityHash, salt: 'salt-1' });
  });

  it('is secured as a VC-JWT with only alg, kid, typ in the header and the registered claims', async () => {
    const { signing } = await keyPair();
    const token = await signed(signing);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: 'key-RS256', typ: 'JWT' });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({
      iss: 'https://kurss.example.lv/issuer',
      jti: 'urn:uuid:6f1c2a4e-1111-4a4a-9999-000000000001',
      sub: 'urn:uuid:6f1c2a4e-2222-4a4a-9999-000000000002',
      nbf: Date.parse('2026-11-21T10:00:00Z') / 1000,
      exp: Date.parse('2028-11-21T10:00:00Z') / 1000,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
  });
});
