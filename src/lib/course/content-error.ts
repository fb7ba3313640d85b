/**
 * A broken content file during `astro dev`. A loader that throws at start stops the dev server
 * (only the terminal shows why), and one that throws after an edit keeps the old content in the
 * pages; so in development the quiz loader stores the problem as this one entry instead, and the
 * first page that reads the course throws it, which Astro shows as its error overlay in the browser
 * with the message as written (file › scenario › field). `astro build` still fails at once.
 */
export const CONTENT_ERROR_ID = '_content-error';

export interface ContentErrorEntry {
  contentError: string;
}

/** The problem a dev loader stored, if any, among a collection's entries. */
export function contentErrorIn(entries: readonly { id: string; data: unknown }[]): string | undefined {
  const entry = entries.find((e) => e.id === CONTENT_ERROR_ID);
  return entry ? (entry.data as ContentErrorEntry).contentError : undefined;
}

/** What the overlay shows: the message, and how to recover. */
export class ContentFileError extends Error {
  constructor(message: string) {
    super(`${message}\n\nFix the file and save it: the page reloads with the change.`);
    this.name = 'ContentFileError';
  }
}
