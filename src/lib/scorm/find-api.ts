/** The two LMS run-time objects: SCORM 2004 (`API_1484_11`) and SCORM 1.2 (`API`). */
export type ApiName = 'API_1484_11' | 'API';

export interface WindowLike {
  parent?: WindowLike | null;
  opener?: WindowLike | null;
}

const MAX_DEPTH = 500;

function read(win: WindowLike, name: string): unknown {
  try {
    return (win as Record<string, unknown>)[name];
  } catch {
    return undefined; // a cross-origin window: not ours to read
  }
}

function parentOf(win: WindowLike): WindowLike | undefined {
  try {
    return win.parent && win.parent !== win ? win.parent : undefined;
  } catch {
    return undefined;
  }
}

function openerOf(win: WindowLike): WindowLike | undefined {
  try {
    return win.opener ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds the LMS API the way the SCORM run-time specifications describe: this window and its
 * parents first, then the window that opened it and that window's parents, and so on.
 */
export function findApi<T = unknown>(win: WindowLike, name: ApiName): T | undefined {
  let start: WindowLike | undefined = win;
  for (let openers = 0; start && openers < 10; openers++, start = openerOf(start)) {
    let w: WindowLike | undefined = start;
    for (let depth = 0; w && depth < MAX_DEPTH; depth++, w = parentOf(w)) {
      const api = read(w, name);
      if (api && typeof api === 'object') return api as T;
    }
  }
  return undefined;
}
