/**
 * Packs a VC-JWT small enough for a printed QR code: the header and payload JSON and the raw
 * signature, deflated, in base64url. Unpacking restores the exact token (base64url is canonical),
 * so the signature still verifies. Browsers and Node both have CompressionStream.
 */
const b64 = {
  encode: (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  decode: (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
};

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function packCertificate(token: string): Promise<string> {
  const [header, payload, signature] = token.split('.').map((part) => b64.decode(part!));
  const frame = new Uint8Array(4 + header!.length + payload!.length + signature!.length);
  const view = new DataView(frame.buffer);
  view.setUint16(0, header!.length);
  view.setUint16(2, payload!.length);
  frame.set(header!, 4);
  frame.set(payload!, 4 + header!.length);
  frame.set(signature!, 4 + header!.length + payload!.length);
  return b64.encode(await through(frame, new CompressionStream('deflate-raw')));
}

export async function unpackCertificate(packed: string): Promise<string | undefined> {
  try {
    const frame = await through(b64.decode(packed), new DecompressionStream('deflate-raw'));
    const view = new DataView(frame.buffer);
    const h = view.getUint16(0);
    const p = view.getUint16(2);
    if (4 + h + p > frame.length) return undefined;
    return [frame.subarray(4, 4 + h), frame.subarray(4 + h, 4 + h + p), frame.subarray(4 + h + p)].map(b64.encode).join('.');
  } catch {
    return undefined;
  }
}
