import { describe, expect, it, vi } from 'vitest';
import { persistentStore, valueStore } from '../../../src/lib/progress/small-store';

/** A stand-in for window: records listeners so a test can fire `storage` and `pageshow`. */
function fakeWindow() {
  type Fired = { key: string | null; newValue: string | null };
  const handlers = new Map<string, ((e: Fired) => void)[]>();
  return {
    addEventListener: (type: string, fn: (e: Fired) => void) => handlers.set(type, [...(handlers.get(type) ?? []), fn]),
    fire: (type: string, e: Fired = { key: null, newValue: null }) => handlers.get(type)?.forEach((fn) => fn(e)),
  };
}

describe('valueStore', () => {
  it('subscribe calls now and on change; listen only on change; an equal value notifies nobody', () => {
    const store = valueStore(1);
    const seen: number[] = [];
    const heard: number[] = [];
    const off = store.subscribe((v) => seen.push(v));
    store.listen((v) => heard.push(v));
    store.set(2);
    store.set(2);
    off();
    store.set(3);
    expect(seen).toEqual([1, 2]);
    expect(heard).toEqual([2, 3]);
    expect(store.get()).toBe(3);
  });
});

describe('persistentStore', () => {
  const json = { encode: JSON.stringify, decode: (raw: string) => JSON.parse(raw) as { n: number } };

  it('starts from storage, or the initial value when nothing is stored, and writes every set', () => {
    const storage: Record<string, string> = { k: '{"n":5}' };
    expect(persistentStore('k', { n: 0 }, { storage, ...json }).get()).toEqual({ n: 5 });
    const empty: Record<string, string> = {};
    const store = persistentStore('k', { n: 0 }, { storage: empty, ...json });
    expect(store.get()).toEqual({ n: 0 });
    store.set({ n: 7 });
    expect(empty.k).toBe('{"n":7}');
  });

  it("follows another tab's write and its clearing, and ignores other keys", () => {
    const storage: Record<string, string> = {};
    const win = fakeWindow();
    const store = persistentStore('k', { n: 0 }, { storage, ...json, events: win as never });
    const run = vi.fn();
    store.listen(run);
    win.fire('storage', { key: 'k', newValue: '{"n":9}' });
    expect(store.get()).toEqual({ n: 9 });
    storage.other = 'x';
    win.fire('storage', { key: 'other', newValue: 'x' });
    expect(store.get()).toEqual({ n: 0 }); // k is not stored: another tab cleared it
    storage.k = '{"n":3}';
    win.fire('storage', { key: 'other', newValue: 'y' });
    expect(store.get()).toEqual({ n: 0 });
    win.fire('storage', { key: 'k', newValue: null });
    expect(store.get()).toEqual({ n: 0 });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('re-reads storage when the page comes back from the back-forward cache, only if it changed', () => {
    const storage: Record<string, string> = { k: '{"n":1}' };
    const win = fakeWindow();
    const decode = vi.fn(json.decode);
    const store = persistentStore('k', { n: 0 }, { storage, encode: json.encode, decode, events: win as never });
    win.fire('pageshow');
    expect(decode).toHaveBeenCalledTimes(1);
    storage.k = '{"n":4}';
    win.fire('pageshow');
    expect(store.get()).toEqual({ n: 4 });
    delete storage.k;
    win.fire('pageshow');
    expect(store.get()).toEqual({ n: 0 });
  });
});
