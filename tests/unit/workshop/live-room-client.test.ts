import { describe, expect, it } from 'vitest';
import {
  applyParticipantView,
  backoffMs,
  initialParticipant,
  MAX_TRIES,
  ParticipantClient,
  PresenterClient,
  PRESENTER_KEY,
  phoneCounts,
  typedCode,
  type EventSourceLike,
  type LiveDeps,
} from '../../../src/lib/workshop/live-room-client';

const question = { module: 'm', scenario: 's1', options: ['b', 'a', 'c'], several: false };

/** A fake browser: scripted fetch answers, EventSources the test drives, timers run by hand. */
function fakeBrowser(answer: (url: string, init?: RequestInit) => Response | 'offline') {
  const sources: FakeSource[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const store = new Map<string, string>();
  const requests: { url: string; body: any }[] = [];
  class FakeSource implements EventSourceLike {
    readyState = 0;
    onopen: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    listeners: Record<string, ((e: { data: string }) => void)[]> = {};
    closed = false;
    constructor(readonly url: string) {
      sources.push(this);
    }
    addEventListener(type: string, listener: (e: { data: string }) => void) {
      (this.listeners[type] ??= []).push(listener);
    }
    emit(type: string, data: unknown) {
      this.readyState = 1;
      for (const l of this.listeners[type] ?? []) l({ data: JSON.stringify(data) });
    }
    fail(readyState: number) {
      this.readyState = readyState;
      this.onerror?.({});
    }
    close() {
      this.closed = true;
      this.readyState = 2;
    }
  }
  const deps: LiveDeps = {
    fetch: async (url, init) => {
      requests.push({ url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      const r = answer(url, init);
      if (r === 'offline') throw new TypeError('Failed to fetch');
      return r;
    },
    EventSource: FakeSource,
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => {},
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { deps, sources, timers, store, requests, flush };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const ID = 'a'.repeat(32);

describe('live room client logic', () => {
  it('reads a typed code the way the server does', () => {
    expect(typedCode(' abc-234 ')).toBe('ABC234');
    expect(typedCode('ABC23O')).toBeUndefined(); // O is not in the alphabet
    expect(typedCode('ABC2345')).toBeUndefined();
  });

  it('waits longer after each failed try, up to a ceiling, with bounded jitter', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, () => 0)).toBe(15_000);
    expect(backoffMs(10, () => 1)).toBe(18_000);
  });

  it('maps the room’s views to what the phone shows, keeping an answer chosen offline for the same open question', () => {
    let s = applyParticipantView({ ...initialParticipant(), code: 'ABC234' }, { seq: 0, question: undefined, answer: undefined, revealed: false });
    expect(s.status).toBe('waiting');
    s = applyParticipantView(s, { seq: 1, question, answer: undefined, revealed: false });
    expect(s).toMatchObject({ status: 'question', seq: 1, answer: undefined });
    // Chosen while the line was down: the server does not have it yet, the phone keeps it.
    s = { ...s, answer: ['a'], unsent: true };
    expect(applyParticipantView(s, { seq: 1, question, answer: undefined, revealed: false })).toMatchObject({ answer: ['a'], unsent: true });
    // Revealed meanwhile: what counts is what the server has.
    expect(applyParticipantView(s, { seq: 1, question, answer: undefined, revealed: true })).toMatchObject({ answer: undefined, unsent: false, revealed: true });
    // A new question clears the old answer.
    expect(applyParticipantView({ ...s, unsent: false }, { seq: 2, question, answer: undefined, revealed: false })).toMatchObject({ answer: undefined, seq: 2 });
  });

  it('joins, keeps its id for a reload, answers, and after a dropped line joins again with the same id and sends the answer it kept', async () => {
    let online = true;
    const b = fakeBrowser((url) => {
      if (!online) return 'offline';
      if (url.endsWith('/join/')) return json(200, { code: 'ABC234', participant: ID });
      return new Response(null, { status: 204 });
    });
    const states: string[] = [];
    const phone = new ParticipantClient(b.deps, (s) => states.push(s.status));
    await phone.join('abc234');
    expect(b.store.get('live-room:ABC234')).toBe(ID);
    expect(b.sources[0]!.url).toBe(`/api/rooms/ABC234/events/?participant=${ID}`);
    b.sources[0]!.emit('state', { seq: 1, question, answer: undefined, revealed: false });
    expect(phone.state.status).toBe('question');

    // Offline: the answer is kept as unsent; the stream fails and the browser gives up.
    online = false;
    await phone.answer(['c']);
    expect(phone.state).toMatchObject({ answer: ['c'], unsent: true });
    b.sources[0]!.fail(2);
    expect(phone.state.status).toBe('reconnecting');
    expect(b.timers.at(-1)!.ms).toBeGreaterThanOrEqual(1000);
    // Still offline at the first retry: a longer wait.
    b.timers.at(-1)!.fn();
    await b.flush();
    expect(b.timers.at(-1)!.ms).toBeGreaterThanOrEqual(2000);
    // Back online: joins with the same id, the stream comes back without the answer, the phone sends it.
    online = true;
    b.timers.at(-1)!.fn();
    await b.flush();
    const joins = b.requests.filter((r) => r.url.endsWith('/join/'));
    expect(joins.at(-1)!.body).toEqual({ participant: ID });
    b.sources.at(-1)!.emit('state', { seq: 1, question, answer: undefined, revealed: false });
    await b.flush();
    expect(b.requests.at(-1)).toEqual({ url: '/api/rooms/ABC234/answer/', body: { participant: ID, seq: 1, options: ['c'] } });
    expect(phone.state).toMatchObject({ status: 'question', answer: ['c'], unsent: false });
  });

  it('sends a kept answer at once when the line comes back, keeps retrying while the question is open, and says so when the reveal comes first', async () => {
    let online = true;
    let revealed = false;
    const b = fakeBrowser((url) => {
      if (!online) return 'offline';
      if (url.endsWith('/join/')) return json(200, { code: 'ABC234', participant: ID });
      if (revealed) return json(409, { code: 'revealed' });
      return new Response(null, { status: 204 });
    });
    const phone = new ParticipantClient(b.deps, () => {});
    await phone.join('ABC234');
    b.sources[0]!.emit('state', { seq: 1, question, answer: ['a'], revealed: false });
    online = false;
    await phone.answer(['c']);
    // More failed tries than MAX_TRIES while the stream stays open: still retrying, the wait bounded.
    for (let i = 0; i < MAX_TRIES + 3; i++) {
      const timers = b.timers.length;
      b.timers.at(-1)!.fn();
      await b.flush();
      expect(b.timers.length, `try ${i}`).toBe(timers + 1);
      expect(b.timers.at(-1)!.ms).toBeLessThanOrEqual(8000 * 1.2);
    }
    expect(phone.state).toMatchObject({ answer: ['c'], unsent: true });
    // The online event: sent at once, no timer waited out.
    online = true;
    const before = b.requests.length;
    phone.online();
    await b.flush();
    expect(b.requests.slice(before)).toEqual([{ url: '/api/rooms/ABC234/answer/', body: { participant: ID, seq: 1, options: ['c'] } }]);
    expect(phone.state).toMatchObject({ answer: ['c'], unsent: false, lost: undefined });

    // Changed offline again, and the presenter reveals before the line is back: the change is lost, said plainly.
    online = false;
    await phone.answer(['b']);
    b.sources[0]!.emit('state', { seq: 1, question, answer: ['c'], revealed: true, right: ['a'] });
    expect(phone.state).toMatchObject({ answer: ['c'], lost: ['b'], unsent: false, revealed: true });
    // The next question forgets it.
    b.sources[0]!.emit('state', { seq: 2, question, answer: undefined, revealed: false });
    expect(phone.state.lost).toBeUndefined();
    // The reply to a late send comes first (409 revealed): also lost, and the revealed state keeps it.
    online = true;
    await phone.answer(['a']);
    expect(phone.state.unsent).toBe(false);
    online = false;
    await phone.answer(['b']);
    online = true;
    revealed = true;
    phone.online();
    await b.flush();
    expect(phone.state).toMatchObject({ lost: ['b'], late: true });
    b.sources[0]!.emit('state', { seq: 2, question, answer: ['a'], revealed: true, right: ['a'] });
    expect(phone.state).toMatchObject({ answer: ['a'], lost: ['b'] });
  });

  it('takes a state holding the phone’s own unsent answer as sent, without sending it twice', () => {
    const s = { ...initialParticipant(), code: 'ABC234', status: 'question' as const, seq: 1, question, answer: ['a'], unsent: true };
    expect(applyParticipantView(s, { seq: 1, question, answer: ['a'], revealed: false })).toMatchObject({ answer: ['a'], unsent: false });
    expect(applyParticipantView(s, { seq: 1, question, answer: ['a'], revealed: true })).toMatchObject({ answer: ['a'], unsent: false, lost: undefined });
    expect(applyParticipantView(s, { seq: 1, question, answer: ['b'], revealed: true })).toMatchObject({ answer: ['b'], lost: ['a'] });
  });

  it('tells a wrong code from a room that has ended, and gives up after MAX_TRIES with the server unreachable', async () => {
    const wrong = fakeBrowser(() => json(404, { code: 'no-room' }));
    const phone = new ParticipantClient(wrong.deps, () => {});
    await phone.join('ABC234');
    expect(phone.state.status).toBe('wrong-code');
    // A room this phone was in, unknown to the server now (it restarted): lost, type the new code.
    wrong.store.set('live-room:ABC234', ID);
    await phone.join('ABC234');
    expect(phone.state.status).toBe('lost');
    // A room that ended (410): the workshop is over.
    const over = new ParticipantClient(fakeBrowser(() => json(410, { code: 'room-ended' })).deps, () => {});
    await over.join('ABC234');
    expect(over.state.status).toBe('closed');

    const down = fakeBrowser(() => 'offline');
    const lost = new ParticipantClient(down.deps, () => {});
    await lost.join('ABC234');
    for (let i = 0; i < MAX_TRIES + 2 && lost.state.status !== 'unreachable'; i++) {
      down.timers.at(-1)!.fn();
      await down.flush();
    }
    expect(lost.state.status).toBe('unreachable');
    expect(down.timers.length).toBe(MAX_TRIES);
  });

  it('keeps the presenter secret in session storage only, resumes after a reload, and does not reopen the question it already showed', async () => {
    const b = fakeBrowser((url) => (url === '/api/rooms/' ? json(201, { code: 'ABC234', secret: 'S3CRET', expiresAt: 0 }) : new Response(null, { status: 204 })));
    const presenter = new PresenterClient(b.deps, () => {});
    await presenter.open();
    expect(JSON.parse(b.store.get(PRESENTER_KEY)!)).toMatchObject({ code: 'ABC234', secret: 'S3CRET' });
    expect(b.sources[0]!.url).toBe('/api/rooms/ABC234/events/?role=presenter');
    await presenter.show(question);
    await presenter.show(question);
    expect(b.requests.filter((r) => r.body?.action?.type === 'question.show')).toHaveLength(1);

    // A reload: a new client in the same tab resumes the room and the shown question.
    const again = new PresenterClient(b.deps, () => {});
    expect(again.resume()).toBe(true);
    await again.show(question);
    expect(b.requests.filter((r) => r.body?.action?.type === 'question.show')).toHaveLength(1);
    // The reveal: hands, then reveal, then the room's counts once the server sends them.
    b.sources.at(-1)!.emit('state', { seq: 1, participants: 3, answered: 2 });
    const counts = again.reveal([1, 0, 0]);
    await b.flush();
    b.sources.at(-1)!.emit('state', { seq: 1, participants: 3, answered: 2, counts: [2, 0, 1] });
    expect(await counts).toEqual([2, 0, 1]);
    expect(b.requests.slice(-2).map((r) => r.body.action)).toEqual([{ type: 'hands.set', counts: [1, 0, 0] }, { type: 'answer.reveal' }]);
    expect(b.requests.every((r) => !r.url.includes('S3CRET'))).toBe(true);
    expect(phoneCounts([2, 0, 1], [1, 0, 0])).toEqual([1, 0, 1]);
  });

  it('says unreachable when no room can be opened, and the reveal then gives nothing (typed hands carry on)', async () => {
    const b = fakeBrowser(() => 'offline');
    const presenter = new PresenterClient(b.deps, () => {});
    await presenter.open();
    expect(presenter.state.status).toBe('unreachable');
    expect(await presenter.reveal([1, 2, 0])).toBeUndefined();
  });
  it('tells a phone and the presenter a room the server lost (404 after a restart) from one that ended (410)', async () => {
    let status = 200;
    const b = fakeBrowser((url) => {
      if (status !== 200) return json(status, { code: status === 404 ? 'no-room' : 'room-ended' });
      if (url.endsWith('/join/')) return json(200, { code: 'ABC234', participant: ID });
      return new Response(null, { status: 204 });
    });
    const phone = new ParticipantClient(b.deps, () => {});
    await phone.join('ABC234');
    b.sources[0]!.emit('state', { seq: 1, question, answer: undefined, revealed: false });
    // The server restarts: the stream fails for good, the phone joins again and hears 404.
    status = 404;
    b.sources[0]!.fail(2);
    b.timers.at(-1)!.fn();
    await b.flush();
    expect(phone.state.status).toBe('lost');
    const timers = b.timers.length;
    await b.flush();
    expect(b.timers.length, 'no more tries after a lost room').toBe(timers);
    // An answer refused with 410: the room ended.
    status = 200;
    const other = new ParticipantClient(b.deps, () => {});
    await other.join('ABC234');
    b.sources.at(-1)!.emit('state', { seq: 1, question, answer: undefined, revealed: false });
    status = 410;
    await other.answer(['a']);
    expect(other.state.status).toBe('closed');

    // The presenter: a control refused with 404 says lost (and a new room can be opened); 410 says closed.
    status = 200;
    const p = fakeBrowser((url) => (url === '/api/rooms/' ? json(201, { code: 'ABC234', secret: 'S', expiresAt: 0 }) : status === 200 ? new Response(null, { status: 204 }) : json(status, {})));
    const presenter = new PresenterClient(p.deps, () => {});
    await presenter.open();
    status = 404;
    await presenter.show(question);
    expect(presenter.state).toMatchObject({ status: 'lost', code: undefined });
    expect(p.store.get(PRESENTER_KEY)).toBeUndefined();
    status = 200;
    await presenter.open();
    expect(presenter.state.code).toBe('ABC234');
    // The question the trainer is on goes to the new room at once.
    expect(p.requests.filter((r) => r.body?.action?.type === 'question.show')).toHaveLength(2);
    status = 410;
    p.sources.at(-1)!.fail(2);
    p.timers.at(-1)!.fn();
    await p.flush();
    expect(presenter.state.status).toBe('closed');
  });
});
