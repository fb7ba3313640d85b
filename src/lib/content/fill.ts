import { fillText, type Placeholder } from './placeholders';

/* Small and free of the i18n tables: the quiz island imports it. */

/**
 * What an edition puts where the content says `{contact}` and `{accounts}`, in one locale: plain
 * data (the islands get it as a prop) with the words already chosen. Undefined parts are the
 * general edition's: the placeholder is dropped.
 */
export interface PlaceholderFill {
  contact?: {
    lead: string;
    unit: string;
    email: { text: string; href: string; label: string };
    phone?: { text: string; href: string; label: string };
    room?: string;
    intranet?: { href: string; label: string };
  };
  accounts?: {
    lead: string;
    name: string;
    text: string;
    check: string;
    list: { label: string; href: string }[];
  };
}

/**
 * The contact's parts in order, each plain text or a link: one list for the plain, HTML and Svelte
 * renderings. A part with a `label` („e-pasts”, „tālrunis”) is rendered as one unbroken item with its
 * value (`.contact-item`), so a narrow screen moves it to the next line whole instead of splitting
 * „+371 / 67 111 222” or „e- / pasts”.
 */
export function contactParts(contact: NonNullable<PlaceholderFill['contact']>): { text: string; href?: string; label?: string }[] {
  return [
    { text: contact.unit },
    { text: ', ' },
    { label: contact.email.label, text: contact.email.text, href: contact.email.href },
    ...(contact.phone ? [{ text: ', ' }, { label: contact.phone.label, text: contact.phone.text, href: contact.phone.href }] : []),
    ...(contact.room ? [{ text: `, ${contact.room}` }] : []),
    ...(contact.intranet ? [{ text: ', ' }, { text: contact.intranet.label, href: contact.intranet.href }] : []),
  ];
}

/** Plain text (the live region, a printed line, text for a tool): the contact in parentheses after the sentence. */
export function plainFill(fill: PlaceholderFill): Partial<Record<Placeholder, string>> {
  const contact = fill.contact && `(${fill.contact.lead} ${contactParts(fill.contact).map((p) => (p.label ? `${p.label} ` : '') + (p.href && p.href.startsWith('https:') ? `${p.text} ${p.href}` : p.text)).join('')})`;
  const accounts = fill.accounts && `${fill.accounts.lead} (${fill.accounts.name}): ${fill.accounts.text} ${fill.accounts.list.map((a) => `${a.label} ${a.href}`).join('; ')}. ${fill.accounts.check}`;
  return { ...(contact && { contact }), ...(accounts && { accounts }) };
}

/**
 * The contact as the quiz island gets it, worked out at build: its parts (links and text) and its
 * plain text, so the island splits a feedback at `{contact}` and imports none of this file's code.
 * In an institution's edition `{contact}` is the only placeholder its quiz data can hold (the checks
 * allow no other in feedback); the general edition's data has none (dropped at build).
 */
export interface IslandContact {
  lead: string;
  parts: { text: string; href?: string }[];
  plain: string;
}

export function islandContact(contact: PlaceholderFill['contact']): IslandContact | undefined {
  return contact && { lead: contact.lead, parts: contactParts(contact), plain: plainFill({ contact }).contact! };
}

/** A text with its placeholders filled as plain text. */
export const fillPlain = (text: string, fill: PlaceholderFill) => fillText(text, plainFill(fill));

