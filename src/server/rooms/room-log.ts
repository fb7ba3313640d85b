import pg from 'pg';
import type { RoomEvent } from '../../lib/workshop/room-machine.ts';

/** A room as stored: no names, no addresses; the presenter's secret only as a hash. */
export interface StoredRoom {
  code: string;
  secretHash: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Where a room's events live, in order. Every server replays the same log into its own copy of the
 * room's machine, so participants connected to different servers see one room. In memory for one
 * server; in PostgreSQL (a table per kind and LISTEN/NOTIFY as the wake-up) for several.
 */
export interface RoomLog {
  /** False when the code is already taken. */
  create(room: StoredRoom): Promise<boolean>;
  find(code: string): Promise<StoredRoom | undefined>;
  append(code: string, event: RoomEvent): Promise<void>;
  /** The events after `after` (an id from an earlier answer; 0 for all), oldest first. */
  since(code: string, after: number): Promise<{ id: number; event: RoomEvent }[]>;
  /** Called with a room's code whenever any server appended to it. */
  onAppend(listener: (code: string) => void): () => void;
  /** Deletes the rooms whose time is over, with their events; returns how many. */
  removeExpired(now: number): Promise<number>;
  close(): Promise<void>;
}

export class MemoryRoomLog implements RoomLog {
  private readonly rooms = new Map<string, { room: StoredRoom; events: { id: number; event: RoomEvent }[] }>();
  private readonly listeners = new Set<(code: string) => void>();
  private nextId = 1;

  async create(room: StoredRoom) {
    if (this.rooms.has(room.code)) return false;
    this.rooms.set(room.code, { room, events: [] });
    return true;
  }
  async find(code: string) {
    return this.rooms.get(code)?.room;
  }
  async append(code: string, event: RoomEvent) {
    const entry = this.rooms.get(code);
    if (!entry) return;
    entry.events.push({ id: this.nextId++, event: structuredClone(event) });
    for (const l of this.listeners) l(code);
  }
  async since(code: string, after: number) {
    return (this.rooms.get(code)?.events ?? []).filter((e) => e.id > after).map((e) => ({ id: e.id, event: structuredClone(e.event) }));
  }
  onAppend(listener: (code: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  async removeExpired(now: number) {
    let removed = 0;
    for (const [code, { room }] of this.rooms) if (room.expiresAt <= now) (this.rooms.delete(code), removed++);
    return removed;
  }
  async close() {
    this.listeners.clear();
  }
}

const CHANNEL = 'live_room';
/** The first key of the rooms' advisory locks (the second is the room's code hashed). */
const ROOM_LOCK = 15;

/** The same log in PostgreSQL: `live_rooms` and `live_room_events`, created if missing. */
export class PostgresRoomLog implements RoomLog {
  private readonly pool: pg.Pool;
  private listener: pg.Client | undefined;
  private readonly listeners = new Set<(code: string) => void>();

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(url: string): Promise<PostgresRoomLog> {
    const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 });
    pool.on('error', () => {});
    const log = new PostgresRoomLog(pool);
    await pool.query(`CREATE TABLE IF NOT EXISTS live_rooms (code TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS live_room_events (id BIGSERIAL PRIMARY KEY, code TEXT NOT NULL REFERENCES live_rooms(code) ON DELETE CASCADE, event JSONB NOT NULL)`,
    );
    await pool.query('CREATE INDEX IF NOT EXISTS live_room_events_code ON live_room_events (code, id)');
    const listener = new pg.Client({ connectionString: url });
    listener.on('error', () => {});
    await listener.connect();
    listener.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) for (const l of log.listeners) l(n.payload);
    });
    await listener.query(`LISTEN ${CHANNEL}`);
    log.listener = listener;
    return log;
  }

  async create(room: StoredRoom) {
    const result = await this.pool.query('INSERT INTO live_rooms (code, secret_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      room.code,
      room.secretHash,
      room.createdAt,
      room.expiresAt,
    ]);
    return result.rowCount === 1;
  }
  async find(code: string) {
    const { rows } = await this.pool.query('SELECT code, secret_hash, created_at, expires_at FROM live_rooms WHERE code = $1', [code]);
    const row = rows[0];
    return row ? { code: row.code, secretHash: row.secret_hash, createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) } : undefined;
  }
  async append(code: string, event: RoomEvent) {
    // A room's appends take turns (a transaction lock per room): ids are drawn when the row is
    // inserted but seen when it commits, so two appends at once could commit out of id order, and a
    // replica reading "after id n" in between would skip the lower one for good (the load bench
    // lost joins so). In turn, a room's ids become visible in order. The row and the wake-up
    // commit together, so no server is woken for an event it cannot read.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(${ROOM_LOCK}, hashtext($1))`, [code]);
      await client.query(`WITH added AS (INSERT INTO live_room_events (code, event) SELECT $1, $2::jsonb WHERE EXISTS (SELECT 1 FROM live_rooms WHERE code = $1) RETURNING code) SELECT pg_notify('${CHANNEL}', code) FROM added`, [
        code,
        JSON.stringify(event),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  async since(code: string, after: number) {
    const { rows } = await this.pool.query('SELECT id, event FROM live_room_events WHERE code = $1 AND id > $2 ORDER BY id', [code, after]);
    return rows.map((r) => ({ id: Number(r.id), event: r.event as RoomEvent }));
  }
  onAppend(listener: (code: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  async removeExpired(now: number) {
    return (await this.pool.query('DELETE FROM live_rooms WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
  async close() {
    this.listeners.clear();
    await this.listener?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
