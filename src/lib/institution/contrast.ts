/**
 * WCAG 2 contrast for the institution's accent colour. The accent takes the place of the course's
 * main colour (`--brand` in src/styles/global.css): the header's background under white text, the
 * buttons, the borders and the coloured text on the site's light backgrounds. So it must reach AA
 * for normal text (4.5:1) against the white text on it and against every light background it is
 * used as text on.
 */

export const AA_NORMAL_TEXT = 4.5;

/** What the accent is used with, and why (the colours of src/styles/global.css and the islands). */
export const ACCENT_PAIRS: readonly { colour: string; role: string }[] = [
  { colour: '#ffffff', role: 'the text on it (--brand-ink) and the page background (--bg)' },
  { colour: '#f3f5f8', role: 'the grey surface (--surface)' },
  { colour: '#e8eef5', role: 'the chosen option’s background (its border is the accent)' },
  { colour: '#eef3f9', role: 'a phone’s chosen-answer background (its border is the accent)' },
];

/** `#rgb` or `#rrggbb` to 0–255 channels. */
export function parseHex(hex: string): [number, number, number] {
  const digits = hex.replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down, so 4.499 is never printed as the 4.50 it fails to reach. */
const floor2 = (ratio: number) => (Math.floor(ratio * 100) / 100).toFixed(2);

/** One message per pair below AA, with the ratio; empty when the accent is usable. */
export function accentContrastProblems(accent: string): string[] {
  return ACCENT_PAIRS.flatMap(({ colour, role }) => {
    const ratio = contrastRatio(accent, colour);
    return ratio < AA_NORMAL_TEXT
      ? [`${accent} has a contrast of ${floor2(ratio)}:1 with ${colour}, ${role}; WCAG AA needs at least ${AA_NORMAL_TEXT}:1 (choose a darker colour)`]
      : [];
  });
}
