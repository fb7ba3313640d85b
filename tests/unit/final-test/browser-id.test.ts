import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_ID_KEY, browserId, forgetPageId, newBrowserId, readBrowserId } from '../../../src/lib/final-test/browser-id';

/** A localStorage stand-in. */
const memory = () => {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe('the final-test page’s browser id', () => {
  afterEach(forgetPageId);

  it('is 16 random bytes as base64url, 22 characters, and only that form is read as an id', () => {
    const id = newBrowserId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newBrowserId((b) => b.fill(255))).toBe('_____________________w');
    expect(newBrowserId()).not.toBe(id);
    expect(readBrowserId(id)).toBe(id);
    for (const bad of [undefined, null, 42, '', 'short', `${id}A`, id.slice(1), `${id.slice(1)}=`, `${id.slice(1)}+`, `${id.slice(1)}*`, { id }]) expect(readBrowserId(bad), String(bad)).toBeUndefined();
  });

  it('is made once and kept in storage', () => {
    const storage = memory();
    const id = browserId(() => storage);
    expect(storage.data.get(BROWSER_ID_KEY)).toBe(id);
    forgetPageId();
    expect(browserId(() => storage)).toBe(id);
    // Something else stored there is replaced by a well-formed id.
    storage.data.set(BROWSER_ID_KEY, 'edited');
    const fresh = browserId(() => storage);
    expect(readBrowserId(fresh)).toBe(fresh);
    expect(storage.data.get(BROWSER_ID_KEY)).toBe(fresh);
  });

  it('without storage, or with storage that throws, is a fresh id for the page load, never an error', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const first = browserId(() => throwing);
    expect(readBrowserId(first)).toBe(first);
    expect(browserId(() => throwing)).toBe(first);
    expect(browserId(() => undefined)).toBe(first);
    expect(browserId(() => { throw new ReferenceError('localStorage is not defined'); })).toBe(first);
    forgetPageId();
    expect(browserId(() => throwing)).not.toBe(first);
  });
});
