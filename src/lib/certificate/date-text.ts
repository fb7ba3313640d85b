// Apart from verification-text.ts so a page that only shows dates does not load the reasons' texts.

/**
 * Dates in a reason or table cell, in the reader's time zone unless one is given: Latvian as
 * 01.12.2026 (the way Latvian documents write them, and short enough for a phone's table),
 * English as 1 Dec 2026. The trailing dot Latvian Intl adds would double the sentence's own.
 */
export function dateFormatter(langTag: string, timeZone?: string): (iso: string | undefined) => string {
  const options: Intl.DateTimeFormatOptions = langTag.startsWith('lv') ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  const format = new Intl.DateTimeFormat(langTag, { ...options, timeZone });
  return (iso) => (iso && !Number.isNaN(Date.parse(iso)) ? format.format(new Date(iso)).replace(/\.$/, '') : '');
}
