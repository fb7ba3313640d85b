import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createActor, type Actor } from 'xstate';
import { answerRefusal, roomMachine, type RevealKey, type RoomEvent, type RoomQuestion } from '../../lib/workshop/room-machine.ts';
import type { RoomLog } from './room-log.ts';

/** Letters and digits a room reads aloud and types without mistakes: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** The default lifetime of a room: a working day. */
export const DEFAULT_ROOM_HOURS = 8;

/** A code as typed on a phone: case, spaces and dashes do not matter; anything else makes it no code. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * A participant id is 16 random characters and a 16-character MAC of them under the room's secret
 * hash, which every server holding the room has: only ids the join route issued are accepted, so a
 * client cannot make up ids to count itself many times or to pose as another phone.
 */
const ISSUED = /^[A-Za-z0-9_-]{32}$/;
const macOf = (secretHash: string, code: string, nonce: string) => createHmac('sha256', secretHash).update(`${code}:${nonce}`).digest('base64url').slice(0, 16);
function issuedBy(secretHash: string, code: string, id: string): boolean {
  if (!ISSUED.test(id)) return false;
  const given = Buffer.from(id.slice(16));
  return timingSafeEqual(given, Buffer.from(macOf(secretHash, code, id.slice(0, 16))));
}

/** What only the presenter may do. */
export type ControlAction = { type: 'question.show'; question: RoomQuestion } | { type: 'answer.reveal'; key?: RevealKey } | { type: 'hands.set'; counts: number[] } | { type: 'room.close' };

type RoomActor = Actor<typeof roomMachine>;
interface LocalRoom {
  actor: RoomActor;
  secretHash: string;
  expiresAt: number;
  lastId: number;
  chain: Promise<void>;
  listeners: Set<() => void>;
}

/**
 * The rooms one server knows: each a replica of the room's machine, fed from the shared log in the
 * log's order, so every server holding the same room holds the same state. Requests are checked
 * against the replica first (a refusal is immediate), then appended; the machine's guards decide
 * again as each replica applies the event, so a race between servers cannot count an answer twice.
 */
export class RoomHub {
  private readonly rooms = new Map<string, LocalRoom>();
  private readonly log: RoomLog;
  private readonly lifetimeMs: number;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;
  /**
   * Codes of the rooms this server created or loaded, until a further lifetime after their end: a
   * phone that comes back after its room was swept is told the workshop ended, not that the code
   * is wrong. Codes and times only, nothing else.
   */
  private readonly seen = new Map<string, number>();

  constructor(log: RoomLog, options: { lifetimeMs?: number; now?: () => number } = {}) {
    this.log = log;
    this.lifetimeMs = options.lifetimeMs ?? DEFAULT_ROOM_HOURS * 3_600_000;
    this.now = options.now ?? Date.now;
    this.unsubscribe = log.onAppend((code) => void this.catchUp(code));
  }

  /** A new room: its join code, and the presenter's secret (returned once, stored only as a hash). */
  async create(): Promise<{ code: string; secret: string; expiresAt: number }> {
    const secret = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
      if (await this.log.create({ code, secretHash: hash(secret), createdAt, expiresAt: createdAt + this.lifetimeMs })) {
        this.seen.set(code, createdAt + 2 * this.lifetimeMs);
        return { code, secret, expiresAt: createdAt + this.lifetimeMs };
      }
    }
    throw new Error('no free room code');
  }

  /** The room's replica, loaded from the log if this server has not seen it; undefined if there is none (or it is over). */
  private async open(code: string): Promise<LocalRoom | undefined> {
    const known = this.rooms.get(code);
    // A room the presenter closed is gone for joins, answers and streams alike, as an expired one.
    if (known) return known.expiresAt > this.now() && known.actor.getSnapshot().status !== 'done' ? known : undefined;
    const stored = await this.log.find(code);
    if (!stored || stored.expiresAt <= this.now()) return undefined;
    if (this.rooms.has(code)) return this.rooms.get(code);
    this.seen.set(code, stored.expiresAt + (stored.expiresAt - stored.createdAt));
    const actor = createActor(roomMachine, { input: { now: stored.createdAt, lifetimeMs: stored.expiresAt - stored.createdAt } }).start();
    const room: LocalRoom = { actor, secretHash: stored.secretHash, expiresAt: stored.expiresAt, lastId: 0, chain: Promise.resolve(), listeners: new Set() };
    this.rooms.set(code, room);
    await this.catchUp(code);
    return room.actor.getSnapshot().status === 'done' ? undefined : room;
  }

  /** Applies whatever the log holds after what this replica has seen, one batch at a time. */
  private catchUp(code: string): Promise<void> {
    const room = this.rooms.get(code);
    if (!room) return Promise.resolve();
    room.chain = room.chain.then(async () => {
      const events = await this.log.since(code, room.lastId).catch(() => []);
      if (!events.length) return;
      for (const { id, event } of events) {
        room.actor.send(event);
        room.lastId = id;
      }
      for (const listener of room.listeners) listener();
    });
    return room.chain;
  }

  private async dispatch(code: string, event: RoomEvent) {
    await this.log.append(code, event);
    await this.catchUp(code);
  }

  private last = 0;
  /**
   * This server's time for events, strictly increasing: a phone that reconnects in the same
   * millisecond its old connection closed is still seen after that close.
   */
  stamp(): number {
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }

  async exists(code: string): Promise<boolean> {
    return (await this.open(code)) !== undefined;
  }

  /**
   * Whether a code that is not open belonged to a room that ended (closed by its presenter, or
   * expired) rather than one this server does not know at all — after a restart of a server that
   * keeps rooms in memory, every room is unknown: the phones must be told to type the new code.
   */
  async ended(code: string): Promise<boolean> {
    const known = this.rooms.get(code);
    if (known) return known.expiresAt <= this.now() || known.actor.getSnapshot().status === 'done';
    if ((this.seen.get(code) ?? 0) > this.now()) return true;
    const stored = await this.log.find(code);
    if (!stored) return false;
    return stored.expiresAt <= this.now() || !(await this.open(code));
  }

  /** A new participant: an id the phone keeps to reconnect and to answer; nothing else identifies it. */
  async join(code: string, participant?: string): Promise<string | undefined> {
    const room = await this.open(code);
    if (!room) return undefined;
    let id = participant;
    if (!id || !issuedBy(room.secretHash, code, id)) {
      const nonce = randomBytes(12).toString('base64url');
      id = nonce + macOf(room.secretHash, code, nonce);
    }
    await this.dispatch(code, { type: 'participant.join', participant: id, at: this.stamp() });
    return id in room.actor.getSnapshot().context.participants ? id : undefined;
  }

  /** Whether `participant` is an id this room issued (it may have left and be coming back). */
  async issued(code: string, participant: string): Promise<boolean> {
    const room = await this.open(code);
    return !!room && issuedBy(room.secretHash, code, participant);
  }

  async leave(code: string, participant: string, unseenSince: number) {
    if (await this.open(code)) await this.dispatch(code, { type: 'participant.leave', participant, unseenSince });
  }

  /** An answer, or the reason it does not count. */
  async answer(code: string, participant: string, seq: number, options: string[]): Promise<'ok' | 'no-room' | string> {
    const room = await this.open(code);
    if (!room) return 'no-room';
    const event = { type: 'answer.set' as const, participant, seq, options, at: this.stamp() };
    const snapshot = room.actor.getSnapshot();
    const refusal = answerRefusal(snapshot.context, snapshot.matches('revealed'), event);
    if (refusal) return refusal;
    await this.dispatch(code, event);
    return 'ok';
  }

  /** The presenter's moves, with the secret only its browser holds. */
  async control(code: string, secret: string, action: ControlAction): Promise<'ok' | 'no-room' | 'forbidden'> {
    const room = await this.open(code);
    if (!room) return 'no-room';
    const given = Buffer.from(hash(secret), 'hex');
    if (!timingSafeEqual(given, Buffer.from(room.secretHash, 'hex'))) return 'forbidden';
    await this.dispatch(code, action);
    return 'ok';
  }

  /** The room's state now, for the views; undefined when there is no such room. */
  async state(code: string) {
    const room = await this.open(code);
    if (!room) return undefined;
    const snapshot = room.actor.getSnapshot();
    return { context: snapshot.context, revealed: snapshot.matches('revealed'), closed: snapshot.status === 'done' };
  }

  /** Calls `listener` after every change to the room; returns the way to stop. */
  async subscribe(code: string, listener: () => void): Promise<(() => void) | undefined> {
    const room = await this.open(code);
    if (!room) return undefined;
    room.listeners.add(listener);
    return () => void room.listeners.delete(listener);
  }

  /** Closes and forgets rooms whose time is over, here and in the log. */
  async sweep(): Promise<number> {
    const now = this.now();
    for (const [code, room] of this.rooms)
      if (room.expiresAt <= now) {
        room.actor.send({ type: 'clock.tick', at: now });
        for (const listener of room.listeners) listener();
        room.actor.stop();
        this.rooms.delete(code);
      }
    for (const [code, until] of this.seen) if (until <= now) this.seen.delete(code);
    return this.log.removeExpired(now);
  }

  async close() {
    this.unsubscribe();
    for (const room of this.rooms.values()) room.actor.stop();
    this.rooms.clear();
  }
}
