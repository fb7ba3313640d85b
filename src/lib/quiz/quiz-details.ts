import type { Locale } from '../i18n/locales';
import type { Quiz, QuizFile } from './types';

/**
 * The module page's quiz comes in two parts. The island's props hold the *shell*: everything the
 * questions, the draw, resume and scoring need (ids, situations, questions, option labels, keys,
 * points, endings), so the learner starts at once. What only an answer's feedback shows (each
 * option's feedback and source quote, a branching story's better move) is the *details*: one small
 * static JSON file per module and locale, fetched when the browser is idle or at the first
 * interaction, long before the first answer, and kept for the page's life (and by the HTTP cache).
 *
 * The split is by key, not by schema field list, and the merge is by id path (scenario / step /
 * option ids), so shuffled options, drawn subsets, and fields added to the schema later all work.
 */
const DETAIL_KEYS = ['feedback', 'source', 'betterMove'] as const;

/** What was taken out of each object, keyed by the id path of that object ("scenario/step/option"). */
export interface QuizDetails {
  moduleId: string;
  locale: Locale;
  parts: Record<string, Record<string, unknown>>;
}

/** The data file's address, shared by the endpoint that builds it and the page that passes it to the island. */
export const quizDataPath = (locale: Locale, id: string) => `/${locale}/quiz-data/${id}.json`;

type Visit = (node: Record<string, unknown>, path: string) => Record<string, unknown>;

/**
 * Rebuilds a JSON-like tree, calling `visit` on every object that has an id (scenarios, steps,
 * options, endings) with its id path; objects without one (texts, sources) are copied as they are.
 */
function walk(value: unknown, path: string, visit: Visit): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, path, visit));
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const hasId = typeof node.id === 'string';
  const here = hasId ? (path ? `${path}/${node.id}` : (node.id as string)) : path;
  const rebuilt = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, here, visit)]));
  return hasId ? visit(rebuilt, here) : rebuilt;
}

/**
 * Splits a quiz (already in one locale, `quizForLocale`) into the shell for the props and the
 * details for the data file. A Latvian page shows only the Latvian quote, so its file drops the
 * English translation.
 */
export function splitQuiz(quiz: Quiz, locale: Locale): { shell: Quiz; details: QuizDetails } {
  const parts: QuizDetails['parts'] = {};
  const shell = walk(quiz, '', (node, path) => {
    const taken = DETAIL_KEYS.filter((k) => k in node);
    if (!taken.length) return node;
    if (path in parts) throw new Error(`quiz ${quiz.moduleId}: two objects share the id path "${path}"`);
    parts[path] = Object.fromEntries(taken.map((k) => [k, k === 'source' && locale === 'lv' ? latvianOnly(node[k]) : node[k]]));
    return Object.fromEntries(Object.entries(node).filter(([k]) => !taken.includes(k as (typeof DETAIL_KEYS)[number])));
  });
  return { shell: shell as Quiz, details: { moduleId: quiz.moduleId, locale, parts } };
}

function latvianOnly(source: unknown): unknown {
  const s = source as { seed: string; quote: { lv: string } };
  return { seed: s.seed, quote: { lv: s.quote.lv } };
}

/** The shell (or an attempt's quiz drawn from it) with its details put back, by id path. */
export function withDetails<Q extends QuizFile>(quiz: Q, details: QuizDetails): Q {
  return walk(quiz, '', (node, path) => (details.parts[path] ? { ...node, ...details.parts[path] } : node)) as Q;
}

/** Checks a fetched data file: a stale cache or a proxy's error page gives a message, not empty feedback. */
export function parseDetails(value: unknown, moduleId: string, locale: Locale): QuizDetails {
  const v = value as Partial<QuizDetails> | null;
  const ok =
    !!v &&
    v.moduleId === moduleId &&
    v.locale === locale &&
    !!v.parts &&
    typeof v.parts === 'object' &&
    Object.values(v.parts).every((p) => !!p && typeof p === 'object' && Object.keys(p).every((k) => (DETAIL_KEYS as readonly string[]).includes(k)));
  if (!ok) throw new Error(`quiz data for ${moduleId}: not the expected file`);
  return v as QuizDetails;
}

/** The subset of `fetch` the loader needs, so tests pass their own. */
export type Fetcher = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** Fetches and checks the data file; gives up after `timeoutMs` (a stalled connection must end in a message). */
export async function fetchDetails(fetcher: Fetcher, url: string, moduleId: string, locale: Locale, timeoutMs = 20_000): Promise<QuizDetails> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: abort.signal });
    if (!response.ok) throw new Error(`quiz data for ${moduleId}: HTTP error`);
    return parseDetails(await response.json(), moduleId, locale);
  } finally {
    clearTimeout(timer);
  }
}
