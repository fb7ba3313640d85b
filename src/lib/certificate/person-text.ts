import { INSTITUTION_MAX, NAME_MAX } from './person-text-limits';

export { INSTITUTION_MAX, NAME_MAX } from './person-text-limits';

/**
 * Rules for the text a certificate prints about a person (name, institution), shared by the
 * server that signs and the form that asks: text a reader sees is all there is. Invisible and
 * format characters could make a blank name, hide words, or make two names look the same.
 */
/** A name needs this many letters (\p{L}), so that it cannot be blank or punctuation only. */
export const NAME_MIN_LETTERS = 2;

export type PersonTextProblem = 'too-long' | 'invisible' | 'broken' | 'too-few-letters' | 'mixed-scripts';

// Control characters; format characters (\p{Cf}: zero-width space/joiners, word joiner, bidi marks
// and overrides incl. U+200E/U+200F/U+061C, U+FEFF, tag characters U+E0001–E007F); line and
// paragraph separators; private use; the unassigned tag block; invisible fillers that Unicode
// files as letters or marks (Hangul fillers, combining grapheme joiner, Khmer inherent vowels,
// braille blank).
// Also every default-ignorable code point (e.g. Mongolian free variation selectors U+180B–U+180F)
// and unassigned ones (\p{Cn}), which render as nothing or as an unknown glyph.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\u{E0000}-\u{E007F}\u115F\u1160\u3164\uFFA0\u034F\u17B4\u17B5\u2800\u180B-\u180F]/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Variation selectors are default-ignorable but legitimate after a character (an emoji's style).
const SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
// Lone surrogates (\p{Cs}) and U+FFFD, which is what undecodable bytes turn into.
const BROKEN = /[\p{Cs}\uFFFD]/u;
// A variation selector only changes the character before it; alone (at the start, after a
// space or another selector) it is an invisible character.
const LONE_SELECTOR = /(^|[\s\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
// More than a few combining marks on one letter ("Zalgo") spill over neighbouring lines.
const STACKED_MARKS = /\p{M}{5,}/u;
const LETTER = /\p{L}/gu;
// One word in two alphabets ("Аnna" with a Cyrillic А) looks like another name: a look-alike.
// A name wholly in Cyrillic or Greek is fine; only mixing inside a word is refused.
const WORD = /[\p{L}\p{M}]+/gu;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];
const mixesScripts = (text: string) => (text.match(WORD) ?? []).some((word) => SCRIPTS.filter((script) => script.test(word)).length > 1);

/** NFC-normalised and trimmed, as it will be signed. */
export function normalisePersonText(value: string): string {
  return value.normalize('NFC').trim();
}

/** What is wrong with a name or institution (already normalised), or undefined when it may be printed. */
export function personTextProblem(text: string, field: 'name' | 'institution'): PersonTextProblem | undefined {
  if (text.length > (field === 'name' ? NAME_MAX : INSTITUTION_MAX)) return 'too-long';
  if (BROKEN.test(text)) return 'broken';
  const ignorable = [...text.matchAll(DEFAULT_IGNORABLE)].some(([c]) => !SELECTOR.test(c!));
  if (INVISIBLE.test(text) || ignorable || LONE_SELECTOR.test(text) || STACKED_MARKS.test(text)) return 'invisible';
  if (mixesScripts(text)) return 'mixed-scripts';
  if ((text.match(LETTER)?.length ?? 0) < (field === 'name' ? NAME_MIN_LETTERS : 1)) return 'too-few-letters';
  return undefined;
}
