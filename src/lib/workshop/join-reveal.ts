import type { Locale } from '../i18n/locales';
import type { QuizOption } from '../quiz/scenario';

/**
 * What a phone fetches after a reveal (`/<locale>/join-reveal/<module>/<scenario>/<step>.json`):
 * the reasoning of one scenario's one step, nothing of any other. The module's whole presenter
 * file would hand the phone every later scenario's key and reasoning before their reveals.
 */
export interface JoinReveal {
  module: string;
  scenario: string;
  /** The story's step; null for a one-step scenario. */
  step: string | null;
  locale: Locale;
  /** The step's options with their feedback and source, where the presenter's file explains them. */
  options: QuizOption[];
  /** A story: the ending an option leads to (by option id), its outcome's name and text in `locale`. */
  endings: Record<string, { outcome: string; text: string }>;
}

/** The step's name in the address: one-step scenarios have none. */
export const NO_STEP = '_';

export const joinRevealPath = (locale: Locale, module: string, scenario: string, step: string | undefined) => `/${locale}/join-reveal/${module}/${scenario}/${step ?? NO_STEP}.json`;

/** Checks a fetched reveal file: a stale cache or an error page gives a message, not a broken reveal. */
export function parseJoinReveal(value: unknown, expected: { module: string; scenario: string; step: string | undefined; locale: Locale }): JoinReveal | undefined {
  const v = value as Partial<JoinReveal> | null;
  const ok =
    !!v &&
    v.module === expected.module &&
    v.scenario === expected.scenario &&
    v.step === (expected.step ?? null) &&
    v.locale === expected.locale &&
    Array.isArray(v.options) &&
    v.options.every((o) => !!o && typeof o === 'object' && typeof (o as QuizOption).id === 'string') &&
    !!v.endings &&
    typeof v.endings === 'object' &&
    Object.values(v.endings).every((e) => !!e && typeof e.outcome === 'string' && typeof e.text === 'string');
  return ok ? (v as JoinReveal) : undefined;
}
