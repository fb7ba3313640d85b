import type { APIRoute } from 'astro';
import { register } from '../../server/register/open-register.ts';
import { statusListToken } from '../../server/status-lists';

/** The issuer's signed revocation lists (Bitstring Status List), read by the verify page and the CLI. */
export const prerender = false;

/** More lists than a course will ever fill (each holds 131,072 certificates). */
const MAX_LIST = 1024;

export const GET: APIRoute = async ({ params }) => {
  const list = /^[1-9]\d{0,3}$/.test(params.list ?? '') ? Number(params.list) : 0;
  if (!list || list > MAX_LIST) return new Response('no such status list\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  try {
    const token = await statusListToken(await register(), list);
    // no-cache: a cache may keep the list but must ask again, so a revocation is seen at once.
    return new Response(token, { status: 200, headers: { 'content-type': 'application/vc+jwt', 'cache-control': 'no-cache' } });
  } catch (error) {
    if ((error as Error).name !== 'RegisterUnavailable') throw error;
    return new Response('the certificate register cannot be reached; try again later\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30', 'cache-control': 'no-store' } });
  }
};
