import { contactParts, fillPlain, type PlaceholderFill } from '../content/fill';
import { segments } from '../content/placeholders';
import type { Locale } from '../i18n/locales';
import { t } from '../i18n/translate';
import type { Institution } from './validate';
import { institutionView } from './view';

export type { PlaceholderFill };

/** The edition's fill in one locale; the general edition's is empty (every placeholder dropped). */
export function placeholderFill(institution: Institution | undefined, locale: Locale): PlaceholderFill {
  if (!institution) return {};
  const v = institutionView(institution, locale);
  return {
    contact: {
      lead: t(locale, 'institution.inYours'),
      unit: v.unit,
      email: { text: v.email, href: `mailto:${v.email}`, label: t(locale, 'institution.email') },
      ...(v.phone && { phone: { ...v.phone, label: t(locale, 'institution.phone') } }),
      ...(v.room && { room: v.room }),
      ...(v.intranet && { intranet: { href: v.intranet, label: t(locale, 'institution.intranet') } }),
    },
    // An institution without accounts has no example to show: the lesson stays as it is.
    ...(v.accounts.length > 0 && {
      accounts: { lead: t(locale, 'institution.example'), name: v.name, text: t(locale, 'institution.exampleLead'), check: t(locale, 'institution.exampleCheck'), list: v.accounts },
    }),
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const link = (p: { text: string; href?: string }) => (p.href ? `<a href="${escape(p.href)}">${escape(p.text)}</a>` : escape(p.text));
const part = (p: { text: string; href?: string; label?: string }) => (p.label ? `<span class="contact-item">${escape(p.label)} ${link(p)}</span>` : link(p));

/** The contact as an inline aside (the lesson's HTML and the printed guide). */
export function contactHtml(contact: NonNullable<PlaceholderFill['contact']>): string {
  return `<span class="contact-chip" data-testid="contact-chip"><span class="contact-lead">${escape(contact.lead)}</span> ${contactParts(contact).map(part).join('')}</span>`;
}

/** The accounts as a worked example box, in place of the paragraph that held `{accounts}`. */
export function accountsHtml(accounts: NonNullable<PlaceholderFill['accounts']>): string {
  return (
    `<blockquote class="institution-example" data-testid="lesson-accounts"><p><strong>${escape(accounts.lead)}</strong> (${escape(accounts.name)}): ${escape(accounts.text)}</p>` +
    `<ul>${accounts.list.map((a) => `<li>${part({ text: a.label, href: a.href })}</li>`).join('')}</ul><p>${escape(accounts.check)}</p></blockquote>`
  );
}

/**
 * Fills the placeholders of a lesson's rendered HTML (Markdown leaves `{contact}` as text). A
 * paragraph that is only `{accounts}` becomes the example box, or goes; `{contact}` becomes the
 * aside, or goes with the space before it. The Markdown never holds the edition's data, so the
 * content cache cannot serve one edition's lesson to another.
 */
export function fillLessonHtml(html: string, fill: PlaceholderFill): string {
  const blocks = html.replace(/<p>\s*\{accounts\}\s*<\/p>\n?/g, () => (fill.accounts ? accountsHtml(fill.accounts) + '\n' : ''));
  return segments(blocks, (p) => p === 'contact' && !!fill.contact)
    .map((s) => ('text' in s ? s.text : contactHtml(fill.contact!)))
    .join('');
}

/** A quiz (or any part of one) with every text's placeholders filled as plain text: the projector, the phones, the printed guide. */
export function fillPlainDeep<T>(value: T, fill: PlaceholderFill): T {
  if (typeof value === 'string') return fillPlain(value, fill) as T;
  if (Array.isArray(value)) return value.map((v) => fillPlainDeep(v, fill)) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlainDeep(v, fill)])) as T;
}

/**
 * The quiz as the learner's island gets it (props and data file): an edition with a contact keeps
 * `{contact}` for the island to fill with links (ContentText.svelte); the general edition's has
 * every placeholder dropped already, so its built site holds none.
 */
export const forQuizIsland = <T>(value: T, fill: PlaceholderFill): T => (fill.contact ? value : fillPlainDeep(value, {}));
