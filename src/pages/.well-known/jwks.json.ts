import type { APIRoute } from 'astro';
import { issuerKeys } from '../../server/signing-keys';

/** The issuer's public keys, for anyone verifying certificates; built as a static file. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ keys: (await issuerKeys()).publicKeys }, null, 2), { headers: { 'content-type': 'application/jwk-set+json' } });
