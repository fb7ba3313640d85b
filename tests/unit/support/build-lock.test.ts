import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroLock } from '../../support/build-lock';

// The lock that keeps the e2e specs' astro builds away from the content preview's dev server.
describe('astroLock', () => {
  it('lets one holder in at a time, the next when the first releases', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lock-root-'));
    const order: string[] = [];
    const releaseA = await astroLock(root, 'a');
    const b = astroLock(root, 'b').then((release) => {
      order.push('b in');
      return release;
    });
    await new Promise((r) => setTimeout(r, 1200));
    order.push('a out');
    releaseA();
    (await b)();
    expect(order).toEqual(['a out', 'b in']);
  });

  it('gives up with the holder named when it waits too long', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lock-root-'));
    const release = await astroLock(root, 'the institution build');
    await expect(astroLock(root, 'dev', 800)).rejects.toThrow(/the institution build \(pid \d+\)/);
    release();
  });

  it('takes over a lock whose holder has died', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lock-root-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dir = join(tmpdir(), `course-astro-lock-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'owner'), JSON.stringify({ pid: Number(dead.stdout), what: 'a killed worker' }));
    const release = await astroLock(root, 'next', 5000);
    release();
  });
});
