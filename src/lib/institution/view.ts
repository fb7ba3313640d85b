import type { Locale } from '../i18n/locales.ts';
import { PLATFORMS } from './schema.ts';
import type { Institution } from './validate.ts';

/** How the footer names each platform (proper names, the same in both locales); `other` shows the handle alone. */
const PLATFORM_NAMES: Record<(typeof PLATFORMS)[number], string> = {
  facebook: 'Facebook', x: 'X', instagram: 'Instagram', youtube: 'YouTube', linkedin: 'LinkedIn', tiktok: 'TikTok',
  threads: 'Threads', bluesky: 'Bluesky', mastodon: 'Mastodon', flickr: 'Flickr', other: '',
};

/** What the header and footer show of the institution, in one locale. */
export function institutionView(institution: Institution, locale: Locale) {
  const { contact } = institution;
  return {
    name: institution.name[locale],
    abbreviation: institution.abbreviation,
    logo: { src: institution.logo.src, alt: institution.logo.alt[locale] },
    unit: contact.unit[locale],
    email: contact.email,
    phone: contact.phone ? { text: contact.phone, href: `tel:${contact.phone.replace(/[^+0-9]/g, '')}` } : undefined,
    room: contact.room?.[locale],
    intranet: contact.intranet,
    accounts: institution.accounts.map((a) => ({ label: [PLATFORM_NAMES[a.platform], a.handle].filter(Boolean).join(': '), href: a.url })),
  };
}

/**
 * The edition's own style element: the header's logo and the footer's contact, and the accent in
 * place of the course's main colour (selectors more specific than global.css's, so the order of the
 * style elements does not matter). Only an institution's edition has it, so the general edition's
 * pages stay as they were; the layout allows it by its hash under the Content-Security-Policy.
 */
export function institutionCss(institution: Institution): string {
  const accent = institution.accent
    ? `html:root{--brand:${institution.accent}}:root .button:hover{background:color-mix(in srgb,${institution.accent},#000 30%)}`
    : '';
  return (
    accent +
    '.institution{display:flex;align-items:center;gap:.6rem;margin:0;font-weight:700;flex-basis:100%}' +
    '.institution img{block-size:2.75rem;inline-size:auto;max-inline-size:10rem;background:#fff;padding:.2rem;border-radius:var(--radius)}' +
    // A lesson's or a feedback's {contact} (src/lib/content/placeholders.ts): an aside after the sentence.
    '.contact-chip{background:var(--surface);border-radius:var(--radius);padding:0 .35rem;-webkit-box-decoration-break:clone;box-decoration-break:clone}.contact-lead{font-weight:700}' +
    // A label with its value („e-pasts prese@…”, „tālrunis +371 67 …”) moves to the next line whole; only one wider than the line breaks inside.
    '.contact-item{display:inline-block;max-inline-size:100%;overflow-wrap:anywhere}' +
    '.institution-contact{color:var(--ink)}.institution-contact ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:.25rem 0 0;padding:0}' +
    // The mark of its own modules („Iestādes kārtība”): home cards, progress rows, the module page.
    '.badge.local{color:var(--ink);background:#fff}'
  );
}
