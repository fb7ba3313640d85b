// A throw-away PostgreSQL cluster for the register's tests and the load test: initdb into a
// temporary folder, started on 127.0.0.1 (port 55432, or the next free one up to 55451) with a
// socket in that folder, stopped and deleted by stop(). As root (CI, the machines here) the
// server runs as the `postgres` user, which Debian's package creates; PostgreSQL refuses root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holding initdb and pg_ctl: the newest of Debian's /usr/lib/postgresql/<n>/bin, else PATH. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], 'bin');
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
  } catch {
    return undefined;
  }
}

const portTaken = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

export async function startCluster({ port = 55432, tries = 20 } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb): run `node scripts/ensure-test-tools.mjs`, or apt-get install postgresql');
  let chosen;
  for (let p = port; p < port + tries; p++) if (!(await portTaken(p))) { chosen = p; break; }
  if (!chosen) throw new Error(`ports ${port}–${port + tries - 1} on 127.0.0.1 are all in use`);
  const dir = mkdtempSync(join(tmpdir(), 'register-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool, args) => {
    const [command, all] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return execFileSync(command, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', `-p ${chosen} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=100`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${String(error.stderr || error.message).trim().slice(0, 500)}`);
  }
  let stopped = false;
  return {
    port: chosen,
    url: `postgres://postgres@127.0.0.1:${chosen}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
