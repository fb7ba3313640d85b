/**
 * What a printed agenda and summary say about the session: its title, date, place and start time.
 * They travel in the plan's link (`title=`, `date=`, `place=`, `start=`) like the plan itself.
 */
export interface WorkshopDetails {
  title: string;
  /** YYYY-MM-DD, or '' when not set. */
  date: string;
  place: string;
  /** HH:MM (24-hour), or '' when not set. */
  start: string;
}

export const DETAIL_MAX_LENGTH = 120;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const text = (value: string | null) => (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, DETAIL_MAX_LENGTH);

/** Reads the details from a link; values the form could not have produced are dropped. */
export function readDetails(params: URLSearchParams): WorkshopDetails {
  const date = params.get('date') ?? '';
  const start = params.get('start') ?? '';
  return { title: text(params.get('title')), date: DATE.test(date) ? date : '', place: text(params.get('place')), start: TIME.test(start) ? start : '' };
}

/** Writes the set details into the link's query, leaving out empty ones. */
export function writeDetails(params: URLSearchParams, details: WorkshopDetails): URLSearchParams {
  for (const key of ['title', 'date', 'place', 'start'] as const) {
    const value = key === 'title' || key === 'place' ? text(details[key]) : details[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params;
}

/** Start times of consecutive agenda rows from the session's start, and the end: `['10:00', '10:25', …]`. */
export function startTimes(start: string, minutes: readonly number[]): string[] {
  if (!TIME.test(start)) return [];
  const [h, m] = start.split(':').map(Number) as [number, number];
  let at = h * 60 + m;
  const times = [at];
  for (const n of minutes) times.push((at += n));
  return times.map((t) => `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
}

/** The date in words of the page's language, e.g. „2026. gada 1. decembris” / "1 December 2026". */
export function dateInWords(date: string, langTag: string): string {
  if (!DATE.test(date)) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(langTag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
