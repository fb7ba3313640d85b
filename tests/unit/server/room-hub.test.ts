import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { roomCounts } from '../../../src/lib/workshop/room-machine';
import { CODE_ALPHABET, normaliseCode, RoomHub } from '../../../src/server/rooms/room-hub';
import { MemoryRoomLog, PostgresRoomLog, type RoomLog } from '../../../src/server/rooms/room-log';
import { postgresProblem, postgresUrl } from './register-fixtures';

const question = { module: 'm', scenario: 's1', options: ['b', 'a', 'c'], several: false };
const counts = async (hub: RoomHub, code: string) => roomCounts((await hub.state(code))!.context);

describe('room codes', () => {
  it('read a code typed on a phone in any case, with spaces or a dash, and refuse anything else', () => {
    expect(normaliseCode('ab3 d-ef')).toBe('AB3DEF');
    expect(normaliseCode('AB3DE')).toBeUndefined();
    expect(normaliseCode('AB3DE0')).toBeUndefined(); // 0 is not in the alphabet (O and 0 look alike)
    expect(normaliseCode("AB3DE'; DROP")).toBeUndefined();
    expect(CODE_ALPHABET).not.toMatch(/[01IOL]/);
  });
});

describe('room hub (in memory)', () => {
  it('creates a room with a code and a secret, lets phones join and answer, and only the secret controls it', async () => {
    const hub = new RoomHub(new MemoryRoomLog());
    const { code, secret } = await hub.create();
    expect(normaliseCode(code)).toBe(code);
    const p1 = (await hub.join(code))!;
    const p2 = (await hub.join(code))!;
    expect(p1).not.toBe(p2);
    expect(await hub.control(code, 'not the secret', { type: 'question.show', question })).toBe('forbidden');
    expect(await hub.control(code, secret, { type: 'question.show', question })).toBe('ok');
    expect(await hub.answer(code, p1, 1, ['a'])).toBe('ok');
    expect(await hub.answer(code, p2, 1, ['a', 'b'])).toBe('bad-answer');
    expect(await hub.answer(code, 'x'.repeat(22), 1, ['a'])).toBe('not-joined');
    expect(await counts(hub, code)).toEqual([0, 1, 0]);
    expect(await hub.control(code, secret, { type: 'answer.reveal' })).toBe('ok');
    expect(await hub.answer(code, p2, 1, ['c'])).toBe('revealed');
    expect(await hub.answer('NOROOM', p2, 1, ['c'])).toBe('no-room');
    await hub.close();
  });

  it('tells subscribers of every change, and a phone that reconnects with its id keeps its answer', async () => {
    const hub = new RoomHub(new MemoryRoomLog());
    const { code, secret } = await hub.create();
    let changes = 0;
    const stop = (await hub.subscribe(code, () => changes++))!;
    const p1 = (await hub.join(code))!;
    await hub.control(code, secret, { type: 'question.show', question });
    await hub.answer(code, p1, 1, ['c']);
    expect(changes).toBe(3);
    // The connection drops at t; the phone comes back with the same id before the server gives up on it.
    const t = hub.stamp();
    expect(await hub.join(code, p1)).toBe(p1);
    await hub.leave(code, p1, t);
    expect(await counts(hub, code)).toEqual([0, 0, 1]);
    stop();
    await hub.answer(code, p1, 1, ['b']);
    expect(changes).toBe(5);
    await hub.close();
  });

  it('expires a room after its lifetime: no joins, no answers, and the log forgets it', async () => {
    let now = 1_000_000;
    const log = new MemoryRoomLog();
    const hub = new RoomHub(log, { lifetimeMs: 60_000, now: () => now });
    const { code } = await hub.create();
    const p1 = (await hub.join(code))!;
    now += 60_000;
    expect(await hub.join(code)).toBeUndefined();
    expect(await hub.answer(code, p1, 1, ['a'])).toBe('no-room');
    expect(await hub.sweep()).toBe(1);
    expect(await log.find(code)).toBeUndefined();
    await hub.close();
  });

  it('closes a room when the presenter ends it: only with the secret, then no joins, answers or state, here and on a second server', async () => {
    const log = new MemoryRoomLog();
    const hub = new RoomHub(log);
    const other = new RoomHub(log);
    const { code, secret } = await hub.create();
    const p1 = (await hub.join(code))!;
    expect(await hub.control(code, secret, { type: 'question.show', question })).toBe('ok');
    let told = 0;
    await hub.subscribe(code, () => void told++);
    expect(await hub.control(code, 'not the secret', { type: 'room.close' })).toBe('forbidden');
    expect(await hub.state(code)).toBeDefined();
    expect(await hub.control(code, secret, { type: 'room.close' })).toBe('ok');
    expect(told).toBeGreaterThan(0);
    expect(await hub.state(code)).toBeUndefined();
    expect(await hub.join(code)).toBeUndefined();
    expect(await hub.answer(code, p1, 1, ['a'])).toBe('no-room');
    expect(await other.state(code)).toBeUndefined();
    expect(await other.answer(code, p1, 1, ['a'])).toBe('no-room');
    await hub.close();
    await other.close();
  });
});

describe.skipIf(!postgresUrl)(`room hub over PostgreSQL (two servers, one room)${postgresProblem ? `: ${postgresProblem}` : ''}`, () => {
  const logs: RoomLog[] = [];
  afterAll(async () => {
    for (const log of logs) await log.close();
  });

  async function database() {
    const name = `rooms_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(postgresUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return postgresUrl.replace(/\/postgres$/, `/${name}`);
  }

  it('shares joins, answers and reveals between servers, in one order, and refuses double counting', async () => {
    const url = await database();
    const [a, b] = [await PostgresRoomLog.open(url), await PostgresRoomLog.open(url)];
    logs.push(a, b);
    const serverA = new RoomHub(a);
    const serverB = new RoomHub(b);
    const { code, secret } = await serverA.create();
    // A participant on each server; the presenter on server A.
    const onA = (await serverA.join(code))!;
    const onB = (await serverB.join(code))!;
    await serverA.control(code, secret, { type: 'question.show', question });
    // Server B learns of the question through NOTIFY; wait for it, bounded.
    for (let i = 0; i < 100 && (await serverB.state(code))!.context.seq === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await serverB.answer(code, onB, 1, ['c'])).toBe('ok');
    expect(await serverA.answer(code, onA, 1, ['a'])).toBe('ok');
    await serverA.control(code, secret, { type: 'answer.reveal' });
    const settled = async (hub: RoomHub) => {
      for (let i = 0; i < 100; i++) {
        const state = (await hub.state(code))!;
        if (state.revealed && Object.keys(state.context.answers).length === 2) return roomCounts(state.context);
        await new Promise((r) => setTimeout(r, 20));
      }
      return roomCounts((await hub.state(code))!.context);
    };
    expect(await settled(serverA)).toEqual([0, 1, 1]);
    expect(await settled(serverB)).toEqual([0, 1, 1]);
    // A third server started later rebuilds the room from the log.
    const c = await PostgresRoomLog.open(url);
    logs.push(c);
    const serverC = new RoomHub(c);
    expect(roomCounts((await serverC.state(code))!.context)).toEqual([0, 1, 1]);
    expect(await serverC.answer(code, onB, 1, ['a'])).toBe('revealed');
    // The secret is stored only as a hash.
    const raw = new pg.Client(url);
    await raw.connect();
    const { rows } = await raw.query('SELECT secret_hash FROM live_rooms');
    await raw.end();
    expect(rows[0].secret_hash).not.toContain(secret);
    for (const hub of [serverA, serverB, serverC]) await hub.close();
  }, 30_000);

  it('never lets a replica reading "after id n" skip an event appended at the same time', async () => {
    const url = await database();
    const [a, b, reader] = [await PostgresRoomLog.open(url), await PostgresRoomLog.open(url), await PostgresRoomLog.open(url)];
    logs.push(a, b, reader);
    const code = 'ABCDEF';
    expect(await a.create({ code, secretHash: 'x', createdAt: 0, expiresAt: Date.now() + 60_000 })).toBe(true);
    // 400 joins from two servers (ten at a time each, as their pools allow) while a replica keeps reading on.
    const total = 400;
    let appended = 0;
    const writer = async (log: RoomLog, from: number) => {
      for (let i = from; i < total; i += 20) {
        await Promise.all(Array.from({ length: 10 }, (_, k) => log.append(code, { type: 'participant.join', participant: `p${i + 2 * k}`, at: i })));
        appended += 10;
      }
    };
    const seen: string[] = [];
    let last = 0;
    const read = async () => {
      for (const { id, event } of await reader.since(code, last)) {
        last = id;
        if (event.type === 'participant.join') seen.push(event.participant);
      }
    };
    const writing = Promise.all([writer(a, 0), writer(b, 1)]);
    for (let i = 0; i < 10_000 && appended < total; i++) await read();
    await writing;
    await read();
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  }, 60_000);
});
