import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { passingRequest } from '../../../src/cli/register-servers';
import { decodeCredential } from '../../../src/lib/certificate/decode-credential';
import { CertificateVerifier } from '../../../src/lib/certificate/verify-certificate';
import { signResult } from '../../../src/lib/final-test/result-token';
import { useThrowawayRegister } from '../../support/throwaway-register';

// A certificate from an institution's edition: the certificate route as the server runs it, with
// INSTITUTION_FILE pointing at a fixture, names the institution as its issuer (Open Badges 3.0
// `issuer.name`), and the issuers the verify page is built with (verifyView) accept it.
const saved = process.env.INSTITUTION_FILE;
process.env.INSTITUTION_FILE = join(process.cwd(), 'tests/fixtures/institutions/ministrija/institution.yaml');
delete process.env.CERT_ISSUER_NAME;
afterAll(() => {
  if (saved === undefined) delete process.env.INSTITUTION_FILE;
  else process.env.INSTITUTION_FILE = saved;
});
vi.mock('../../../src/data/course', async () => (await import('../../support/throwaway-register')).repositoryCourse('test-version'));
vi.mock('../../../src/data/course-edition', () => ({ courseEdition: async () => ({ date: '2026-12-01', version: 'abcdef' }) }));
useThrowawayRegister('institution-issuer');
const { POST: issue } = await import('../../../src/pages/api/certificates');
const { finalTestKeys } = await import('../../../src/server/final-test-keys');
const { register } = await import('../../../src/server/register/open-register');
const { verifyView } = await import('../../../src/data/pages');

describe('a certificate of an institution\'s edition', () => {
  it('names the institution as issuer and verifies against the verify page\'s built-in issuers', async () => {
    const at = new Date().toISOString();
    expect(await (await register()).recordAttempt({ id: 'inst-1', startedAt: at, submittedAt: at, bank: 'b', percent: 94, passed: true, tooFast: false, items: [] })).toBe('recorded');
    const finalTest = await signResult({ attempt: 'inst-1', percent: 94, items: 16, passedAt: at, bank: 'b' }, (await finalTestKeys()).result, Date.now());
    const request = new Request('http://127.0.0.1/api/certificates/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...passingRequest('Anna Bērziņa'), finalTest }) });
    const response = (await issue({ request, clientAddress: '198.51.100.7' } as Parameters<typeof issue>[0])) as Response;
    const body = (await response.json()) as { credential: { issuer: { name: string } }; token: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.credential.issuer.name).toBe('Testa ministrija');
    expect(decodeCredential(body.token)?.issuer).toMatchObject({ name: 'Testa ministrija', type: ['Profile'] });

    for (const locale of ['lv', 'en'] as const) {
      const { issuers } = await verifyView(locale);
      expect(issuers.map((i) => i.name)).toEqual(['Testa ministrija']);
      const row = await new CertificateVerifier(issuers).verify(body.token, 'anna.jwt');
      expect([row.status, row.issuer], JSON.stringify(row.reason)).toEqual(['valid', 'Testa ministrija']);
    }
  }, 60_000);
});
