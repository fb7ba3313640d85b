// Load test of the issuer's register, run by `npm run bench` after the build: 1,000 certificate
// requests from 20 concurrent clients against one server on SQLite, then against two servers
// sharing one PostgreSQL (the throw-away cluster of scripts/pg-cluster.mjs). Loopback only
// (127.0.0.1:4560–4562), bounded (a fixed number of requests, each with a 60 s timeout). Prints
// throughput, p50/p95 latency and errors, and checks that the register holds exactly the issued
// certificates with no status-list index twice; exits 1 when that or "0 errors" does not hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readStatusListCredential } from '../lib/certificate/status-list-credential';
import { bitAt } from '../lib/certificate/status-list';
import { issuerProfile } from '../server/issuer-config';
import { PostgresRegister } from '../server/register/postgres-register.ts';
import type { Register } from '../server/register/register.ts';
import { SqliteRegister } from '../server/register/sqlite-register.ts';
import { passingRequest, startServer, type RunningServer } from './register-servers';
import { startCluster } from '../../scripts/pg-cluster.mjs';

const TOTAL = Number(process.env.BENCH_REGISTER_TOTAL ?? 1000);
const CLIENTS = 20;
// The register under certificate load: the modules path, explicitly (with the default final test
// each certificate would need a graded attempt first, and this would measure the final test).
const base = { CERT_RATE_LIMIT: String(TOTAL * 10), CERT_ISSUER_ID: issuerProfile().id, CERT_ASSESSMENT: 'modules' };

interface Outcome {
  ms: number[];
  errors: Map<string, number>;
  ids: string[];
  seconds: number;
}

async function load(servers: RunningServer[]): Promise<Outcome> {
  const ms: number[] = [];
  const errors = new Map<string, number>();
  const ids: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < TOTAL) {
        const n = next++;
        const body = JSON.stringify(passingRequest(`Darbinieks ${n}`, `Iestāde ${n % 7}`));
        const t0 = performance.now();
        try {
          const response = await fetch(`${servers[n % servers.length]!.url}/api/certificates/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
          const json = (await response.json()) as { credential?: { id: string }; code?: string };
          if (response.status === 201 && json.credential) ids.push(json.credential.id);
          else errors.set(`${response.status} ${json.code ?? ''}`, (errors.get(`${response.status} ${json.code ?? ''}`) ?? 0) + 1);
        } catch (error) {
          errors.set((error as Error).name, (errors.get((error as Error).name) ?? 0) + 1);
        }
        ms.push(performance.now() - t0);
      }
    }),
  );
  return { ms: ms.sort((a, b) => a - b), errors, ids, seconds: (performance.now() - started) / 1000 };
}

async function report(label: string, outcome: Outcome, register: Register): Promise<boolean> {
  const pct = (p: number) => outcome.ms[Math.min(outcome.ms.length - 1, Math.floor((p / 100) * outcome.ms.length))]!.toFixed(0);
  const errors = [...outcome.errors.values()].reduce((a, b) => a + b, 0);
  const records = await register.list();
  const held = new Set(records.map((r) => r.id));
  const indexes = new Set(records.map((r) => r.statusIndex));
  const exact = records.length === outcome.ids.length && outcome.ids.every((id) => held.has(id));
  console.log(
    `${label}: ${TOTAL} requests from ${CLIENTS} clients in ${outcome.seconds.toFixed(1)} s = ${(TOTAL / outcome.seconds).toFixed(1)} certificates/s; ` +
      `p50 ${pct(50)} ms, p95 ${pct(95)} ms; errors ${errors}${errors ? ` (${[...outcome.errors].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}.`,
  );
  console.log(`  Register: ${records.length} certificates for ${outcome.ids.length} issued, ${exact ? 'exactly the issued ones' : 'NOT the issued ones'}; ${indexes.size} distinct status-list indexes${indexes.size === records.length ? ', none twice' : ', DUPLICATES'}.`);
  return errors === 0 && exact && indexes.size === records.length && records.length === TOTAL;
}

/** Revokes one certificate through the register and asks the other server's published list. */
async function revocationSeen(register: Register, other: RunningServer, id: string): Promise<boolean> {
  const record = (await register.get(id))!;
  await register.revoke(id, 'issued-in-error', new Date());
  const token = await (await fetch(`${other.url}/status/1/`, { signal: AbortSignal.timeout(10_000) })).text();
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
  const list = await readStatusListCredential(payload, payload.id, issuerProfile().id);
  return !!list && bitAt(list.bits, record.statusIndex);
}

let ok = true;
const scratch = mkdtempSync(join(tmpdir(), 'bench-register-'));
try {
  const file = join(scratch, 'register.sqlite');
  const one = await startServer(4560, { ...base, COURSE_URL: 'http://127.0.0.1:4560', CERT_REGISTER_FILE: file });
  try {
    const register = SqliteRegister.open(file);
    ok = (await report('SQLite, one server', await load([one]), register)) && ok;
    await register.close();
  } finally {
    await one.stop();
  }

  const cluster = await startCluster();
  try {
    const admin = new pg.Client(cluster.url);
    await admin.connect();
    await admin.query('CREATE DATABASE bench_register');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/bench_register');
    // Both servers start together on the empty database: one migrates it under the advisory lock.
    const servers = await Promise.all([4561, 4562].map((port) => startServer(port, { ...base, COURSE_URL: 'http://127.0.0.1:4561', DATABASE_URL: url })));
    try {
      const register = await PostgresRegister.open(url);
      const outcome = await load(servers);
      ok = (await report('PostgreSQL, two servers', outcome, register)) && ok;
      const seen = outcome.ids[0] ? await revocationSeen(register, servers[1]!, outcome.ids[0]) : false;
      console.log(`  A revocation through one server's database is in the other server's status list: ${seen ? 'yes' : 'NO'}.`);
      ok = seen && ok;
      await register.close();
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    cluster.stop();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (!ok) {
  console.error('The register load test FAILED (errors, lost certificates or a duplicate index): see above.');
  process.exit(1);
}
