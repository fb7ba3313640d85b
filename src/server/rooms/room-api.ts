import { RateLimiter } from '../../lib/certificate/rate-limiter.ts';
import { participantView, presenterView, type RoomQuestion } from '../../lib/workshop/room-machine.ts';
import { json, readJsonBody } from '../json-api.ts';
import { normaliseCode, RoomHub, type ControlAction } from './room-hub.ts';
import { MemoryRoomLog, PostgresRoomLog } from './room-log.ts';

/** Every room message is small: a question's ids and option ids, an answer, typed-in counts. */
export const MAX_ROOM_BODY = 4096;
/** How long a dropped phone has to come back before it stops counting. */
export const RECONNECT_GRACE_MS = 90_000;
const HEARTBEAT_MS = 20_000;

const ID = /^[A-Za-z0-9_.-]{1,80}$/;

export interface RoomApiOptions {
  hub: RoomHub;
  /** Rooms a client may open per hour. */
  createLimit?: RateLimiter;
  /** Unknown codes a client may try per window: guessing a code takes millions of tries. */
  guessLimit?: RateLimiter;
  /**
   * New participant ids a client may take per window. Generous, as a whole hall may share one
   * address behind the ministry's NAT; coming back with an issued id does not count.
   */
  joinLimit?: RateLimiter;
  graceMs?: number;
  heartbeatMs?: number;
}

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) => json(status, { code, message }, headers);
const noRoom = () => refuse(404, 'no-room', 'there is no open room with this code');
/** A room that was there and is over (closed by its presenter or expired): not a wrong code. */
const ended = () => refuse(410, 'room-ended', 'this room has ended');
const tooMany = (wait: number) => refuse(429, 'too-many', `too many tries; wait ${wait} s`, { 'retry-after': String(wait) });

function questionOf(value: unknown): RoomQuestion | undefined {
  const q = value as Partial<RoomQuestion> | null;
  if (!q || typeof q !== 'object') return undefined;
  if (typeof q.module !== 'string' || !ID.test(q.module) || typeof q.scenario !== 'string' || !ID.test(q.scenario)) return undefined;
  if (q.step !== undefined && (typeof q.step !== 'string' || !ID.test(q.step))) return undefined;
  if (!Array.isArray(q.options) || !q.options.every((o) => typeof o === 'string' && ID.test(o)) || typeof q.several !== 'boolean') return undefined;
  return { module: q.module, scenario: q.scenario, ...(q.step ? { step: q.step } : {}), options: [...q.options], several: q.several };
}

function actionOf(value: unknown): ControlAction | undefined {
  const a = value as { type?: unknown; question?: unknown; counts?: unknown } | null;
  if (!a || typeof a !== 'object') return undefined;
  if (a.type === 'answer.reveal') {
    const key = (a as { key?: { right?: unknown; story?: unknown } }).key;
    if (key === undefined) return { type: 'answer.reveal' };
    if (!key || typeof key !== 'object' || !Array.isArray(key.right) || key.right.length > 10 || !key.right.every((o) => typeof o === 'string' && ID.test(o)) || typeof key.story !== 'boolean')
      return undefined;
    return { type: 'answer.reveal', key: { right: [...(key.right as string[])], story: key.story } };
  }
  if (a.type === 'room.close') return { type: 'room.close' };
  if (a.type === 'question.show') {
    const question = questionOf(a.question);
    return question ? { type: 'question.show', question } : undefined;
  }
  if (a.type === 'hands.set' && Array.isArray(a.counts) && a.counts.length <= 10 && a.counts.every((c) => Number.isInteger(c) && c >= 0 && c <= 10_000))
    return { type: 'hands.set', counts: a.counts as number[] };
  return undefined;
}

/**
 * The live room's HTTP side, independent of the framework: the routes under /api/rooms/ call these.
 * JSON in and out (small bodies only); the room's state goes out as server-sent events.
 */
export class RoomApi {
  private readonly hub: RoomHub;
  private readonly createLimit: RateLimiter;
  private readonly guessLimit: RateLimiter;
  private readonly joinLimit: RateLimiter;
  private readonly graceMs: number;
  private readonly heartbeatMs: number;

  constructor(options: RoomApiOptions) {
    this.hub = options.hub;
    this.createLimit = options.createLimit ?? new RateLimiter(20, 3_600_000);
    this.guessLimit = options.guessLimit ?? new RateLimiter(20, 600_000);
    this.joinLimit = options.joinLimit ?? new RateLimiter(1000, 600_000);
    this.graceMs = options.graceMs ?? RECONNECT_GRACE_MS;
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  }

  /** POST /api/rooms/ — a new room for a presenter. */
  async create(client: string): Promise<Response> {
    const wait = this.createLimit.take(client);
    if (wait) return tooMany(wait);
    const { code, secret, expiresAt } = await this.hub.create();
    return json(201, { code, secret, expiresAt });
  }

  /** The room named by a typed code, counting a miss against the client. */
  private async found(typed: string, client: string): Promise<{ code: string } | { response: Response }> {
    const code = normaliseCode(typed);
    if (code && (await this.hub.exists(code))) return { code };
    // An ended room's code is a real one: a hall's phones behind one address all hear of the end,
    // and no guess is counted (an ended room gives nothing away).
    if (code && (await this.hub.ended(code))) return { response: ended() };
    const wait = this.guessLimit.take(client);
    return { response: wait ? tooMany(wait) : noRoom() };
  }

  /** POST /api/rooms/<code>/join/ — an id for a phone ({ participant } to come back with the same). */
  async join(typed: string, request: Request, client: string): Promise<Response> {
    const room = await this.found(typed, client);
    if ('response' in room) return room.response;
    const read = await readJsonBody(request, MAX_ROOM_BODY);
    if (!read.ok) return read.response;
    const asked = (read.body as { participant?: unknown } | null)?.participant;
    if (typeof asked !== 'string' || !(await this.hub.issued(room.code, asked))) {
      const wait = this.joinLimit.take(client);
      if (wait) return tooMany(wait);
    }
    const participant = await this.hub.join(room.code, typeof asked === 'string' ? asked : undefined);
    if (!participant) return refuse(409, 'room-full', 'the room is full');
    return json(200, { code: room.code, participant });
  }

  /** POST /api/rooms/<code>/answer/ — { participant, seq, options }. */
  async answer(typed: string, request: Request, client: string): Promise<Response> {
    const room = await this.found(typed, client);
    if ('response' in room) return room.response;
    const read = await readJsonBody(request, MAX_ROOM_BODY);
    if (!read.ok) return read.response;
    const b = read.body as { participant?: unknown; seq?: unknown; options?: unknown } | null;
    if (!b || typeof b.participant !== 'string' || !Number.isInteger(b.seq) || !Array.isArray(b.options) || !b.options.every((o) => typeof o === 'string' && ID.test(o)) || b.options.length > 10)
      return refuse(400, 'bad-answer', 'an answer is { participant, seq, options }');
    const result = await this.hub.answer(room.code, b.participant, b.seq as number, b.options as string[]);
    if (result === 'ok') return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    if (result === 'no-room') return (await this.hub.ended(room.code)) ? ended() : noRoom();
    return refuse(409, result, `the answer does not count: ${result}`);
  }

  /** POST /api/rooms/<code>/control/ — { secret, action }: only the presenter's browser holds the secret. */
  async control(typed: string, request: Request, client: string): Promise<Response> {
    const room = await this.found(typed, client);
    if ('response' in room) return room.response;
    const read = await readJsonBody(request, MAX_ROOM_BODY);
    if (!read.ok) return read.response;
    const b = read.body as { secret?: unknown; action?: unknown } | null;
    const action = actionOf(b?.action);
    if (!b || typeof b.secret !== 'string' || b.secret.length > 100 || !action) return refuse(400, 'bad-action', 'a control is { secret, action }');
    const result = await this.hub.control(room.code, b.secret, action);
    if (result === 'forbidden') {
      const wait = this.guessLimit.take(client);
      return wait ? tooMany(wait) : refuse(403, 'forbidden', 'only the presenter controls the room');
    }
    if (result === 'no-room') return (await this.hub.ended(room.code)) ? ended() : noRoom();
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  }

  /**
   * GET /api/rooms/<code>/events/?participant=… (a phone) or ?role=presenter: the room's view as
   * server-sent events, again after every change. The presenter's view never holds the
   * distribution before the reveal; a phone's view holds only its own answer.
   */
  async events(typed: string, url: URL, client: string, signal?: AbortSignal): Promise<Response> {
    const room = await this.found(typed, client);
    if ('response' in room) return room.response;
    const { code } = room;
    const participant = url.searchParams.get('participant') ?? undefined;
    const presenter = url.searchParams.get('role') === 'presenter';
    if (!presenter && !participant) return refuse(400, 'who', 'say ?participant=… or ?role=presenter');
    if (participant && !(await this.hub.issued(code, participant))) return refuse(403, 'unknown-participant', 'join the room first: only ids the join route issued are accepted');
    if (participant && !(await this.hub.join(code, participant))) return refuse(409, 'room-full', 'the room is full');
    const hub = this.hub;
    const encoder = new TextEncoder();
    let stop = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            open = false;
          }
        };
        // A phone's view changes only with the question, the reveal and its own answer, not with
        // every other phone's answer: a view the stream already sent is not sent again (in a room of
        // 300 that spares 299 of every 300 writes per answer, see scripts/bench-rooms.mjs).
        let sent = '';
        const push = async () => {
          const state = await hub.state(code);
          if (!state) return send('event: closed\ndata: {}\n\n');
          const view = presenter ? presenterView(state.context, state.revealed) : participantView(state.context, state.revealed, participant!);
          const message = `event: state\ndata: ${JSON.stringify(view)}\n\n`;
          if (message === sent) return;
          sent = message;
          send(message);
        };
        const unsubscribe = await hub.subscribe(code, () => void push());
        const heartbeat = setInterval(() => send(': ping\n\n'), this.heartbeatMs);
        heartbeat.unref?.();
        stop = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          unsubscribe?.();
          // A phone that does not come back within the grace stops counting (its answer with it).
          if (participant) {
            const since = hub.stamp();
            setTimeout(() => void hub.leave(code, participant, since).catch(() => {}), this.graceMs).unref?.();
          }
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        };
        signal?.addEventListener('abort', () => stop(), { once: true });
        send('retry: 2000\n\n');
        await push();
      },
      cancel: () => stop(),
    });
    return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
  }
}

let shared: Promise<RoomApi> | undefined;

/**
 * The process's rooms: in memory, or through PostgreSQL when DATABASE_URL is set (servers behind
 * one load balancer then share every room). ROOM_HOURS sets a room's lifetime (default 8).
 */
export function roomApi(env: NodeJS.ProcessEnv = process.env): Promise<RoomApi> {
  shared ??= (async () => {
    const log = env.DATABASE_URL ? await PostgresRoomLog.open(env.DATABASE_URL) : new MemoryRoomLog();
    const hours = Number(env.ROOM_HOURS ?? 8);
    const hub = new RoomHub(log, { lifetimeMs: (Number.isFinite(hours) && hours > 0 ? hours : 8) * 3_600_000 });
    setInterval(() => void hub.sweep().catch(() => {}), 60_000).unref();
    return new RoomApi({ hub });
  })().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
