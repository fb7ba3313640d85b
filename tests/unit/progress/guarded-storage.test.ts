import { describe, expect, it, vi } from 'vitest';
import { guardedStorage, probeStorage, type StorageLike } from '../../../src/lib/progress/guarded-storage';

function memoryStorage(limit = Infinity): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > limit) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

describe('storage guards', () => {
  it('finds working storage', () => {
    const storage = memoryStorage();
    expect(probeStorage({ localStorage: storage })).toBe(storage);
  });

  it('reports no storage when access throws (private mode, blocked)', () => {
    const scope = Object.defineProperty({}, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    expect(probeStorage(scope)).toBeUndefined();
    expect(probeStorage({})).toBeUndefined();
  });

  it('keeps a value in memory and reports when a write fails', () => {
    const onFailure = vi.fn();
    const bag = guardedStorage(memoryStorage(5), onFailure);
    bag.small = 'ok';
    bag.big = 'too large to fit';
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(bag.big).toBe('too large to fit');
    expect('small' in bag && 'big' in bag).toBe(true);
    delete bag.big;
    expect('big' in bag).toBe(false);
  });

  it('works in memory only without storage', () => {
    const onFailure = vi.fn();
    const bag = guardedStorage(undefined, onFailure);
    bag.key = 'value';
    expect(bag.key).toBe('value');
    expect(onFailure).toHaveBeenCalled();
  });
});
