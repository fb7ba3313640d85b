import { describe, expect, it } from 'vitest';
import { percentile, seededRandom, sseParser, summary, tally, updateLatencies } from '../../../scripts/bench-rooms-stats.mjs';

describe('the live-room benchmark helpers', () => {
  it('parses server-sent events split anywhere, skipping comments and retry lines', () => {
    const text = 'retry: 2000\n\nevent: state\ndata: {"seq":1}\n\n: ping\n\nevent: state\r\ndata: {"a":\ndata: 2}\r\n\r\ndata: plain\n\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      const parser = sseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.feed(text.slice(i, i + size)));
      expect(events, `chunks of ${size}`).toEqual([
        { event: 'state', data: '{"seq":1}' },
        { event: 'state', data: '{"a":\n2}' },
        { event: 'message', data: 'plain' },
      ]);
    }
  });

  it('holds an event back until its blank line arrives', () => {
    const parser = sseParser();
    expect(parser.feed('event: state\ndata: 1\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ event: 'state', data: '1' }]);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
    expect(summary([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, max: 3 });
  });

  it('times an answer to the first count that must include it, never earlier', () => {
    // B was sent before A's response: A's count is certain only when both are counted.
    const answers = [
      { sentAt: 0, respondedAt: 10 },
      { sentAt: 5, respondedAt: 30 },
      { sentAt: 100, respondedAt: 110 },
    ];
    const updates = [
      { at: 12, answered: 1 },
      { at: 25, answered: 2 },
      { at: 140, answered: 3 },
    ];
    expect(updateLatencies(answers, updates)).toEqual([15, 0, 30]);
    // A count that never arrives is no latency at all.
    expect(updateLatencies(answers, updates.slice(0, 2))).toEqual([15, 0, undefined]);
  });

  it('tallies the sent answers per option in order', () => {
    expect(tally(['a', 'b', 'c'], [['a'], ['c'], ['a'], ['a', 'b']])).toEqual([3, 1, 1]);
    expect(tally(['a', 'b'], [])).toEqual([0, 0]);
  });

  it('repeats a seeded draw and spreads it over [0, 1)', () => {
    const one = seededRandom(42);
    const two = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => one());
    expect(Array.from({ length: 1000 }, () => two())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(draws.filter((x) => x < 0.5).length).toBeLessThan(600);
    expect(seededRandom(43)()).not.toBe(draws[0]);
  });
});
