/** The subset of the Web Storage API the course needs. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Finds a usable storage: in private modes, with storage blocked or full, `localStorage` may be
 * missing, throw on access, or throw on write. Returns undefined then, and the course keeps
 * progress in memory instead.
 */
export function probeStorage(scope: { localStorage?: StorageLike }): StorageLike | undefined {
  try {
    const storage = scope.localStorage;
    if (!storage) return undefined;
    const key = 'smkurss.probe';
    storage.setItem(key, '1');
    storage.removeItem(key);
    return storage;
  } catch {
    return undefined;
  }
}

/**
 * Wraps storage in the property-bag shape the progress store (small-store.ts) writes to. A failed write (quota
 * exceeded) keeps the value in memory and calls onFailure, instead of throwing into the page.
 */
export function guardedStorage(real: StorageLike | undefined, onFailure: () => void): Record<string, string> {
  const memory: Record<string, string> = {};
  const read = (key: string): string | undefined => {
    if (key in memory) return memory[key];
    try {
      return real?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  return new Proxy(memory, {
    has: (_, key) => typeof key === 'string' && read(key) !== undefined,
    get: (_, key) => (typeof key === 'string' ? read(key) : undefined),
    set: (_, key, value) => {
      if (typeof key !== 'string') return false;
      try {
        if (!real) throw new Error('no storage');
        real.setItem(key, String(value));
        delete memory[key];
      } catch {
        memory[key] = String(value);
        onFailure();
      }
      return true;
    },
    deleteProperty: (_, key) => {
      if (typeof key !== 'string') return false;
      delete memory[key];
      try {
        real?.removeItem(key);
      } catch {
        /* nothing stored there to lose */
      }
      return true;
    },
  });
}
