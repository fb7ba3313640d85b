// Pure helpers of the live-room load benchmark (scripts/bench-rooms.mjs), tested in
// tests/unit/server/bench-rooms-stats.test.ts: a server-sent-events parser for a streamed body,
// nearest-rank percentiles, the update latency of each answer, the tally of what was sent, and a
// seeded random source so a run's answer times and choices can be repeated.

/**
 * A parser for a text/event-stream body arriving in chunks of any size: `feed` returns the events
 * completed by the chunk ({ event, data }; `event` is "message" when the stream names none).
 * Comments (": ping") and `retry:` lines are not events.
 */
export function sseParser() {
  let buffer = '';
  let event = '';
  let data = [];
  return {
    feed(chunk) {
      buffer += chunk;
      const out = [];
      let newline;
      while ((newline = buffer.search(/\r\n|\n|\r/)) !== -1) {
        const width = buffer.startsWith('\r\n', newline) ? 2 : 1;
        // A lone \r at the end of the chunk may be the first half of \r\n: wait for more.
        if (buffer[newline] === '\r' && width === 1 && newline === buffer.length - 1) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + width);
        if (line === '') {
          if (data.length) out.push({ event: event || 'message', data: data.join('\n') });
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          let value = colon === -1 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) value = value.slice(1);
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
      }
      return out;
    },
  };
}

/** The nearest-rank percentile `p` (0–100) of `values` (any order); undefined for none. */
export function percentile(values, p) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50, p95 and max of `values`, or undefined ones when there are none. */
export function summary(values) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : undefined };
}

/**
 * For each answer, the time from its POST's response to the first presenter update whose count
 * certainly includes it. The count says how many answered, not who, so an answer is taken as
 * included once the count reaches the number of answers whose POST had been sent by the time this
 * one's response arrived (every answer the room applied before it was sent by then): never early,
 * at worst late by answers still in flight. An update that arrived before the response counts as 0.
 * `answers`: { sentAt, respondedAt } (ms, one clock); `updates`: { at, answered }, in arrival
 * order. Returns a latency per answer, undefined where no update ever reached its count.
 */
export function updateLatencies(answers, updates) {
  const sent = answers.map((a) => a.sentAt).sort((a, b) => a - b);
  return answers.map(({ respondedAt }) => {
    let needed = 0;
    while (needed < sent.length && sent[needed] <= respondedAt) needed++;
    const update = updates.find((u) => u.answered >= needed);
    return update ? Math.max(0, update.at - respondedAt) : undefined;
  });
}

/** How many chose each of `options`, in that order: `choices` is one array of option ids per answer. */
export function tally(options, choices) {
  return options.map((id) => choices.filter((c) => c.includes(id)).length);
}

/** A seeded random source in [0, 1) (mulberry32), so a benchmark's draw can be repeated. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
