import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStatusListCredential } from '../../../src/lib/certificate/status-list-credential';
import { bitAt } from '../../../src/lib/certificate/status-list';
import { record, sqliteBackend } from './register-fixtures';

// The server's modules read their settings at import: a data folder of this test's own (its development key).
process.env.CERT_DATA_DIR = mkdtempSync(join(tmpdir(), 'status-lists-'));
process.env.COURSE_URL = 'https://kurss.example.lv';
const { statusListToken } = await import('../../../src/server/status-lists');
const { issuerKeys } = await import('../../../src/server/signing-keys');
const URL_1 = 'https://kurss.example.lv/status/1/';

/** BitstringStatusListCredential as W3C Bitstring Status List v1.0 §2.2 defines it (VC Data Model 2.0 around it). */
const statusListCredential = z.object({
  '@context': z.array(z.string()).refine((c) => c[0] === 'https://www.w3.org/ns/credentials/v2'),
  id: z.url(),
  type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential') && t.includes('BitstringStatusListCredential')),
  issuer: z.string().min(1),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }),
  credentialSubject: z.object({
    id: z.url(),
    type: z.literal('BitstringStatusList'),
    statusPurpose: z.literal('revocation'),
    encodedList: z.string().regex(/^u[A-Za-z0-9_-]+$/),
    ttl: z.number().int().positive(),
  }),
});

async function verified(token: string) {
  const { publicKeys } = await issuerKeys();
  const jwk = publicKeys.find((k) => k.kid === decodeProtectedHeader(token).kid)!;
  return (await jwtVerify(token, await importJWK(jwk, jwk.alg), { issuer: 'https://kurss.example.lv/issuer' })).payload;
}

describe('the status list the server publishes', () => {
  it('is signed by the issuer\'s key, valid per the spec, and has the bits of the revoked certificates', async () => {
    const register = await sqliteBackend().open();
    for (const i of [0, 1, 2]) await register.record(record(i));
    await register.revoke(record(1).id, 'superseded', new Date('2026-12-01T10:00:00Z'));
    const payload = await verified(await statusListToken(register, 1));
    expect(statusListCredential.safeParse(payload).error?.issues ?? []).toEqual([]);
    expect(payload.id).toBe(URL_1);
    const list = (await readStatusListCredential(payload, URL_1, 'https://kurss.example.lv/issuer'))!;
    expect([0, 1, 2].map((i) => bitAt(list.bits, i))).toEqual([false, true, false]);
    expect(list.details.get(1)).toEqual({ index: 1, date: '2026-12-01T10:00:00.000Z', reason: 'superseded' });
    await register.close();
  });

  it('is reissued when a revocation changes and reused while nothing does', async () => {
    const register = await sqliteBackend().open();
    await register.record(record(0));
    const first = await statusListToken(register, 1);
    expect(await statusListToken(register, 1)).toBe(first);
    await register.revoke(record(0).id, 'fraud', new Date());
    const second = await statusListToken(register, 1);
    expect(second).not.toBe(first);
    const list = (await readStatusListCredential(await verified(second), URL_1, 'https://kurss.example.lv/issuer'))!;
    expect(bitAt(list.bits, 0)).toBe(true);
    await register.unrevoke(record(0).id);
    const third = (await readStatusListCredential(await verified(await statusListToken(register, 1)), URL_1, 'https://kurss.example.lv/issuer'))!;
    expect(bitAt(third.bits, 0)).toBe(false);
    await register.close();
  });
});
