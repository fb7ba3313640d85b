import type { PublicAnswer, PublicItem } from './public-item';
import { resultStore } from './result-store';
import { readSession, STORAGE_KEY, type Session } from './session';

export { RESULT_KEY } from './result-store';

export interface StartResponse {
  token: string;
  expiresAt: number;
  items: PublicItem[];
}

export interface SubmitResponse {
  percent: number;
  passed: boolean;
  passPercent: number;
  /** Module ids to review. */
  review: string[];
  /** Present when passed: the signed result the certificate request carries. */
  result?: string;
}

/** A refusal as the API sends it; `retryAfter` in seconds when the attempts are used up. */
export interface ApiRefusal {
  status: number;
  code: string;
  message: string;
  retryAfter?: number;
  /** Which limit refused a start: this browser's own (`own`), or one shared with others (`address`, `network`). */
  limit?: string;
}

export type ApiOutcome<T> = { ok: true; value: T } | { ok: false; refusal: ApiRefusal } | { ok: false; offline: true };

/** POSTs JSON and reads the answer; a network failure is `offline`, never a thrown error. */
export async function postJson<T>(path: string, body: unknown, fetcher: typeof fetch = fetch): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetcher(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, offline: true };
  }
  let data: Record<string, unknown> = {};
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: keep the status, say nothing more.
  }
  if (response.ok) return { ok: true, value: data as T };
  const retry = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    refusal: { status: response.status, code: String(data.code ?? 'error'), message: String(data.message ?? response.statusText), ...(retry > 0 && { retryAfter: retry }), ...(typeof data.limit === 'string' && { limit: data.limit }) },
  };
}

/** Storage that may be missing or full: reads give undefined, writes fail silently (the page keeps working). */
export const store = {
  session(): Session | undefined {
    try {
      return readSession(localStorage.getItem(STORAGE_KEY));
    } catch {
      return undefined;
    }
  },
  saveSession(session: Session | undefined) {
    try {
      if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      /* memory only */
    }
  },
  result: () => resultStore.read()?.token,
  saveResult: (token: string) => resultStore.save(token),
};

export type { PublicAnswer };
