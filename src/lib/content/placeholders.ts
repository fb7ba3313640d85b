/**
 * Content placeholders: a word in braces that the build fills from the institution file
 * (`INSTITUTION_FILE`, issue 16). Each stands on its own after a sentence (or as a paragraph of its
 * own), never inside one, so no Latvian case ending depends on it: the general edition drops it,
 * an institution's edition shows an aside there. Braces are reserved for placeholders: a lone `{`
 * or `}`, or a name that is not below, fails the build naming the file and the field.
 */
export const PLACEHOLDERS = {
  /** After a sentence that tells the reader to ask or check with the communication unit: who that is. */
  contact: 'the communication unit’s contact (lesson bodies and quiz feedback)',
  /** A paragraph of its own in a lesson: the institution’s official accounts as a worked example. */
  accounts: 'the institution’s official accounts (lesson bodies only, as a paragraph of its own)',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** Where a placeholder may stand: a lesson's body takes both, quiz feedback `{contact}` only, every other text none. */
export const LESSON_PLACEHOLDERS: readonly Placeholder[] = ['contact', 'accounts'];
export const FEEDBACK_PLACEHOLDERS: readonly Placeholder[] = ['contact'];

const BRACES = /\{([^{}\n]*)\}|[{}]/g;

const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);
const written = (names: readonly Placeholder[]) => names.map((n) => `{${n}}`).join(', ');

/** What is wrong with the braces of one text, given the placeholders its field allows (empty when nothing). */
export function placeholderProblems(text: string, allowed: readonly Placeholder[]): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(BRACES)) {
    const name = match[1];
    if (name === undefined) problems.push(`a lone “${match[0]}”: braces are kept for placeholders, written ${written(Object.keys(PLACEHOLDERS) as Placeholder[])}`);
    else if (!isPlaceholder(name)) problems.push(`unknown placeholder ${match[0]}: the placeholders are ${written(Object.keys(PLACEHOLDERS) as Placeholder[])} (see modules/CONTENT-FORMAT.md)`);
    else if (!allowed.includes(name))
      problems.push(allowed.length ? `${match[0]} is not allowed here (here: ${written(allowed)})` : `${match[0]} is not allowed in this field (placeholders stand in a lesson’s body and in quiz feedback)`);
  }
  return problems;
}

export type Segment = { text: string } | { placeholder: Placeholder };

/**
 * A text cut at its placeholders. `filled` says which placeholders this edition fills: one it does
 * not fill goes, with the space before it, so the general edition reads exactly as the sentence alone.
 */
export function segments(text: string, filled: (p: Placeholder) => boolean): Segment[] {
  const out: Segment[] = [];
  let rest = '';
  let at = 0;
  for (const match of text.matchAll(BRACES)) {
    const name = match[1];
    if (name === undefined || !isPlaceholder(name)) continue;
    rest += text.slice(at, match.index);
    at = match.index + match[0].length;
    if (filled(name)) {
      if (rest) out.push({ text: rest });
      out.push({ placeholder: name });
      rest = '';
    } else rest = rest.replace(/[ \t]+$/, '');
  }
  rest += text.slice(at);
  if (rest) out.push({ text: rest });
  return out;
}

/** The text with each placeholder replaced by `fill`'s plain text (or dropped with its space where that gives nothing). */
export function fillText(text: string, fill: Partial<Record<Placeholder, string>>): string {
  return segments(text, (p) => !!fill[p])
    .map((s) => ('text' in s ? s.text : fill[s.placeholder]!))
    .join('');
}

const LABELS: Record<string, string> = { scenarios: 'scenario', options: 'option', steps: 'step', endings: 'ending' };

/**
 * Every `{ lv, en }` text of a quiz's scenarios checked for placeholders, each problem named as the
 * quiz checks name fields (`scenario "x" › option "ask" › label.lv: …`): `feedback` and
 * `betterMove` take `{contact}`; situations, questions, labels (options stay alike in form), endings
 * and quotes take none.
 */
export function quizPlaceholderProblems(value: unknown, names: string[] = [], field: string[] = []): string[] {
  if (Array.isArray(value)) {
    const label = LABELS[field.at(-1) ?? ''] ?? field.at(-1) ?? 'item';
    return value.flatMap((item, i) => {
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${i + 1}`;
      return quizPlaceholderProblems(item, [...names, `${label} "${id}"`], []);
    });
  }
  if (typeof value === 'string') {
    const allowed = ['feedback', 'betterMove'].includes(field.at(-2) ?? '') ? FEEDBACK_PLACEHOLDERS : [];
    return placeholderProblems(value, allowed).map((p) => [...names, `${field.join('.')}: ${p}`].join(' › '));
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => quizPlaceholderProblems(child, names, [...field, key]));
}
