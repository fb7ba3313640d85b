import { deflateRawSync } from 'node:zlib';
import { base64url, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { addIssuer, parseJwks } from '../../../src/lib/certificate/added-issuer';
import { buildCredential } from '../../../src/lib/certificate/credential';
import { packCertificate } from '../../../src/lib/certificate/pack-certificate';
import { inflatesWithin, readCertificateLink } from '../../../src/lib/certificate/qr-link';
import { CertificateVerifier, markDuplicates, MAX_CERTIFICATE_BYTES, type TrustedIssuer } from '../../../src/lib/certificate/verify-certificate';
import { input, issuer, keyPair, signed, trusted } from './fixtures';

const during = new Date('2027-06-01T00:00:00Z');
const genuineKey = await keyPair('RS256', 'built-in-kid');
const forger = await keyPair('EdDSA', 'forger-key-1');
const builtIn = trusted(genuineKey.publicJwk);
const verifier = new CertificateVerifier(builtIn);
const genuine = await signed(genuineKey.signing);
const b64json = (value: unknown) => base64url.encode(JSON.stringify(value));
const [genuineHeader, genuinePayload] = genuine.split('.');

/** Signs any payload with the issuer's own key (the issuer standing in for a buggy or odd signer). */
const issuerSigned = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'built-in-kid', typ: 'JWT' }).sign(genuineKey.signing.key);

describe('each certificate is checked on its own: a crafted file gives one bad row', () => {
  const poison = { toString: 1, valueOf: 1 };
  const crafted: [string, string][] = [
    ['a header whose alg is an object with a non-callable toString', `${b64json({ alg: poison, kid: 'built-in-kid' })}.${genuinePayload}.AAAA`],
    ['a header that is a JSON string', `${b64json('RS256')}.${genuinePayload}.AAAA`],
    ['a payload whose fields are odd types', `${b64json({ alg: 'RS256', kid: 'nope' })}.${b64json({ type: ['OpenBadgeCredential'], credentialSubject: { name: poison, institution: ['x'] }, validFrom: {}, validUntil: ['x'], id: { a: 1 }, issuer: 5 })}.AAAA`],
    ['an unsigned record whose fields are objects', JSON.stringify({ format: 'smkurss-unsigned-record', name: poison, institution: poison, completedAt: { x: 1 }, course: 1 })],
    ['a payload that is not UTF-8', `${genuineHeader}.${base64url.encode(new Uint8Array([0xff, 0xfe, 0xc3, 0x28]))}.AAAA`],
  ];

  it.each(crafted)('%s yields a not-valid row without throwing', async (_, text) => {
    const row = await verifier.verify(text, 'crafted', during);
    expect(row.status).not.toBe('valid');
    for (const value of Object.values(row)) if (value !== undefined) expect(['string', 'boolean', 'object']).toContain(typeof value);
    expect(typeof (row.name ?? '')).toBe('string');
    expect(typeof (row.issued ?? '')).toBe('string');
  });

  it('still checks the genuine certificate in a batch with the crafted ones', async () => {
    const rows = await Promise.all([genuine, ...crafted.map(([, t]) => t)].map((t, i) => verifier.verify(t, String(i), during)));
    expect(rows.map((r) => r.status)).toEqual(['valid', ...crafted.map(() => expect.not.stringMatching(/^valid$/))]);
  });

  it('returns a row even when the input is not a string at all', async () => {
    expect((await verifier.verify({ toString: 1 } as unknown as string, 'x', during)).reason).toEqual({ code: 'check-failed' });
  });

  it('does not read text larger than the certificate limit', async () => {
    const huge = `${genuine}${' '.repeat(MAX_CERTIFICATE_BYTES)}`;
    expect(await verifier.verify(huge, 'big.jwt', during)).toMatchObject({ status: 'not-a-certificate', reason: { code: 'file-too-large', limit: MAX_CERTIFICATE_BYTES } });
  });
});

describe('JWT exp/nbf must agree with validUntil/validFrom', () => {
  const credential = buildCredential(input());
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const base = { ...credential, iss: issuer.id, nbf: seconds(credential.validFrom), exp: seconds(credential.validUntil) };

  it('accepts agreeing dates', async () => {
    expect((await verifier.verify(await issuerSigned(base), 'x', during)).status).toBe('valid');
  });

  it.each([
    ['exp in the past while validUntil is later', { exp: seconds('2024-01-01T00:00:00Z') }],
    ['exp later than validUntil', { exp: seconds('2099-01-01T00:00:00Z') }],
    ['nbf in 2030 while validFrom is earlier', { nbf: seconds('2030-01-01T00:00:00Z') }],
    ['no exp', { exp: undefined }],
    ['no nbf', { nbf: undefined }],
    ['exp as text', { exp: String(base.exp) }],
  ])('refuses %s', async (_, change) => {
    expect(await verifier.verify(await issuerSigned({ ...base, ...change }), 'x', during)).toMatchObject({ status: 'not-a-certificate', reason: { code: 'dates-disagree' } });
  });
});

describe('a signed certificate must show what a reader checks', () => {
  const credential = buildCredential(input());
  const claims = (change: (c: Record<string, any>) => void) => {
    const c: Record<string, any> = structuredClone({ ...credential, iss: issuer.id, nbf: Math.floor(Date.parse(credential.validFrom) / 1000), exp: Math.floor(Date.parse(credential.validUntil) / 1000) });
    change(c);
    return c;
  };
  it.each([
    ['a name that is an object', (c: Record<string, any>) => (c.credentialSubject.name = { first: 'Anna' })],
    ['a blank name of zero-width characters', (c: Record<string, any>) => (c.credentialSubject.name = '\u200B\u200C')],
    ['no course title', (c: Record<string, any>) => delete c.name],
  ])('refuses %s', async (_, change) => {
    expect(await verifier.verify(await issuerSigned(claims(change)), 'x', during)).toMatchObject({ status: 'not-a-certificate', reason: { code: 'missing-fields' } });
  });
});

const other = await keyPair('RS256', 'other-kid');
describe('trusted keys are looked up by issuer id and kid together', () => {
  const second: TrustedIssuer = { id: 'https://other.example/issuer', name: 'Other', keys: [other.publicJwk] };
  const both = new CertificateVerifier([...builtIn, second]);

  it('refuses a certificate naming one issuer but signed with the other issuer’s key', async () => {
    const crossed = await signed(other.signing); // names the built-in issuer, signed with Other's key
    expect(await both.verify(crossed, 'x', during)).toMatchObject({ status: 'unknown-issuer', reason: { code: 'issuer-mismatch', claimed: issuer.id } });
  });

  it('names the issuer and key that checked a row, and that it is built in', async () => {
    expect(await both.verify(genuine, 'x', during)).toMatchObject({ status: 'valid', issuerId: issuer.id, kid: 'built-in-kid', trust: 'built-in', reason: { code: 'signed-by', issuer: issuer.name } });
  });
});

const forgedKey = await keyPair('RS256', 'built-in-kid'); // the forger reuses the built-in kid
const forgery = await signed(forgedKey.signing, { learnerName: 'Mallory Forger' });
describe('an added issuer can never stand in for a trusted one', () => {
  const list = new CertificateVerifier(builtIn).issuers;
  const add = (id: string, name: string, keys: unknown) => addIssuer(list, { id, name, jwks: JSON.stringify(keys) });

  it('refuses a pasted JWKS with the built-in kid', () => {
    expect(add('https://evil.example/issuer', 'Evil', { keys: [forgedKey.publicJwk] })).toEqual({ ok: false, problem: 'kid-taken' });
  });

  it('refuses a pasted issuer with the built-in issuer id', () => {
    expect(add(issuer.id, 'Evil', { keys: [forger.publicJwk] })).toEqual({ ok: false, problem: 'id-taken' });
  });

  it('refuses a pasted issuer with the built-in issuer’s name, however it is spaced or cased', () => {
    expect(add('https://evil.example/issuer', ` ${issuer.name.toUpperCase()} `, { keys: [forger.publicJwk] })).toEqual({ ok: false, problem: 'name-taken' });
  });

  it.each([
    ['an issuer id that is not a URI', 'evil', { keys: [forger.publicJwk] }, 'id-invalid'],
    ['no usable key', 'https://evil.example/i', { keys: [{ kty: 'oct', k: 'x', kid: 's' }] }, 'no-keys'],
    ['two keys with one kid', 'https://evil.example/i', { keys: [forger.publicJwk, forger.publicJwk] }, 'kid-twice'],
  ])('refuses %s', (_, id, keys, problem) => {
    expect(add(id, 'Evil', keys)).toEqual({ ok: false, problem });
  });

  it('says the JWKS is unreadable when it is not JSON', () => {
    expect(addIssuer(list, { id: 'https://evil.example/i', name: 'E', jwks: 'nope' })).toEqual({ ok: false, problem: 'jwks-invalid' });
  });

  it('keeps the built-in key even if a shadowing issuer reaches the verifier: genuine stays valid, the forgery does not verify', async () => {
    const shadow: TrustedIssuer = { id: issuer.id, name: issuer.name, keys: [forgedKey.publicJwk] };
    const v = new CertificateVerifier(builtIn, [shadow]);
    expect((await v.verify(genuine, 'g', during)).status).toBe('valid');
    expect((await v.verify(forgery, 'f', during)).status).toBe('signature-invalid');
    expect(v.issuers.map((i) => i.trust)).toEqual(['built-in']);
  });

  it('marks rows checked with an added issuer as such, with its id and kid', async () => {
    const result = add('https://forger.example/issuer', 'Sociālie mediji — e-kurss', { keys: [{ ...forger.publicJwk, d: 'secret' }] });
    if (!result.ok) throw new Error(result.problem);
    expect(result.issuer.keys[0]).not.toHaveProperty('d');
    const v = new CertificateVerifier(builtIn, [result.issuer]);
    const forged = await signed(forger.signing, { issuer: { ...issuer, id: 'https://forger.example/issuer', name: issuer.name }, learnerName: 'Mallory Forger' });
    // The issuer column names the added issuer whose key checked it, not the built-in name the forgery claims.
    expect(await v.verify(forged, 'f', during)).toMatchObject({ status: 'valid', trust: 'added', issuer: 'Sociālie mediji — e-kurss', issuerId: 'https://forger.example/issuer', kid: 'forger-key-1' });
    expect(await v.verify(genuine, 'g', during)).toMatchObject({ status: 'valid', trust: 'built-in' });
  });

  it('keeps only public members of a pasted key', () => {
    const [key] = parseJwks(JSON.stringify({ keys: [{ ...genuineKey.publicJwk, d: 'x', p: 'y', q: 'z', dp: 'a', dq: 'b', qi: 'c', k: 'd' }] }));
    expect(Object.keys(key!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n']);
  });
});

describe('duplicates in one check', () => {
  it('flags every row that shares a certificate id with another', async () => {
    const other = await signed(genuineKey.signing, { credentialId: 'urn:uuid:other' });
    const rows = markDuplicates(await Promise.all([genuine, other, genuine, 'garbage'].map((t) => verifier.verify(t, 'x', during))));
    expect(rows.map((r) => r.duplicate)).toEqual([true, false, true, false]);
  });
});

describe('QR links', () => {
  it('opens a genuine #c= link', async () => {
    const link = await readCertificateLink(`#c=${await packCertificate(genuine)}`);
    expect(link).toEqual({ found: true, tooLarge: false, text: genuine });
  });

  it('does not inflate a decompression bomb past the limit (8 MB of zeros in an 8 KB link)', async () => {
    const bomb = deflateRawSync(Buffer.alloc(8 * 1024 * 1024)).toString('base64url');
    expect(bomb.length).toBeLessThan(12_000);
    const started = performance.now();
    expect(await readCertificateLink(`#c=${bomb}`)).toEqual({ found: true, tooLarge: true });
    expect(await inflatesWithin(new Uint8Array(Buffer.from(bomb, 'base64url')), MAX_CERTIFICATE_BYTES)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('does not read a link longer than any certificate', async () => {
    expect(await readCertificateLink(`#cert=${'a'.repeat(200_000)}`)).toEqual({ found: true, tooLarge: true });
    expect(await readCertificateLink('#nothing')).toEqual({ found: false });
  });
});
