import type { RevealKey, RoomQuestion } from './room-machine';

/**
 * The browser side of a live room (issue 15): a phone (ParticipantClient) and the presenter's panel
 * (PresenterClient) talk to /api/rooms/ on the same origin. Everything the browser needs is passed
 * in (fetch, EventSource, storage, timers), so the reconnect logic is tested without a browser.
 */
export interface LiveDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  EventSource: new (url: string) => EventSourceLike;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

/** The browser's own parts, as both pages (the phones' and the presenter's) give them. */
export function browserDeps(): LiveDeps {
  return {
    fetch: (url, init) => fetch(url, init),
    EventSource: EventSource as never,
    storage: sessionStorage,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as number),
  };
}

export interface EventSourceLike {
  readyState: number;
  onopen: ((e: unknown) => void) | null;
  onerror: ((e: unknown) => void) | null;
  addEventListener(type: string, listener: (e: { data: string }) => void): void;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up (the server answered with an error, not a dropped line). */
const CLOSED = 2;

/** The most tries in a row before a client stops and offers a button: loops stay bounded. */
export const MAX_TRIES = 12;

/** Wait before try `attempt` (0-based): 1 s, 2 s, 4 s … at most 15 s, with up to 20 % jitter so a hall does not come back at once. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + 0.2 * random()));
}

/** A code as typed (any case, spaces, dashes) in the form the server uses, or undefined; the server's rule (room-hub.ts). */
export function typedCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/.test(code) ? code : undefined;
}

const api = (code: string, what = '') => `/api/rooms/${encodeURIComponent(code)}/${what}`;
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** What a phone receives from the room (room-machine.ts participantView). */
export interface ParticipantView {
  seq: number;
  question: RoomQuestion | undefined;
  answer: string[] | undefined;
  revealed: boolean;
  /** After the reveal only: the right (a story: the better) options. */
  right?: string[];
  /** After a story step's reveal: the option the room chose. */
  chosen?: string;
  /** The room's choice was a tie, settled for the earlier option as the presenter does. */
  tie?: boolean;
}

/**
 * What the phone shows: every state it can be in. `answer` is the phone's own choice for the
 * current question (sent, or still to send after a dropped connection).
 */
export type ParticipantStatus =
  | 'idle' // no code yet: the form
  | 'joining'
  | 'wrong-code' // no open room with this code (or a typo)
  | 'closed' // the room this phone was in is over (its presenter closed it, or it expired: 410)
  | 'lost' // the server no longer knows the room this phone was in (restarted: 404): type the new code
  | 'full'
  | 'too-many' // too many wrong codes from here: wait
  | 'waiting' // joined, the presenter has not shown a question yet
  | 'question'
  | 'reconnecting'
  | 'unreachable'; // the server does not answer, after every try

export interface ParticipantState {
  status: ParticipantStatus;
  code: string | undefined;
  seq: number;
  question: RoomQuestion | undefined;
  revealed: boolean;
  /** The key, from the reveal event: undefined before it (the phone's data holds no key). */
  right: string[] | undefined;
  chosen: string | undefined;
  /** The room's choice was a tie (the story goes on with the earlier option). */
  tie: boolean;
  answer: string[] | undefined;
  /** The answer is chosen but not yet accepted by the server. */
  unsent: boolean;
  /** The last answer came too late (the presenter had revealed or moved on). */
  late: boolean;
  /** A change the server never got before the reveal: the phone says so instead of claiming it. */
  lost?: string[];
  /** Seconds to wait after too many tries. */
  wait?: number;
}

/** The phone's state after a view from the room: a pure mapping, so it is tested on its own. */
export function applyParticipantView(state: ParticipantState, view: ParticipantView): ParticipantState {
  const sameQuestion = view.seq === state.seq;
  // An answer chosen while the line was down is kept for the same, still open question.
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => !!a && !!b && a.length === b.length && a.every((x) => b.includes(x));
  // The server already has it (the state came before the answer's reply): nothing left to send.
  const arrived = sameQuestion && state.unsent && same(state.answer, view.answer);
  const keepUnsent = sameQuestion && state.unsent && !arrived && !view.revealed && state.answer !== undefined;
  // Revealed with a change still unsent: the change is lost, and the phone must say so.
  const lost = sameQuestion ? (state.lost ?? (view.revealed && state.unsent && !arrived ? state.answer : undefined)) : undefined;
  return {
    ...state,
    status: view.question ? 'question' : 'waiting',
    seq: view.seq,
    question: view.question,
    revealed: view.revealed,
    right: view.revealed ? view.right : undefined,
    chosen: view.revealed ? view.chosen : undefined,
    tie: view.revealed && !!view.tie,
    answer: keepUnsent ? state.answer : view.answer,
    unsent: keepUnsent,
    late: sameQuestion ? state.late && !view.answer : false,
    lost,
  };
}

export const initialParticipant = (): ParticipantState => ({ status: 'idle', code: undefined, seq: 0, question: undefined, revealed: false, right: undefined, chosen: undefined, tie: false, answer: undefined, unsent: false, late: false });

const participantKey = (code: string) => `live-room:${code}`;

/**
 * A phone in a room: joins (keeping its id in sessionStorage so a reload is the same phone),
 * follows the room's events, answers, and comes back by itself after a dropped connection: first
 * the browser's own EventSource retry, then, if the browser gives up, a new join with the same id
 * (the server keeps a dropped phone and its answer for the grace period) with a growing wait.
 */
export class ParticipantClient {
  state: ParticipantState = initialParticipant();
  private source: EventSourceLike | undefined;
  private timer: unknown;
  private tries = 0;
  private joinedOnce = false;
  private stopped = false;
  private resends = 0;
  private resendTimer: unknown;

  constructor(
    private readonly deps: LiveDeps,
    private readonly onchange: (state: ParticipantState) => void,
  ) {}

  private set(next: Partial<ParticipantState>) {
    this.state = { ...this.state, ...next };
    this.onchange(this.state);
  }

  /** Joins the room with this typed code (or tries again after a failure). */
  async join(typed: string): Promise<void> {
    const code = typedCode(typed);
    if (!code) return this.set({ status: 'wrong-code', code: undefined });
    if (code !== this.state.code) {
      this.state = { ...initialParticipant(), code };
      this.joinedOnce = false;
    }
    this.stopped = false;
    this.tries = 0;
    this.set({ status: 'joining' });
    await this.connect();
  }

  private async connect(): Promise<void> {
    const code = this.state.code!;
    const known = this.deps.storage.getItem(participantKey(code)) ?? undefined;
    let response: Response;
    try {
      response = await this.deps.fetch(api(code, 'join/'), post({ participant: known }));
    } catch {
      return this.retry();
    }
    if (this.stopped) return;
    if (response.status === 410) {
      this.close();
      return this.set({ status: 'closed' });
    }
    if (response.status === 404) {
      this.close();
      // Unknown to the server: a room this phone was in is lost (the server restarted and forgot
      // it; the presenter opens a new one), a code it never joined is a wrong one.
      return this.set({ status: this.joinedOnce || known ? 'lost' : 'wrong-code' });
    }
    if (response.status === 429) {
      this.close();
      // With an id this room issued, a join is never limited while the room is open: the room is gone.
      if (known) return this.set({ status: 'lost' });
      return this.set({ status: 'too-many', wait: Number(response.headers.get('retry-after')) || 60 });
    }
    if (response.status === 409) {
      this.close();
      return this.set({ status: 'full' });
    }
    if (!response.ok) return this.retry();
    const { participant } = (await response.json()) as { participant: string };
    this.deps.storage.setItem(participantKey(code), participant);
    this.joinedOnce = true;
    this.listen(code, participant);
  }

  private listen(code: string, participant: string) {
    this.source?.close();
    const source = new this.deps.EventSource(`${api(code, 'events/')}?participant=${encodeURIComponent(participant)}`);
    this.source = source;
    source.onopen = () => {
      this.tries = 0;
    };
    source.addEventListener('state', (e) => {
      this.tries = 0;
      const view = JSON.parse(e.data) as ParticipantView;
      const before = this.state;
      this.state = applyParticipantView(this.state, view);
      this.onchange(this.state);
      // Every state that comes while the phone holds a different, unsent answer for the open
      // question sends it at once, with the retries started afresh.
      if (this.state.unsent && this.state.answer && !this.state.revealed && before.status !== 'closed') this.sendNow();
    });
    source.addEventListener('closed', () => {
      this.close();
      this.set({ status: 'closed' });
    });
    source.onerror = () => {
      if (this.source !== source || this.stopped) return;
      if (this.state.status !== 'joining') this.set({ status: 'reconnecting' });
      // The browser retries a dropped line itself; when it gives up (an error status), join again.
      if (source.readyState === CLOSED) {
        source.close();
        this.source = undefined;
        this.retry();
      }
    };
  }

  private retry() {
    if (this.stopped) return;
    if (this.tries >= MAX_TRIES) {
      this.close();
      return this.set({ status: 'unreachable' });
    }
    if (this.state.status !== 'joining') this.set({ status: 'reconnecting' });
    const wait = backoffMs(this.tries++);
    this.deps.clearTimeout(this.timer);
    this.timer = this.deps.setTimeout(() => void this.connect(), wait);
  }

  /**
   * The phone's line is back (the browser's online event): a kept answer goes at once, and a
   * client that had given up (or waits out a backoff) joins again now.
   */
  online(): void {
    if (!this.state.code) return;
    if (this.state.status === 'unreachable') {
      void this.join(this.state.code);
      return;
    }
    if (this.stopped) return;
    this.tries = 0;
    if (!this.source && this.state.status === 'reconnecting') {
      this.deps.clearTimeout(this.timer);
      void this.connect();
    }
    if (this.state.unsent && this.state.answer && !this.state.revealed) this.sendNow();
  }

  private sendNow() {
    this.resends = 0;
    this.deps.clearTimeout(this.resendTimer);
    if (this.state.answer) void this.send(this.state.answer);
  }

  /** Chooses (or changes) the answer; kept and sent again later if the line is down. */
  async answer(options: string[]): Promise<void> {
    if (!this.state.question || this.state.revealed) return;
    this.set({ answer: [...options], unsent: true, late: false });
    this.resends = 0;
    await this.send(options);
  }

  private async send(options: string[]) {
    const code = this.state.code;
    const participant = code ? this.deps.storage.getItem(participantKey(code)) : null;
    if (!code || !participant) return;
    const seq = this.state.seq;
    let response: Response;
    try {
      response = await this.deps.fetch(api(code, 'answer/'), post({ participant, seq, options }));
    } catch {
      // Kept as unsent: sent at once when the line or the events come back, and meanwhile tried
      // again with a bounded backoff for as long as the question is open (the reveal, a new
      // question or leaving the room ends the loop; there is no count cap before the reveal).
      if (this.state.unsent && this.state.seq === seq && !this.state.revealed && !this.stopped) {
        this.deps.clearTimeout(this.resendTimer);
        this.resendTimer = this.deps.setTimeout(() => {
          if (this.state.unsent && this.state.seq === seq && this.state.answer && !this.state.revealed && !this.stopped) void this.send(this.state.answer);
        }, backoffMs(Math.min(this.resends++, 3)));
      }
      return;
    }
    this.resends = 0;
    if (this.state.seq !== seq || this.state.answer?.join() !== options.join()) return;
    if (response.ok) return this.set({ unsent: false });
    if (response.status === 409) {
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      if (body.code === 'revealed') return this.set({ unsent: false, late: true, lost: options, answer: undefined });
      if (body.code === 'old-question') return this.set({ unsent: false, late: true, answer: undefined });
      if (body.code === 'not-joined') return this.set({ unsent: true }); // joined again on the next connect
    }
    if (response.status === 404 || response.status === 410) {
      this.close();
      return this.set({ status: response.status === 410 ? 'closed' : 'lost' });
    }
  }

  private close() {
    this.stopped = true;
    this.deps.clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
  }

  /** Leaves the page's room (another code): the id stays for this tab until it closes. */
  stop() {
    this.close();
  }
}

/** What the projector receives (room-machine.ts presenterView): no distribution before the reveal. */
export interface PresenterRoomView {
  seq: number;
  participants: number;
  answered: number;
  counts?: number[];
}

/** `closed`: the room ended (the trainer closed it, or it expired); `lost`: the server no longer knows it (a restart): open a new one. */
export type PresenterStatus = 'off' | 'opening' | 'live' | 'reconnecting' | 'unreachable' | 'closed' | 'lost';

export interface PresenterState {
  status: PresenterStatus;
  code: string | undefined;
  view: PresenterRoomView | undefined;
}

interface StoredRoom {
  code: string;
  secret: string;
  /** The last question shown, so a reload of the presenter does not reopen it on the phones. */
  shown?: string;
}

export const PRESENTER_KEY = 'live-room:presenter';

/** The room's identity of a question: the same module, scenario, step and options is the same question. */
export const questionKey = (q: RoomQuestion) => [q.module, q.scenario, q.step ?? '', q.options.join(',')].join('|');

/**
 * The presenter's end of a room. The secret lives in this browser's sessionStorage only (never in
 * the join link), so a reload of the presenter tab resumes control. When the server cannot be
 * reached the state says so and the presenter keeps working with typed-in hands.
 */
export class PresenterClient {
  state: PresenterState = { status: 'off', code: undefined, view: undefined };
  private source: EventSourceLike | undefined;
  private timer: unknown;
  private tries = 0;
  private room: StoredRoom | undefined;
  /** The question the phones should see, sent again after a reconnect if it did not go through. */
  private wanted: RoomQuestion | undefined;
  private waiters: ((view: PresenterRoomView) => void)[] = [];

  constructor(
    private readonly deps: LiveDeps,
    private readonly onchange: (state: PresenterState) => void,
  ) {}

  private set(next: Partial<PresenterState>) {
    this.state = { ...this.state, ...next };
    this.onchange(this.state);
  }

  private save() {
    if (this.room) this.deps.storage.setItem(PRESENTER_KEY, JSON.stringify(this.room));
    else this.deps.storage.removeItem(PRESENTER_KEY);
  }

  /** Resumes the room this tab opened before a reload, if any. */
  resume(): boolean {
    try {
      const stored = JSON.parse(this.deps.storage.getItem(PRESENTER_KEY) ?? 'null') as StoredRoom | null;
      if (!stored || typeof stored.code !== 'string' || typeof stored.secret !== 'string') return false;
      this.room = stored;
    } catch {
      return false;
    }
    this.set({ status: 'reconnecting', code: this.room.code });
    this.listen();
    return true;
  }

  /** Opens a new room. */
  async open(): Promise<void> {
    this.set({ status: 'opening' });
    let response: Response;
    try {
      response = await this.deps.fetch('/api/rooms/', { method: 'POST' });
    } catch {
      return this.set({ status: 'unreachable' });
    }
    if (!response.ok) return this.set({ status: 'unreachable' });
    const { code, secret } = (await response.json()) as { code: string; secret: string };
    this.room = { code, secret };
    this.save();
    this.set({ status: 'reconnecting', code });
    this.listen();
    if (this.wanted) await this.show(this.wanted);
  }

  /** Closes the room for everyone: the phones are told the workshop is over; then ends it here. */
  async close() {
    await this.control({ type: 'room.close' });
    this.end();
    // Said on the presenter too (the room's own 'closed' event no longer reaches a stream just closed).
    this.set({ status: 'closed' });
  }

  /** Ends the room for this presenter's browser (after a close, or when the server no longer has it). */
  end() {
    this.source?.close();
    this.source = undefined;
    this.deps.clearTimeout(this.timer);
    this.room = undefined;
    this.save();
    this.set({ status: 'off', code: undefined, view: undefined });
  }

  private listen() {
    const room = this.room;
    if (!room) return;
    this.source?.close();
    const source = new this.deps.EventSource(`${api(room.code, 'events/')}?role=presenter`);
    this.source = source;
    source.addEventListener('state', (e) => {
      this.tries = 0;
      const view = JSON.parse(e.data) as PresenterRoomView;
      const wasDown = this.state.status !== 'live';
      this.set({ status: 'live', view });
      for (const waiter of this.waiters.splice(0)) waiter(view);
      // Back after a drop: the question the trainer moved to meanwhile goes out now.
      if (wasDown && this.wanted && this.room && this.room.shown !== questionKey(this.wanted)) void this.show(this.wanted);
    });
    source.addEventListener('closed', () => {
      this.end();
      this.set({ status: 'closed' });
    });
    source.onerror = () => {
      if (this.source !== source) return;
      this.set({ status: this.tries >= MAX_TRIES ? 'unreachable' : 'reconnecting' });
      if (source.readyState !== CLOSED) return;
      source.close();
      this.source = undefined;
      this.retry();
    };
  }

  private retry() {
    if (this.tries >= MAX_TRIES) return this.set({ status: 'unreachable' });
    const wait = backoffMs(this.tries++);
    this.deps.clearTimeout(this.timer);
    this.timer = this.deps.setTimeout(() => void this.check(), wait);
  }

  /** After the browser gave up on the stream: is the room still there? */
  private async check() {
    const room = this.room;
    if (!room) return;
    try {
      const response = await this.deps.fetch(api(room.code, 'control/'), post({ secret: room.secret, action: { type: 'hands.set', counts: [] } }));
      if (this.gone(response)) return;
    } catch {
      this.set({ status: this.tries >= MAX_TRIES ? 'unreachable' : 'reconnecting' });
      return this.retry();
    }
    this.listen();
  }

  /** The room is no more: ended (410) or unknown to the server (404, e.g. after a restart). */
  private gone(response: Response): boolean {
    if (response.status !== 404 && response.status !== 410) return false;
    this.end();
    this.set({ status: response.status === 410 ? 'closed' : 'lost' });
    return true;
  }

  private async control(action: unknown): Promise<boolean> {
    const room = this.room;
    if (!room) return false;
    try {
      const response = await this.deps.fetch(api(room.code, 'control/'), post({ secret: room.secret, action }));
      if (this.gone(response)) return false;
      return response.ok;
    } catch {
      if (this.state.status === 'live') this.set({ status: 'reconnecting' });
      return false;
    }
  }

  /** The question the presenter is on (skipped if the phones already have it, e.g. after a reload). */
  async show(question: RoomQuestion): Promise<void> {
    this.wanted = question;
    const key = questionKey(question);
    if (!this.room || this.room.shown === key) return;
    if (await this.control({ type: 'question.show', question })) {
      this.room.shown = key;
      this.save();
    }
  }

  /**
   * The reveal: the typed-in hands, then the reveal, then the room's counts (phones and hands) once
   * the server has sent them, or undefined if the room is not reachable within `timeoutMs`.
   */
  async reveal(hands: number[], key?: RevealKey, timeoutMs = 3000): Promise<number[] | undefined> {
    return (await this.revealView(hands, key, timeoutMs))?.counts;
  }

  /** The reveal, as `reveal`, giving the whole revealed view: the counts and how many phones answered. */
  async revealView(hands: number[], key?: RevealKey, timeoutMs = 3000): Promise<PresenterRoomView | undefined> {
    if (!this.room || this.state.status === 'off') return undefined;
    const seq = this.state.view?.seq;
    const arrived = new Promise<PresenterRoomView | undefined>((resolve) => {
      const id = this.deps.setTimeout(() => resolve(undefined), timeoutMs);
      const wait = (view: PresenterRoomView) => {
        if (view.counts && (seq === undefined || view.seq === seq)) {
          this.deps.clearTimeout(id);
          resolve(view);
        } else this.waiters.push(wait);
      };
      this.waiters.push(wait);
    });
    if (!(await this.control({ type: 'hands.set', counts: hands })) || !(await this.control({ type: 'answer.reveal', ...(key ? { key } : {}) }))) {
      this.waiters = [];
      return undefined;
    }
    return await arrived;
  }

  /** The typed-in hands while the phones answer, so a reload of a phone's view stays true. */
  async hands(counts: number[]) {
    await this.control({ type: 'hands.set', counts });
  }
}

/** The phone counts inside the room's counts: what the phones added to the hands typed in. */
export function phoneCounts(roomCounts: readonly number[], hands: readonly number[]): number[] {
  return roomCounts.map((c, i) => Math.max(0, c - (hands[i] ?? 0)));
}
