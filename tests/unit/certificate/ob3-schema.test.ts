import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashEmail } from '../../../src/lib/certificate/credential';
import { statusEntry } from '../../../src/lib/certificate/status-list-credential';
import { root } from '../helpers';
import { keyPair, signed } from './fixtures';

/** The OB 3.0 rules the course relies on, derived from the spec's data model (§B.1). */
const uri = z.string().regex(/^[a-z][a-z0-9+.-]*:/i);
const dateTime = z.iso.datetime({ offset: true });
const ob3 = z.object({
  '@context': z.tuple([z.literal('https://www.w3.org/ns/credentials/v2'), z.literal('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')]),
  id: uri,
  type: z.array(z.string()).refine((t) => t.includes('VerifiableCredential') && t.includes('OpenBadgeCredential')),
  issuer: z.object({ id: uri, type: z.array(z.string()).refine((t) => t.includes('Profile')), name: z.string().min(1), url: uri }),
  validFrom: dateTime,
  validUntil: dateTime,
  name: z.string().min(1),
  credentialSubject: z.object({
    id: uri,
    type: z.array(z.string()).refine((t) => t.includes('AchievementSubject')),
    identifier: z.array(z.strictObject({ type: z.literal('IdentityObject'), hashed: z.boolean(), identityHash: z.string(), identityType: z.string(), salt: z.string().optional() })),
    achievement: z.object({ id: uri, type: z.array(z.string()).refine((t) => t.includes('Achievement')), name: z.string(), description: z.string(), criteria: z.object({ narrative: z.string() }) }),
    result: z.array(z.object({ type: z.array(z.string()).refine((t) => t.includes('Result')), resultDescription: uri, value: z.string() })),
  }),
});

const { signing } = await keyPair();
// With its revocation entry, as the server issues it: OB 3.0 allows credentialStatus (id and type required).
const payload = decodeJwt(await signed(signing, { emailIdentity: await hashEmail('anna@vk.gov.lv', 'pepper'), status: statusEntry('https://kurss.example.lv', 131_074) }));

describe('issued credentials and the Open Badges 3.0 data model', () => {
  it('meet the required fields and types derived from the spec', () => {
    expect(ob3.safeParse(payload).error?.issues ?? []).toEqual([]);
  });

  it('carry a Bitstring Status List revocation entry pointing into the issuer\'s list', () => {
    expect(payload.credentialStatus).toEqual({
      id: 'https://kurss.example.lv/status/2/#2',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '2',
      statusListCredential: 'https://kurss.example.lv/status/2/',
    });
  });

  // The official JSON schema lives beside the project (../shared/standards/ob3), not inside it.
  const schemaFile = join(root, '..', 'shared', 'standards', 'ob3', 'achievementcredential.json');
  it.skipIf(!existsSync(schemaFile))('validate against the official OB 3.0 JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const { iss, jti, sub, nbf, exp, ...credential } = payload;
    expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    expect([iss, jti, sub, nbf, exp].every((v) => v !== undefined)).toBe(true);
  });
});
