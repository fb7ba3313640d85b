// Benchmark for the verifier: signs 1,000 certificates with a throwaway key and times checking
// them all, as the verify page does for a dropped folder. Prints a figure; asserts nothing.
import { exportJWK, generateKeyPair } from 'jose';
import { buildCredential } from '../lib/certificate/credential';
import { signCredential } from '../lib/certificate/sign-credential';
import { CertificateVerifier } from '../lib/certificate/verify-certificate';

const COUNT = 1000;
const { privateKey, publicKey } = await generateKeyPair('RS256');
const issuer = { id: 'https://bench.invalid/issuer', type: ['Profile'] as ['Profile'], name: 'Bench', url: 'https://bench.invalid/' };
const modules = Array.from({ length: 8 }, (_, i) => ({ id: `module-${i + 1}`, title: `Modulis ${i + 1}`, percent: 90 }));
const tokens: string[] = [];
for (let i = 0; i < COUNT; i++) {
  const credential = buildCredential({
    credentialId: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    subjectId: `urn:uuid:10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuer,
    learnerName: `Darbinieks ${i}`,
    course: { id: 'c', name: 'Sociālie mediji valsts pārvaldē', description: 'E-kurss', criteria: 'Visi moduļi', language: 'lv', version: 'bench' },
    modules,
    issuedAt: new Date(),
    validMonths: 24,
  });
  tokens.push(await signCredential(credential, { key: privateKey, kid: 'bench', alg: 'RS256' }));
}
const verifier = new CertificateVerifier([{ id: issuer.id, name: issuer.name, keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' }] }]);
const started = performance.now();
let valid = 0;
for (const [i, token] of tokens.entries()) if ((await verifier.verify(token, `${i}.jwt`)).status === 'valid') valid++;
const ms = performance.now() - started;
console.log(`Verified ${COUNT} RS256 certificates (8 modules each) in ${(ms / 1000).toFixed(2)} s (${(ms / COUNT).toFixed(2)} ms each); ${valid} valid.`);
