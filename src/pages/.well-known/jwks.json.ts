import type { APIRoute } from 'astro';
import { publishedKeys } from '../../server/qr-signing-key';

/** The issuer's public keys (with the QR summary key), for anyone verifying certificates; built as a static file. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify({ keys: await publishedKeys() }, null, 2), { headers: { 'content-type': 'application/jwk-set+json' } });
