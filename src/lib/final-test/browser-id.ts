/**
 * The final-test page's browser id: 16 random bytes (crypto.getRandomValues), base64url without
 * padding, 22 characters, made once and kept in localStorage under BROWSER_ID_KEY. It is not
 * personal and not a cookie: it only lets the server count the attempt limits of colleagues who
 * share one address apart (their own key is `<address key>#<id>`), inside the address's shared
 * allowance (FINAL_TEST_SHARED_FACTOR). Anything else the browser sends is no id.
 */
export const BROWSER_ID_KEY = 'smkurss.final-test.browser';

const FORM = /^[A-Za-z0-9_-]{22}$/;

/** The id when `value` is one (the exact form the page makes), else undefined. */
export function readBrowserId(value: unknown): string | undefined {
  return typeof value === 'string' && FORM.test(value) ? value : undefined;
}

/** 16 random bytes as base64url (22 characters). */
export function newBrowserId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
let thisPage: string | undefined;

/**
 * This browser's id: the stored one, else a new one that is stored. Storage that is missing,
 * broken or full gives a new id for this page load (kept until it is left), never an error;
 * without crypto, no id (the server then counts the address alone).
 */
export function browserId(storage: () => Storage | undefined = () => localStorage): string | undefined {
  try {
    const stored = readBrowserId(storage()?.getItem(BROWSER_ID_KEY));
    if (stored) return stored;
  } catch {
    /* no storage: this page's id */
  }
  try {
    thisPage ??= newBrowserId();
  } catch {
    return undefined;
  }
  try {
    storage()?.setItem(BROWSER_ID_KEY, thisPage);
  } catch {
    /* memory only */
  }
  return thisPage;
}

/** For tests: forget this page's id. */
export const forgetPageId = () => {
  thisPage = undefined;
};
