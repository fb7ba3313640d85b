import { launchSessionOf } from '../scorm/page-bridge';

/**
 * What the certificate page needs of the final test, kept small for its island: which assessment
 * the server runs (asked at run time, so a build and a server with different settings still
 * agree), and the signed result of a passed attempt that the certificate request carries.
 */

/** Where the browser keeps the signed result of a passed final test (survives a reload). */
export const RESULT_KEY = 'smkurss.final-test.result';

/** What the page can tell of a stored result: read from the token, never trusted (the server verifies it). */
export interface StoredResult {
  token: string;
  percent: number;
  /** ISO date-time the attempt was graded. */
  passedAt: string;
  /** Seconds since the epoch when the server stops taking it. */
  expiresAt: number;
}

/** The payload of a result token, or undefined for anything that is not one (never throws). */
export function readResultToken(token: unknown, now = Date.now()): StoredResult | undefined {
  if (typeof token !== 'string' || token.length > 4096) return undefined;
  try {
    const part = token.split('.')[1];
    if (!part) return undefined;
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const p = JSON.parse(json) as Record<string, unknown>;
    if (p.aud !== 'final-test-result' || typeof p.percent !== 'number' || typeof p.passedAt !== 'string' || Number.isNaN(Date.parse(p.passedAt)) || typeof p.exp !== 'number') return undefined;
    if (p.exp * 1000 <= now) return undefined;
    return { token, percent: p.percent, passedAt: p.passedAt, expiresAt: p.exp };
  } catch {
    return undefined;
  }
}

/** Storage that may be missing, full or hold anything: reads give undefined, writes fail silently. */
export const resultStore = {
  read(now = Date.now()): StoredResult | undefined {
    try {
      return readResultToken(localStorage.getItem(RESULT_KEY), now);
    } catch {
      return undefined;
    }
  },
  save(token: string) {
    try {
      localStorage.setItem(RESULT_KEY, token);
    } catch {
      /* memory only: the learner can still ask for the certificate now */
    }
  },
  clear() {
    try {
      localStorage.removeItem(RESULT_KEY);
    } catch {
      /* nothing stored */
    }
  },
};

type Where = { parent?: unknown; location?: { protocol: string } };

/** Opened from files or inside a SCORM package: no server of ours answers here. */
const noServerHere = (win: Where) => win.location?.protocol === 'file:' || !!launchSessionOf(win);

/**
 * Where a finished course leads in this browser: the final test page, unless a passed result is
 * already held here, or the page runs where no server of ours answers (inside a SCORM package,
 * opened from files): there the certificate page's unsigned completion record is the end, and a
 * link to a test that cannot start would be a dead end. Static hosting is found out by the final
 * test page itself, which then says so and leads on.
 */
export function finalTestNext(href: string | undefined, win: Where = globalThis as never): string | undefined {
  if (!href || resultStore.read()) return undefined;
  if (noServerHere(win)) return undefined;
  return href;
}

/**
 * What this copy of the course runs, asked of the server: `final-test` or `modules` from the API,
 * `none` where there is no server (static hosting, a SCORM package, a file) — a missing route, a
 * page instead of JSON, or no answer at all.
 */
export type ServerAssessment = 'final-test' | 'modules' | 'none';

export async function serverAssessment(fetcher: typeof fetch = fetch, win: Where = globalThis as never): Promise<ServerAssessment> {
  // Inside a SCORM package or opened from files: no server of ours, and nothing is asked of the LMS.
  if (noServerHere(win)) return 'none';
  try {
    const response = await fetcher('/api/final-test/', { headers: { accept: 'application/json' } });
    if (!response.ok) return 'none';
    const body = (await response.json()) as { assessment?: unknown };
    return body.assessment === 'final-test' || body.assessment === 'modules' ? body.assessment : 'none';
  } catch {
    return 'none';
  }
}
