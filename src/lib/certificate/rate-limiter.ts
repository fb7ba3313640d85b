/**
 * A fixed-window limit per client: at most `limit` requests in each `windowMs`. In memory, which
 * suits the single Node process this course runs as; the clock is injectable for tests.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; returns the seconds to wait when over the limit, else 0. */
  take(client: string): number {
    const t = this.now();
    const entry = this.hits.get(client);
    if (!entry || t - entry.start >= this.windowMs) {
      if (this.hits.size > 10_000) this.prune(t);
      this.hits.set(client, { start: t, count: 1 });
      return 0;
    }
    entry.count++;
    return entry.count > this.limit ? Math.ceil((entry.start + this.windowMs - t) / 1000) : 0;
  }

  private prune(t: number) {
    for (const [key, entry] of this.hits) if (t - entry.start >= this.windowMs) this.hits.delete(key);
  }
}
