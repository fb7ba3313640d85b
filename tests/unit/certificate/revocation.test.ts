import { SignJWT, type JWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { httpStatusSource, readLimitedText, type StatusListSource } from '../../../src/lib/certificate/revocation-check';
import type { RevocationDetail } from '../../../src/lib/certificate/status-list-credential';
import { buildStatusListCredential, statusEntry, statusListUrl } from '../../../src/lib/certificate/status-list-credential';
import type { SigningKey } from '../../../src/lib/certificate/sign-credential';
import { verificationText } from '../../../src/lib/certificate/verification-text';
import { CertificateVerifier } from '../../../src/lib/certificate/verify-certificate';
import { t } from '../../../src/lib/i18n/translate';
import { issuer, keyPair, signed, trusted } from './fixtures';

const COURSE = 'https://kurss.example.lv';
const LIST = statusListUrl(COURSE, 1);
const now = new Date('2026-12-01T12:00:00Z');
const { signing, publicJwk } = await keyPair();
const forger = await keyPair('RS256', publicJwk.kid);

async function listToken(revocations: RevocationDetail[], key: SigningKey = signing, overrides: Record<string, unknown> = {}) {
  const credential = await buildStatusListCredential({ issuerId: issuer.id, url: LIST, revocations, now });
  return new SignJWT({ ...credential, ...overrides }).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).setIssuer(issuer.id).sign(key.key);
}

function source(token: () => Promise<string | undefined>, origin = COURSE): StatusListSource & { calls: string[] } {
  const calls: string[] = [];
  return { origin, calls, fetch: async (url) => (calls.push(url), token()), now: () => now.getTime() };
}

const certificate = (index: number) => signed(signing, { status: statusEntry(COURSE, index) });
const verifierWith = (statusLists?: StatusListSource, keys: JWK[] = [publicJwk]) => new CertificateVerifier(trusted(...keys), [], { statusLists });
const lv = verificationText((key, vars) => t('lv', key, vars), 'lv-LV');
const en = verificationText((key, vars) => t('en', key, vars), 'en-GB');

describe('revocation through the issuer\'s status list', () => {
  const revoked = [{ index: 5, date: '2026-11-30T08:00:00.000Z', reason: 'fraud' as const }];

  it('reports a revoked certificate as revoked, with the date and reason, in both languages', async () => {
    const row = await verifierWith(source(() => listToken(revoked))).verify(await certificate(5), 'a.jwt', now);
    expect(row).toMatchObject({ status: 'revoked', reason: { code: 'revoked', date: '2026-11-30T08:00:00.000Z', reason: 'fraud' } });
    expect(lv.status(row)).toBe('Atsaukts (30.11.2026, iegūts krāpnieciski)');
    expect(en.status(row)).toBe('Revoked (30 Nov 2026, obtained by fraud)');
    expect(lv.explanation(row)).toContain('nepieņemiet');
  });

  it('after a key rotation, checks an old key\'s certificate against the list the new key signs (in either order)', async () => {
    const next = await keyPair('EdDSA', 'key-2027');
    const lists = () => listToken(revoked, next.signing);
    const old = await certificate(5);
    const fresh = await signed(next.signing, { status: statusEntry(COURSE, 4) });
    // Old certificate first, then a new one; and the other way round with a fresh cache.
    const a = verifierWith(source(lists), [publicJwk, next.publicJwk]);
    expect(await a.verify(old, 'old.jwt', now)).toMatchObject({ status: 'revoked' });
    expect(await a.verify(fresh, 'new.jwt', now)).toMatchObject({ status: 'valid', revocation: { state: 'not-revoked' } });
    const b = verifierWith(source(lists), [publicJwk, next.publicJwk]);
    expect(await b.verify(fresh, 'new.jwt', now)).toMatchObject({ status: 'valid', revocation: { state: 'not-revoked' } });
    expect(await b.verify(old, 'old.jwt', now)).toMatchObject({ status: 'revoked' });
    // A list signed by a key the issuer does not have, or with an algorithm its key does not use, is refused.
    const stranger = await keyPair('EdDSA', 'key-stranger');
    expect(await verifierWith(source(() => listToken(revoked, stranger.signing)), [publicJwk, next.publicJwk]).verify(old, 'old.jwt', now)).toMatchObject({ revocation: { state: 'not-checked', why: 'list-invalid' } });
  });

  it('reports a certificate whose bit is not set as valid and checked', async () => {
    const row = await verifierWith(source(() => listToken(revoked))).verify(await certificate(4), 'a.jwt', now);
    expect(row).toMatchObject({ status: 'valid', revocation: { state: 'not-revoked' } });
    expect(lv.status(row)).toBe('Derīgs — nav atsaukts');
    expect(en.status(row)).toBe('Valid — not revoked');
  });

  it('offline, or with no status source at all, says "revocation not checked (offline)", never a plain "valid"', async () => {
    const down = source(async () => {
      throw new TypeError('fetch failed');
    });
    for (const verifier of [verifierWith(down), verifierWith(undefined)]) {
      const row = await verifier.verify(await certificate(5), 'a.jwt', now);
      expect(row).toMatchObject({ status: 'valid', revocation: { state: 'not-checked', why: 'offline' } });
      expect(lv.status(row)).toBe('Derīgs — atsaukums nav pārbaudīts (bezsaistē)');
      expect(en.status(row)).toBe('Valid — revocation not checked (offline)');
    }
    for (const text of [lv, en]) expect(text.status({ source: 'x', status: 'valid', reason: { code: 'signed-by', issuer: 'X' } })).not.toBe(text === lv ? 'Derīgs' : 'Valid');
  });

  it('never fetches a list from another origin than the one it was given', async () => {
    const elsewhere = source(() => listToken(revoked), 'https://verifier.example.org');
    const row = await verifierWith(elsewhere).verify(await certificate(5), 'a.jwt', now);
    expect(elsewhere.calls).toEqual([]);
    expect(row).toMatchObject({ status: 'valid', revocation: { state: 'not-checked', why: 'other-origin' } });
    expect(en.explanation(row)).toContain('not at this site’s address');
  });

  it('does not trust a list signed with another key, for another URL, or past its validity', async () => {
    const cases = [
      () => listToken(revoked, forger.signing),
      () => listToken(revoked, signing, { id: statusListUrl(COURSE, 2) }),
      () => listToken(revoked, signing, { validUntil: '2026-11-01T00:00:00.000Z' }),
      async () => 'not a token',
    ];
    for (const token of cases) {
      const row = await verifierWith(source(token)).verify(await certificate(5), 'a.jwt', now);
      expect(row).toMatchObject({ status: 'valid', revocation: { state: 'not-checked', why: 'list-invalid' } });
      expect(lv.status(row)).toBe('Derīgs — atsaukums nav pārbaudīts');
    }
  });

  it('says so when a certificate carries no revocation entry (issued before the register)', async () => {
    const row = await verifierWith(source(() => listToken(revoked))).verify(await signed(signing), 'old.jwt', now);
    expect(row).toMatchObject({ status: 'valid', revocation: { state: 'not-checked', why: 'no-entry' } });
  });

  it('fetches a list once for a folder of certificates, and tries again after a failed fetch', async () => {
    const once = source(() => listToken(revoked));
    const verifier = verifierWith(once);
    const rows = await Promise.all([3, 4, 5, 6].map(async (i) => verifier.verify(await certificate(i), `${i}.jwt`, now)));
    expect(rows.map((r) => r.status)).toEqual(['valid', 'valid', 'revoked', 'valid']);
    expect(once.calls).toEqual([LIST]);
    let fail = true;
    const flaky = source(async () => (fail ? undefined : listToken(revoked)));
    const again = verifierWith(flaky);
    expect((await again.verify(await certificate(5), 'a', now)).status).toBe('valid');
    fail = false;
    expect((await again.verify(await certificate(5), 'a', now)).status).toBe('revoked');
    expect(flaky.calls.length).toBe(2);
  });

  it('an expired certificate stays expired without asking the list', async () => {
    const spy = source(() => listToken(revoked));
    const fetch = vi.spyOn(spy, 'fetch');
    const row = await verifierWith(spy).verify(await certificate(5), 'a', new Date('2030-01-01T00:00:00Z'));
    expect(row.status).toBe('expired');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('a QR summary row', () => {
  it('says revocation was not checked and how to check it, never a plain "valid"', async () => {
    const { summaryRow } = await import('../../../src/lib/certificate/summary-row');
    const summary = { id: 'urn:uuid:1', name: 'Anna Bērziņa', issued: '2026-11-01T00:00:00Z', validUntil: '2028-11-01T00:00:00Z', edition: { date: '2026-11-01', version: 'abc' }, results: [], development: false };
    const row = summaryRow({ status: 'valid', summary, issuer: trusted(publicJwk)[0]! } as never, 'QR', () => 'e');
    expect(lv.status(row)).toBe('Derīgs — atsaukums nav pārbaudīts');
    expect(en.explanation(row)).toContain('check the certificate file');
  });
});

describe('the status list download', () => {
  /** A body of `total` bytes in 64 KB chunks, counting how much was pulled from it. */
  const endless = (total: number) => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536).fill(65));
      },
    });
    return { body, pulled: () => pulled };
  };

  it('stops reading a body once it passes the limit, without holding the rest', async () => {
    const huge = endless(64 * 1024 * 1024);
    expect(await readLimitedText(new Response(huge.body), 2 * 1024 * 1024)).toBeUndefined();
    expect(huge.pulled()).toBeLessThan(3 * 1024 * 1024);
  });

  it('refuses a declared length over the limit before reading, and reads a small list whole', async () => {
    const fetchImpl = (async () => new Response('x'.repeat(10), { headers: { 'content-length': String(3 * 1024 * 1024) } })) as unknown as typeof fetch;
    expect(await httpStatusSource(COURSE, 1000, fetchImpl).fetch(LIST)).toBeUndefined();
    const small = (async () => new Response('eyJ.list.sig')) as unknown as typeof fetch;
    expect(await httpStatusSource(COURSE, 1000, small).fetch(LIST)).toBe('eyJ.list.sig');
  });
});
