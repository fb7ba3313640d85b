import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/lib/certificate/rate-limiter';
import { RoomApi } from '../../../src/server/rooms/room-api';
import { RoomHub } from '../../../src/server/rooms/room-hub';
import { MemoryRoomLog } from '../../../src/server/rooms/room-log';

const question = { module: 'kapec-vadlinijas', scenario: 's1', options: ['b', 'a', 'c'], several: false };
const post = (body: unknown, type = 'application/json') => new Request('http://127.0.0.1/x', { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function api(options: { graceMs?: number; guesses?: number; joins?: number } = {}) {
  return new RoomApi({
    hub: new RoomHub(new MemoryRoomLog()),
    graceMs: options.graceMs ?? 50,
    guessLimit: new RateLimiter(options.guesses ?? 20, 600_000),
    joinLimit: new RateLimiter(options.joins ?? 1000, 600_000),
  });
}

async function open(rooms: RoomApi) {
  const created = await rooms.create('presenter');
  expect(created.status).toBe(201);
  return (await created.json()) as { code: string; secret: string };
}

/** Reads server-sent events until `until` says enough (bounded), then stops reading. */
async function readEvents(response: Response, until: (events: { event: string; data: any }[]) => boolean) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: any }[] = [];
  let buffer = '';
  for (let i = 0; i < 50 && !until(events); i++) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value);
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe('live room API', () => {
  it('runs a question from the presenter to two phones: join, answer, change, reveal, counts after the reveal only', async () => {
    const rooms = api();
    const { code, secret } = await open(rooms);
    const p1 = (await (await rooms.join(code.toLowerCase(), post({}), 'phone1')).json()).participant;
    const p2 = (await (await rooms.join(`${code.slice(0, 3)} ${code.slice(3)}`, post({}), 'phone2')).json()).participant;
    expect((await rooms.control(code, post({ secret, action: { type: 'question.show', question } }), 'presenter')).status).toBe(204);
    expect((await rooms.answer(code, post({ participant: p1, seq: 1, options: ['a'] }), 'phone1')).status).toBe(204);
    expect((await rooms.answer(code, post({ participant: p2, seq: 1, options: ['c'] }), 'phone2')).status).toBe(204);
    expect((await rooms.answer(code, post({ participant: p2, seq: 1, options: ['a'] }), 'phone2')).status).toBe(204);

    const before = await readEvents(await rooms.events(code, new URL(`http://x/?role=presenter`), 'presenter'), (e) => e.length >= 1);
    expect(before[0]).toEqual({ event: 'state', data: { seq: 1, participants: 2, answered: 2 } });
    expect((await rooms.control(code, post({ secret, action: { type: 'answer.reveal' } }), 'presenter')).status).toBe(204);
    const after = await readEvents(await rooms.events(code, new URL(`http://x/?role=presenter`), 'presenter'), (e) => e.length >= 1);
    expect(after[0]!.data.counts).toEqual([0, 2, 0]);
    const late = await rooms.answer(code, post({ participant: p1, seq: 1, options: ['b'] }), 'phone1');
    expect(late.status).toBe(409);
    expect((await late.json()).code).toBe('revealed');
  });

  it('pushes a new state to a phone after every change, with its own answer only', async () => {
    const rooms = api();
    const { code, secret } = await open(rooms);
    const p1 = (await (await rooms.join(code, post({}), 'phone1')).json()).participant;
    const stream = await rooms.events(code, new URL(`http://x/?participant=${p1}`), 'phone1');
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reading = readEvents(stream, (e) => e.some((x) => x.data.revealed));
    await rooms.control(code, post({ secret, action: { type: 'question.show', question } }), 'presenter');
    await rooms.answer(code, post({ participant: p1, seq: 1, options: ['b'] }), 'phone1');
    await rooms.control(code, post({ secret, action: { type: 'answer.reveal' } }), 'presenter');
    const events = await reading;
    expect(events.map((e) => [e.data.seq, e.data.answer?.[0] ?? null, e.data.revealed])).toEqual([
      [0, null, false],
      [1, null, false],
      [1, 'b', false],
      [1, 'b', true],
    ]);
    expect(events.at(-1)!.data.question).toEqual(question);
  });

  it("sends a phone nothing new when only other phones join or answer (its view did not change)", async () => {
    const rooms = api();
    const { code, secret } = await open(rooms);
    const p1 = (await (await rooms.join(code, post({}), 'phone1')).json()).participant;
    const reading = readEvents(await rooms.events(code, new URL(`http://x/?participant=${p1}`), 'phone1'), (e) => e.some((x) => x.data.revealed));
    const others = [];
    for (let i = 0; i < 3; i++) others.push((await (await rooms.join(code, post({}), `phone-other-${i}`)).json()).participant);
    await rooms.control(code, post({ secret, action: { type: 'question.show', question } }), 'presenter');
    for (const other of others) await rooms.answer(code, post({ participant: other, seq: 1, options: ['a'] }), 'other');
    await rooms.answer(code, post({ participant: p1, seq: 1, options: ['b'] }), 'phone1');
    await rooms.control(code, post({ secret, action: { type: 'answer.reveal' } }), 'presenter');
    const events = await reading;
    expect(events.map((e) => [e.data.seq, e.data.answer?.[0] ?? null, e.data.revealed])).toEqual([
      [0, null, false],
      [1, null, false],
      [1, 'b', false],
      [1, 'b', true],
    ]);
  });

  it('refuses the presenter secret from anyone else, malformed controls, oversize and non-JSON bodies', async () => {
    const rooms = api();
    const { code, secret } = await open(rooms);
    expect((await rooms.control(code, post({ secret: 'guess', action: { type: 'answer.reveal' } }), 'x')).status).toBe(403);
    expect((await rooms.control(code, post({ secret, action: { type: 'question.show', question: { ...question, options: 'a' } } }), 'p')).status).toBe(400);
    expect((await rooms.control(code, post({ secret, action: { type: 'hands.set', counts: [1, -2, 0] } }), 'p')).status).toBe(400);
    expect((await rooms.control(code, post({ secret, action: { type: 'question.show', question: { ...question, module: '../../etc' } } }), 'p')).status).toBe(400);
    expect((await rooms.join(code, post('x'.repeat(10_000)), 'p')).status).toBe(413);
    expect((await rooms.join(code, post('{not json'), 'p')).status).toBe(400);
    expect((await rooms.join(code, post('{}', 'text/plain'), 'p')).status).toBe(415);
    expect((await rooms.answer(code, post({ participant: 'p', seq: 'one', options: ['a'] }), 'p')).status).toBe(400);
  });

  it('limits guessing: unknown codes (and wrong secrets) from one client are refused with 429 after the limit', async () => {
    const rooms = api({ guesses: 5 });
    const { code } = await open(rooms);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await rooms.join('ZZZZZZ', post({}), 'guesser')).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    // The real code still works for a phone, and for another client the limit is its own.
    expect((await rooms.join(code, post({}), 'guesser')).status).toBe(200);
    expect((await rooms.join('ZZZZZZ', post({}), 'someone else')).status).toBe(404);
  });

  it('keeps a dropped phone counted for the grace period, with its answer, and drops it after', async () => {
    const rooms = api({ graceMs: 100 });
    const { code, secret } = await open(rooms);
    const p1 = (await (await rooms.join(code, post({}), 'phone1')).json()).participant;
    await rooms.control(code, post({ secret, action: { type: 'question.show', question } }), 'presenter');
    await rooms.answer(code, post({ participant: p1, seq: 1, options: ['c'] }), 'phone1');
    const presenter = async () => (await readEvents(await rooms.events(code, new URL('http://x/?role=presenter'), 'presenter'), (e) => e.length >= 1))[0]!.data;
    // The phone's stream drops (the reader cancels) and it reconnects at once: still counted.
    await readEvents(await rooms.events(code, new URL(`http://x/?participant=${p1}`), 'phone1'), (e) => e.length >= 1);
    const back = await readEvents(await rooms.events(code, new URL(`http://x/?participant=${p1}`), 'phone1'), (e) => e.length >= 1);
    expect(back[0]!.data.answer).toEqual(['c']);
    await new Promise((r) => setTimeout(r, 250));
    // Gone for longer than the grace: no longer counted.
    expect(await presenter()).toMatchObject({ participants: 0, answered: 0 });
  });

  it('accepts only participant ids the join route issued, and limits new ids per client', async () => {
    const rooms = api({ joins: 3 });
    const { code, secret } = await open(rooms);
    const issued = (await (await rooms.join(code, post({}), 'phone')).json()).participant as string;
    expect(issued).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // A made-up id of the right shape is refused by the event stream and never counted.
    const madeUp = `${issued.slice(0, 16)}${'A'.repeat(16)}`;
    expect((await rooms.events(code, new URL(`http://x/?participant=${madeUp}`), 'phone')).status).toBe(403);
    expect((await rooms.events(code, new URL('http://x/?participant=whatever'), 'phone')).status).toBe(403);
    await rooms.control(code, post({ secret, action: { type: 'question.show', question } }), 'presenter');
    expect((await rooms.answer(code, post({ participant: madeUp, seq: 1, options: ['a'] }), 'phone')).status).toBe(409);
    // Asking to join with a made-up id gives a fresh issued one instead.
    const fresh = (await (await rooms.join(code, post({ participant: madeUp }), 'phone')).json()).participant;
    expect(fresh).not.toBe(madeUp);
    // An id from another room does not work here either.
    const other = await open(rooms);
    expect((await rooms.events(other.code, new URL(`http://x/?participant=${issued}`), 'phone')).status).toBe(403);
    // Coming back with the issued id is not limited; a third new id is the last this client gets.
    expect((await rooms.join(code, post({ participant: issued }), 'phone')).status).toBe(200);
    expect((await rooms.join(code, post({}), 'phone')).status).toBe(200);
    expect((await rooms.join(code, post({}), 'phone')).status).toBe(429);
    expect((await rooms.join(code, post({ participant: issued }), 'phone')).status).toBe(200);
    const presenter = (await readEvents(await rooms.events(code, new URL('http://x/?role=presenter'), 'presenter'), (e) => e.length >= 1))[0]!.data;
    expect(presenter.participants).toBe(3);
  });
  it('tells a room that ended (closed or expired: 410) from a code the server does not know (404, e.g. after a restart), without counting an ended code as a guess', async () => {
    let now = 1_000_000;
    const log = new MemoryRoomLog();
    const rooms = new RoomApi({ hub: new RoomHub(log, { lifetimeMs: 60_000, now: () => now }), guessLimit: new RateLimiter(2, 600_000) });
    const { code, secret } = await open(rooms);
    const participant = (await (await rooms.join(code, post({}), 'hall')).json()).participant;
    expect((await rooms.control(code, post({ secret, action: { type: 'room.close' } }), 'presenter')).status).toBe(204);
    // A whole hall behind one address hears that it ended: 410, never the guess limit's 429.
    for (let i = 0; i < 5; i++) expect((await rooms.join(code, post({ participant }), 'hall')).status).toBe(410);
    expect((await rooms.events(code, new URL(`http://x/?participant=${participant}`), 'hall')).status).toBe(410);
    expect((await rooms.answer(code, post({ participant, seq: 1, options: ['a'] }), 'hall')).status).toBe(410);
    expect((await rooms.control(code, post({ secret, action: { type: 'hands.set', counts: [] } }), 'presenter')).status).toBe(410);

    // Expired, and swept from this server and its log: still an ended room, not a wrong code.
    const second = await open(rooms);
    now += 60_000;
    const hub = (rooms as unknown as { hub: RoomHub }).hub;
    await hub.sweep();
    expect(await log.find(second.code)).toBeUndefined();
    const gone = await rooms.join(second.code, post({}), 'late');
    expect(gone.status).toBe(410);
    expect((await gone.json()).code).toBe('room-ended');

    // A server that restarted (a new hub over a new in-memory log) knows neither: 404.
    const restarted = new RoomApi({ hub: new RoomHub(new MemoryRoomLog()) });
    const unknown = await restarted.join(code, post({ participant }), 'hall');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('no-room');
  });
});
