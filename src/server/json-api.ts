import { isJsonMediaType } from '../lib/certificate/media-type';
import { readLimited } from '../lib/read-limited';

/** A JSON answer that no cache keeps. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/**
 * A request's JSON body, or the refusal to send: wrong media type (415), too large (413, checked
 * before and while reading), not JSON (400).
 */
export async function readJsonBody(request: Request, max: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const refuse = (response: Response) => ({ ok: false as const, response });
  if (!isJsonMediaType(request.headers.get('content-type'))) return refuse(json(415, { code: 'content-type', message: 'send the request as application/json' }));
  const tooLarge = () => refuse(json(413, { code: 'body-too-large', message: `the request body is larger than ${max} bytes` }));
  if (Number(request.headers.get('content-length') ?? 0) > max) return tooLarge();
  const bytes = await readLimited(request.body, max);
  if (bytes === undefined) return tooLarge();
  const text = new TextDecoder().decode(bytes);
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return refuse(json(400, { code: 'body-invalid', message: 'the request body is not JSON' }));
  }
}

/** The register could not be reached: nothing was done; the client may try again. */
export const isUnavailable = (error: unknown) => error instanceof Error && error.name === 'RegisterUnavailable';
