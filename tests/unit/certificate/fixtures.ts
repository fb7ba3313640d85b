import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { buildCredential, type CredentialInput } from '../../../src/lib/certificate/credential';
import { signCredential, type SigningKey } from '../../../src/lib/certificate/sign-credential';
import type { TrustedIssuer } from '../../../src/lib/certificate/verify-certificate';

export const issuer = { id: 'https://kurss.example.lv/issuer', type: ['Profile'] as ['Profile'], name: 'Mācību kurss', url: 'https://kurss.example.lv/' };

export function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    credentialId: 'urn:uuid:6f1c2a4e-1111-4a4a-9999-000000000001',
    subjectId: 'urn:uuid:6f1c2a4e-2222-4a4a-9999-000000000002',
    issuer,
    learnerName: 'Anna Bērziņa',
    institution: 'Valsts kanceleja',
    course: { id: 'socialie-mediji', name: 'Sociālie mediji valsts pārvaldē', description: 'E-kurss', criteria: 'Nokārtoti visi moduļi', language: 'lv', version: 'abc123def456' },
    modules: [
      { id: 'komunikacijas-principi', title: 'Komunikācijas principi', percent: 90 },
      { id: 'oficialais-konts', title: 'Oficiālais konts', percent: 100 },
    ],
    issuedAt: new Date('2026-11-21T10:00:00Z'),
    validMonths: 24,
    ...overrides,
  };
}

export async function keyPair(alg: 'RS256' | 'EdDSA' = 'RS256', kid = `key-${alg}`): Promise<{ signing: SigningKey; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { signing: { key: privateKey, kid, alg }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

export function trusted(...keys: JWK[]): TrustedIssuer[] {
  return [{ id: issuer.id, name: issuer.name, keys }];
}

export async function signed(signing: SigningKey, overrides: Partial<CredentialInput> = {}): Promise<string> {
  return signCredential(buildCredential(input(overrides)), signing);
}
