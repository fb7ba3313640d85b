/**
 * The binary form of a certificate summary: what the QR code carries as the payload of its
 * compact JWS. Fixed fields first (flags, credential id as 16 bytes, dates as seconds or days,
 * the course edition, one byte per module, then — when flag 2 is set — the final test's score as
 * one byte and its date in days), then the name and institution. Flag 1 is the development key.
 * A summary without a final test is byte for byte what it was before flag 2 existed. Text uses one byte a
 * character when every character is in TEXT_CHARS (ASCII and the Baltic and common European
 * letters, so a Latvian name costs one byte a letter instead of UTF-8's two), UTF-8 otherwise.
 */
export interface CertificateSummary {
  /** The full credential's id, `urn:uuid:…`. */
  id: string;
  name: string;
  institution?: string;
  /** ISO timestamps, to the second. */
  issued: string;
  validUntil: string;
  /** The course edition: its date (YYYY-MM-DD) and the first 6 hex digits of the course version. */
  edition: { date: string; version: string };
  /** Per-module results in per cent, in course order. */
  results: number[];
  /** Signed with the development key: a test certificate. */
  development: boolean;
  /** The server-graded final test the certificate attests: score in per cent and the date passed (YYYY-MM-DD). */
  finalTest?: { percent: number; date: string };
}

const DEVELOPMENT = 1;
const FINAL_TEST = 2;

const TEXT_CHARS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') +
  'ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽžĄąĘęĖėĮįŲųÕõÄäÖöÜüÉéÈèÊêÁáÀàÂâÍíÓóÔôÚúÇçÑñŁłŚśŹźŻżĆćŃńŘřŤťĎďŇňĚěŮůÝýŐőŰűßÅåÆæØø„“”‘’«»–—…·';
const UUID = /^urn:uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
const DAY = 86_400_000;

class Writer {
  bytes: number[] = [];
  u8 = (n: number) => void this.bytes.push(n & 0xff);
  uint = (n: number, size: number) => { for (let i = size - 1; i >= 0; i--) this.u8(Math.floor(n / 256 ** i)); };
  varint = (n: number) => { while (n > 127) { this.u8((n & 127) | 128); n >>>= 7; } this.u8(n); };
  hex = (h: string) => { for (let i = 0; i < h.length; i += 2) this.u8(parseInt(h.slice(i, i + 2), 16)); };
  text = (s: string) => {
    const chars = [...s];
    const table = chars.every((c) => TEXT_CHARS.includes(c));
    const bytes = table ? chars.map((c) => TEXT_CHARS.indexOf(c)) : [...new TextEncoder().encode(s)];
    this.varint((bytes.length << 1) | (table ? 0 : 1));
    bytes.forEach(this.u8);
  };
}

class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  u8 = () => { if (this.at >= this.bytes.length) throw new Error('short'); return this.bytes[this.at++]!; };
  uint = (size: number) => { let n = 0; for (let i = 0; i < size; i++) n = n * 256 + this.u8(); return n; };
  varint = () => { let n = 0; for (let shift = 0; shift < 28; shift += 7) { const b = this.u8(); n |= (b & 127) << shift; if (b < 128) return n; } throw new Error('varint'); };
  hex = (size: number) => Array.from({ length: size }, () => this.u8().toString(16).padStart(2, '0')).join('');
  text = () => {
    const head = this.varint();
    const bytes = Uint8Array.from({ length: head >> 1 }, () => this.u8());
    if (head & 1) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return [...bytes].map((b) => { const c = TEXT_CHARS[b]; if (!c) throw new Error('char'); return c; }).join('');
  };
  done = () => this.at === this.bytes.length;
}

export function encodeSummary(s: CertificateSummary): Uint8Array {
  const uuid = UUID.exec(s.id);
  if (!uuid) throw new Error(`the credential id ${s.id} is not a urn:uuid`);
  if (!/^[0-9a-f]{6}$/.test(s.edition.version)) throw new Error('the edition version must be 6 hex digits');
  const w = new Writer();
  if (s.finalTest && (!/^\d{4}-\d{2}-\d{2}$/.test(s.finalTest.date) || !(s.finalTest.percent >= 0 && s.finalTest.percent <= 100))) throw new Error('the final test needs a score of 0–100 and a YYYY-MM-DD date');
  w.u8((s.development ? DEVELOPMENT : 0) | (s.finalTest ? FINAL_TEST : 0));
  w.hex(uuid.slice(1).join(''));
  w.uint(Date.parse(s.issued) / 1000, 4);
  w.uint(Date.parse(s.validUntil) / 1000, 4);
  w.uint(Date.parse(`${s.edition.date}T00:00:00Z`) / DAY, 2);
  w.hex(s.edition.version);
  w.u8(s.results.length);
  s.results.forEach((r) => w.u8(Math.round(r)));
  if (s.finalTest) {
    w.u8(Math.round(s.finalTest.percent));
    w.uint(Date.parse(`${s.finalTest.date}T00:00:00Z`) / DAY, 2);
  }
  w.text(s.name);
  w.text(s.institution ?? '');
  return Uint8Array.from(w.bytes);
}

/** The summary back, or undefined for bytes that are not one (never throws). */
export function decodeSummary(bytes: Uint8Array): CertificateSummary | undefined {
  try {
    const r = new Reader(bytes);
    const flags = r.u8();
    const h = r.hex(16);
    const id = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    const issued = iso(r.uint(4));
    const validUntil = iso(r.uint(4));
    const date = new Date(r.uint(2) * DAY).toISOString().slice(0, 10);
    const version = r.hex(3);
    const results = Array.from({ length: r.u8() }, () => r.u8());
    const finalTest = flags & FINAL_TEST ? { percent: r.u8(), date: new Date(r.uint(2) * DAY).toISOString().slice(0, 10) } : undefined;
    const name = r.text();
    const institution = r.text();
    if (!r.done() || flags > (DEVELOPMENT | FINAL_TEST) || results.some((p) => p > 100) || (finalTest && finalTest.percent > 100)) return undefined;
    return { id, name, ...(institution ? { institution } : {}), issued, validUntil, edition: { date, version }, results, development: (flags & DEVELOPMENT) === DEVELOPMENT, ...(finalTest && { finalTest }) };
  } catch {
    return undefined;
  }
}
