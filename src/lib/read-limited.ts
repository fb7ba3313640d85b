/**
 * Reads a stream whole, or stops as soon as it passes `limit` bytes (cancelling it) and answers
 * undefined: never holds more than the limit of what a sender, a list server or a decompression
 * produces. One reader for request bodies, status-list downloads and inflated status lists.
 */
export async function readLimited(stream: ReadableStream<Uint8Array> | null | undefined, limit: number): Promise<Uint8Array | undefined> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
