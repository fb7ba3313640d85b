import type { Locale, LocalizedText } from '../i18n/locales';
import type { Scenario } from '../quiz/types';

/**
 * One module's scenarios for the presenter, in one language: what `/<locale>/presenter-data/<id>.json`
 * holds. The presenter page embeds only the module index and fetches these when the plan needs them,
 * instead of carrying every scenario in both languages in its HTML.
 */
export interface PresenterModuleData {
  id: string;
  locale: Locale;
  title: string;
  /**
   * Scenarios with every text in `locale` only, source quotes included. Options the reveal never
   * explains (the wrong ones, outside stories) come without feedback and quote: they are in the guide.
   */
  scenarios: Scenario[];
  /** Labels of the fixed options (account, disclosure) in `locale`, by `option.<id>` key. */
  optionLabels: Record<string, string>;
  /** Ending outcome names in `locale`: best, acceptable, poor. */
  outcomes: Record<string, string>;
}

/** What the presenter page embeds per module: enough to read a plan and time it, no scenario text. */
export interface PresenterModuleIndex {
  id: string;
  title: LocalizedText;
  /** Workshop minutes from the facilitator timing. */
  minutes: number;
  scenarios: string[];
}

/** The data file's address, shared by the endpoint that builds it and the presenter that fetches it. */
export const presenterDataPath = (locale: Locale, id: string) => `/${locale}/presenter-data/${id}.json`;

/**
 * The phones' file (`/<locale>/join-data/<id>.json`): the same shape, but no key before the reveal
 * (M7). Each scenario keeps what a phone shows while it answers (situation, question, steps, option
 * ids and labels) and loses every key, feedback, source, link to a next step, ending and points:
 * the key comes with the reveal event, the reasoning from the presenter's file after it.
 */
export const joinDataPath = (locale: Locale, id: string) => `/${locale}/join-data/${id}.json`;

/** Fields that give an answer away or explain it: never in the phones' file. */
export const KEY_FIELDS = ['correct', 'mistake', 'next', 'feedback', 'source', 'endings', 'betterMove', 'points', 'pinLast', 'discussion'] as const;

export function withoutKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutKeys) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !(KEY_FIELDS as readonly string[]).includes(k))
      .map(([k, v]) => [k, withoutKeys(v)]),
  ) as T;
}

/** The phones' module data: the presenter's without keys or reasoning (and without the room's discussion questions, the trainer's). */
export function participantData(data: PresenterModuleData): PresenterModuleData {
  return { ...data, outcomes: {}, scenarios: data.scenarios.map((s) => ({ ...withoutKeys(s), kind: s.kind, id: s.id }) as Scenario) };
}

/** Fetches a module's data from an address (the phones' file or the presenter's). */
export async function fetchDataAt(fetcher: Fetcher, path: string, locale: Locale, id: string): Promise<PresenterModuleData> {
  let response: Awaited<ReturnType<Fetcher>>;
  try {
    response = await fetcher(path);
  } catch {
    throw new ModuleLoadError('network', id);
  }
  if (!response.ok) throw new ModuleLoadError('status', id);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ModuleLoadError('format', id);
  }
  return parseModuleData(body, id, locale);
}

/** Why a module's data could not be used, for the presenter's message. */
export type LoadProblem = 'network' | 'status' | 'format';

export class ModuleLoadError extends Error {
  constructor(
    readonly problem: LoadProblem,
    readonly module: string,
  ) {
    super(`presenter data for ${module}: ${problem}`);
  }
}

const isRecordOfStrings = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');

/**
 * Checks a fetched data file before the presenter uses it: a stale cache or a proxy's error page
 * must give a message, not an empty slide.
 */
export function parseModuleData(value: unknown, id: string, locale: Locale): PresenterModuleData {
  const v = value as Partial<PresenterModuleData> | null;
  const ok =
    !!v &&
    v.id === id &&
    v.locale === locale &&
    typeof v.title === 'string' &&
    Array.isArray(v.scenarios) &&
    v.scenarios.every((s) => !!s && typeof s === 'object' && typeof (s as Scenario).id === 'string' && typeof (s as Scenario).kind === 'string') &&
    isRecordOfStrings(v.optionLabels) &&
    isRecordOfStrings(v.outcomes);
  if (!ok) throw new ModuleLoadError('format', id);
  return v as PresenterModuleData;
}

/** The subset of `fetch` the loader needs, so tests pass their own. */
export type Fetcher = (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** Fetches and checks one module's data file. */
export const fetchModuleData = (fetcher: Fetcher, locale: Locale, id: string): Promise<PresenterModuleData> => fetchDataAt(fetcher, presenterDataPath(locale, id), locale, id);
