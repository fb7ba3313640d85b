import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseJwks } from '../../../src/lib/certificate/added-issuer';
import { CertificateVerifier } from '../../../src/lib/certificate/verify-certificate';
import { issuer, keyPair, signed, trusted } from './fixtures';

const during = new Date('2027-06-01T00:00:00Z');
const { signing, publicJwk } = await keyPair();
const verifier = new CertificateVerifier(trusted(publicJwk));
const token = await signed(signing);

/** Changes one character of a token part, keeping it valid base64url. */
function flip(t: string, part: 0 | 1 | 2, at = 10): string {
  const parts = t.split('.');
  const s = parts[part]!;
  parts[part] = s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
  return parts.join('.');
}
const reencode = (t: string, change: (payload: Record<string, unknown>) => void) => {
  const [h, p, s] = t.split('.');
  const payload = JSON.parse(new TextDecoder().decode(base64url.decode(p!)));
  change(payload);
  return [h, base64url.encode(JSON.stringify(payload)), s].join('.');
};

describe('verifying certificates', () => {
  it('accepts a genuine certificate and shows its details', async () => {
    const row = await verifier.verify(token, 'anna.jwt', during);
    expect(row).toMatchObject({ status: 'valid', name: 'Anna Bērziņa', institution: 'Valsts kanceleja', courseVersion: 'abc123def456', issued: '2026-11-21T10:00:00.000Z', source: 'anna.jwt' });
  });

  it('says which assessment a certificate attests: the final test with its score, or the module quizzes only (F7)', async () => {
    const modulesOnly = await verifier.verify(token, 'anna.jwt', during);
    expect([modulesOnly.assessment, modulesOnly.finalTest]).toEqual(['modules', undefined]);
    const withFinal = await verifier.verify(await signed(signing, { modules: [{ id: 'm1', title: 'Modulis', percent: 90 }, { id: 'final-test', title: 'Noslēguma tests', percent: 88 }] }), 'b.jwt', during);
    expect([withFinal.status, withFinal.assessment, withFinal.finalTest]).toEqual(['valid', 'final-test', { percent: 88 }]);
    const { t } = await import('../../../src/lib/i18n/translate');
    const { verificationText } = await import('../../../src/lib/certificate/verification-text');
    const say = (locale: 'lv' | 'en', row: typeof withFinal) => verificationText((key, vars) => t(locale, key, vars), locale === 'lv' ? 'lv-LV' : 'en-GB').finalTest(row);
    expect(say('lv', modulesOnly)).toBe('Apliecina tikai moduļu uzdevumu nokārtošanu; noslēguma tests tajā nav ietverts.');
    expect(say('en', modulesOnly)).toBe('Attests the module quizzes only; it does not include a final test.');
    expect(say('lv', withFinal)).toMatch(/^Noslēguma tests nokārtots ar rezultātu 88\s?%\.$/);
    expect(say('en', withFinal)).toMatch(/^Final test passed with 88\s?%\.$/);
    // A forged final-test result is not claimed for the row: its signature fails first.
    const forged = reencode(token, (p) => (p.credentialSubject as { result: unknown[] }).result.push({ type: ['Result'], resultDescription: 'x#final-test', value: '100' }));
    const refused = await verifier.verify(forged, 'x', during);
    expect([refused.status, refused.assessment]).toEqual(['signature-invalid', undefined]);
  });

  it('accepts EdDSA certificates too', async () => {
    const ed = await keyPair('EdDSA');
    const row = await new CertificateVerifier(trusted(ed.publicJwk)).verify(await signed(ed.signing), 'ed.jwt', during);
    expect(row.status).toBe('valid');
  });

  it('rejects a tampered payload', async () => {
    const forged = reencode(token, (p) => ((p.credentialSubject as { name: string }).name = 'Mallory'));
    const row = await verifier.verify(forged, 'x', during);
    expect(row).toMatchObject({ status: 'signature-invalid', name: 'Mallory' });
    expect(row.reason).toEqual({ code: 'signature-mismatch' });
  });

  it('rejects one changed character anywhere in the token', async () => {
    for (const part of [0, 1, 2] as const) for (const at of [3, 40]) {
      const row = await verifier.verify(flip(token, part, at), 'x', during);
      expect(row.status, `part ${part} at ${at}`).not.toBe('valid');
    }
  });

  it('rejects a tampered header', async () => {
    const [, p, s] = token.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'RS256', kid: 'key-RS256', typ: 'JWT', extra: 1 }));
    expect((await verifier.verify([header, p, s].join('.'), 'x', during)).status).toBe('signature-invalid');
  });

  it('rejects a certificate signed with another key under the same kid', async () => {
    const other = await keyPair('RS256', 'key-RS256');
    expect((await verifier.verify(await signed(other.signing), 'x', during)).status).toBe('signature-invalid');
  });

  it('reports an unknown kid as an unknown issuer', async () => {
    const other = await keyPair('RS256', 'someone-elses-key');
    expect(await verifier.verify(await signed(other.signing), 'x', during)).toMatchObject({ status: 'unknown-issuer' });
  });

  it('reports a JWT from another issuer as an unknown issuer, even with a trusted key', async () => {
    const foreign = await signed(signing, { issuer: { ...issuer, id: 'https://elsewhere.example/issuer' } });
    expect(await verifier.verify(foreign, 'x', during)).toMatchObject({ status: 'unknown-issuer', reason: { code: 'issuer-mismatch', claimed: 'https://elsewhere.example/issuer' } });
  });

  it('reports expired and not-yet-valid certificates', async () => {
    expect((await verifier.verify(token, 'x', new Date('2029-01-01T00:00:00Z'))).status).toBe('expired');
    expect((await verifier.verify(token, 'x', new Date('2026-11-20T00:00:00Z'))).status).toBe('not-yet-valid');
  });

  it('refuses alg "none"', async () => {
    const [, p] = token.split('.');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', kid: 'key-RS256', typ: 'JWT' }))}.${p}.`;
    expect(await verifier.verify(none, 'x', during)).toMatchObject({ status: 'signature-invalid', reason: { code: 'algorithm-refused' } });
  });

  it.each([
    ['garbage', 'hello world'],
    ['an empty file', '   '],
    ['a PNG', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
    ['JSON', '{"type":"OpenBadgeCredential"}'],
    ['a JWT that is not a credential', `${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('{"sub":"x"}')}.abc`],
    ['a JWT with broken JSON', `${base64url.encode('{"alg":')}.${base64url.encode('{')}.abc`],
  ])('says %s is not a certificate', async (_, text) => {
    expect((await verifier.verify(text, 'x', during)).status).toBe('not-a-certificate');
  });

  it('trusts several keys at once (rotation)', async () => {
    const next = await keyPair('RS256', 'key-2027');
    const both = new CertificateVerifier(trusted(publicJwk, next.publicJwk));
    expect((await both.verify(token, 'old', during)).status).toBe('valid');
    expect((await both.verify(await signed(next.signing), 'new', during)).status).toBe('valid');
  });

  it('reads a pasted JWKS, keeping only public key parts', () => {
    const keys = parseJwks(JSON.stringify({ keys: [{ ...publicJwk, d: 'secret' }, { kty: 'oct', k: 'x', kid: 'sym' }] }));
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty('d');
    expect(() => parseJwks('nope')).toThrow();
  });
});

describe('unsigned completion records', () => {
  it('are named as such, never as valid', async () => {
    const { buildUnsignedRecord } = await import('../../../src/lib/certificate/unsigned-record');
    const record = buildUnsignedRecord({ name: 'Anna', course: 'Kurss', courseVersion: 'v1', completedAt: '2026-11-21T10:00:00Z', modules: [] });
    const row = await verifier.verify(JSON.stringify(record), 'record.json', during);
    expect(row).toMatchObject({ status: 'not-a-certificate', kind: 'unsigned-record', name: 'Anna', reason: { code: 'unsigned-record' } });
  });
});
