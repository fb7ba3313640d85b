import type { QuizProblem } from './guessability';

/**
 * `quizzes/_known-failures.yaml`: the guessability problems the content has today, by quiz. The
 * build warns about each instead of failing, fails on any problem not listed, and fails on a
 * listed one that is gone (so the list only shrinks). An empty file is the goal.
 */
export type KnownFailures = Record<string, string[]>;

export function readKnownFailures(data: unknown, file: string): KnownFailures {
  if (data === null || data === undefined) return {};
  const fail = (what: string) => {
    throw new Error(`${file}: ${what}`);
  };
  if (typeof data !== 'object' || Array.isArray(data)) fail('must map quiz ids to lists of known problems');
  for (const [quiz, list] of Object.entries(data as Record<string, unknown>))
    if (!Array.isArray(list) || !list.every((k) => typeof k === 'string')) fail(`${quiz}: must be a list of problem texts`);
  return data as KnownFailures;
}

export interface KnownFailureReport {
  /** Problems that fail the build: new ones, and listed ones that no longer occur. */
  errors: string[];
  /** Listed problems that still occur: reported loudly, not fatal. */
  warnings: string[];
}

export function compareWithKnown(problems: Record<string, QuizProblem[]>, known: KnownFailures, file: string): KnownFailureReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [quiz, list] of Object.entries(problems)) {
    const listed = new Set(known[quiz] ?? []);
    for (const p of list) {
      const line = `quizzes/${quiz}.yaml: ${p.key}${p.detail ? ` (${p.detail})` : ''}`;
      (listed.has(p.key) ? warnings : errors).push(line);
    }
  }
  for (const [quiz, keys] of Object.entries(known))
    for (const key of keys)
      if (!(problems[quiz] ?? []).some((p) => p.key === key))
        errors.push(`${file}: "${quiz}" › "${key}" no longer occurs${problems[quiz] ? '' : ' (no such quiz)'}: remove it from the list`);
  return { errors, warnings };
}
