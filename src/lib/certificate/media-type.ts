/**
 * True when a Content-Type header names exactly `application/json`, with or without parameters
 * (`; charset=utf-8`). A substring test let `application/jsonp-evil` or
 * `text/plain; x=application/json` through.
 */
export function isJsonMediaType(header: string | null | undefined): boolean {
  if (!header) return false;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}
