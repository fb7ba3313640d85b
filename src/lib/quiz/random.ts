/**
 * Seeded randomness for attempts: the same seed always gives the same draw and option orders, so a
 * reload, a resume from an LMS and the server's re-grading all see what the learner saw.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast and well spread for shuffling; not for secrets. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random source for one part of an attempt (a scenario, a step), derived from the attempt's seed
 * and the part's name, so each part's order does not depend on which other parts were drawn.
 */
export function randomFor(seed: number, ...parts: string[]): Random {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of parts.join('\u0000')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return seededRandom(hash);
}

/** Fisher–Yates over a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Seeds are unsigned 32-bit integers. */
export const isSeed = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff;

/** A fresh seed for a new attempt (the browser's and Node's crypto both offer getRandomValues). */
export function newSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}
