/**
 * The course addresses its reader as *jūs* (plural/polite), never *tu*: the patterns that find the
 * singular in Latvian text. Shared by the final test bank's tests and the build's check of an
 * institution's own final-test items (final-test/local-final-test.ts).
 */

/** Second-person singular pronouns and possessives. */
export const TU_FORMS = /(?<!\p{L})(tu|tev|tevi|tevis|tevī|tavs|tava|tavā|tavu|tavi|tavas|tavos|tavās|tavām|taviem|tavējais|tavējā)(?!\p{L})/iu;

/** Second-person singular reflexive verbs (sazinies, atceries, šaubies), not infinitives (-ties) or futures (-sies). */
export const TU_REFLEXIVE = /(?<!\p{L})\p{L}+(?<![ts])ies(?!\p{L})/iu;

/** The singular form a Latvian text uses, or undefined when it keeps to *jūs*. */
export function tuFormIn(text: string): string | undefined {
  return text.match(TU_FORMS)?.[0] ?? text.match(TU_REFLEXIVE)?.[0];
}

/** "All of the above" in either locale: an option that is right whenever two others are. */
export const ALL_OF_THE_ABOVE = /all of the above|visi iepriekš minētie|visas iepriekš minētās|viss iepriekš minētais/i;
