import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/lib/certificate/rate-limiter';

describe('rate limiter', () => {
  it('allows the limit per window per client, then asks to wait', () => {
    let t = 0;
    const limiter = new RateLimiter(2, 60_000, () => t);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(60);
    t = 30_000;
    expect(limiter.take('a')).toBe(30);
    t = 60_000;
    expect(limiter.take('a')).toBe(0);
  });
});
