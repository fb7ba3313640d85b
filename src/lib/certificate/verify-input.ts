import { MAX_CERTIFICATE_BYTES } from './verification-row';

/** One thing to check on the verify page, named by where it came from (a file, a pasted line). */
export type VerifyItem = { source: string } & ({ text: string } | { oversized: true } | { unreadable: true });

/**
 * Pasted text as items: certificates are one token each, separated by any white space; a pasted
 * JSON record (unsigned) is one item whatever its spacing. Sources are numbered when there are several.
 */
export function pastedItems(pasted: string, label: string): VerifyItem[] {
  const tokens = pasted.trim().startsWith('{') ? [pasted] : pasted.split(/\s+/).filter(Boolean);
  const source = (i: number) => (tokens.length > 1 ? `${label} ${i + 1}` : label);
  return tokens.map((text, i) => (text.length > MAX_CERTIFICATE_BYTES ? { oversized: true, source: source(i) } : { text, source: source(i) }));
}

/** A file as an item: too large and unreadable files give an item too, so each gets its own row. */
export async function fileItem(file: Pick<File, 'name' | 'size' | 'text' | 'webkitRelativePath'>): Promise<VerifyItem> {
  const source = file.webkitRelativePath || file.name;
  if (file.size > MAX_CERTIFICATE_BYTES) return { oversized: true, source };
  try {
    return { text: await file.text(), source };
  } catch {
    return { unreadable: true, source };
  }
}
