// The progress store's runtime: a value with listeners (the Svelte store contract, so islands read
// it as `$progress`), and the same value kept in storage and in sync across tabs. It replaces
// nanostores and @nanostores/persistent, which the page loaded for these forty lines (about 1.5 KB
// gzip of a 30 KB budget), with the same behaviour: set notifies only on a change, subscribe calls
// at once, listen on the next change; another tab's write arrives through the `storage` event, and
// a page restored from the back-forward cache re-reads storage (`pageshow`).

export interface Store<T> {
  get(): T;
  set(value: T): void;
  /** Svelte's store contract: called now and on every change; returns the unsubscribe. */
  subscribe(run: (value: T) => void): () => void;
  /** Called on every later change (not now); returns the unsubscribe. */
  listen(run: (value: T) => void): () => void;
}

export function valueStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  const store: Store<T> = {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const run of [...listeners]) run(value);
    },
    listen(run) {
      listeners.add(run);
      return () => void listeners.delete(run);
    },
    subscribe(run) {
      const off = store.listen(run);
      run(value);
      return off;
    },
  };
  return store;
}

/** Where a persisted value is kept (guarded-storage's property bag) and where other tabs' writes arrive. */
export interface PersistOptions<T> {
  storage: Record<string, string>;
  encode: (value: T) => string;
  decode: (raw: string) => T;
  /** `window` in the browser; nothing on the server. */
  events?: Pick<Window, 'addEventListener'>;
}

export function persistentStore<T>(key: string, initial: T, { storage, encode, decode, events }: PersistOptions<T>): Store<T> {
  let written = storage[key];
  const inner = valueStore(key in storage ? decode(written!) : initial);
  const store: Store<T> = {
    ...inner,
    set(value) {
      written = encode(value);
      storage[key] = written;
      inner.set(value);
    },
  };
  events?.addEventListener('storage', (e) => {
    if (e.key === key) inner.set(e.newValue === null ? initial : decode(e.newValue));
    else if (!(key in storage)) inner.set(initial);
  });
  events?.addEventListener('pageshow', () => {
    if (written === storage[key]) return;
    written = storage[key];
    inner.set(key in storage ? decode(written!) : initial);
  });
  return store;
}
