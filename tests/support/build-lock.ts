import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * One `astro` process at a time in this checkout, across Playwright's workers. An `astro build`
 * rewrites `.astro/` (content-assets.mjs, content.d.ts), and an `astro dev` in the same folder takes
 * that for a content change and reloads its pages: the content preview's axe run then failed with
 * "Execution context was destroyed" whenever the institution editions were built meanwhile (seen in
 * CI, and reproduced: one reload per concurrent build). The specs that build or run dev in the
 * project folder hold this lock while they do.
 */

const lockDir = (root: string) => join(tmpdir(), `course-astro-lock-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Waits (polling, up to `timeoutMs`) until no other process of this checkout holds the lock, takes it, and returns its release. */
export async function astroLock(root: string, what: string, timeoutMs = 800_000): Promise<() => void> {
  const dir = lockDir(root);
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'owner'), JSON.stringify({ pid: process.pid, what }));
      let released = false;
      return () => {
        if (!released) rmSync(dir, { recursive: true, force: true });
        released = true;
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: { pid: number; what: string } | undefined;
    try {
      owner = JSON.parse(readFileSync(join(dir, 'owner'), 'utf8'));
    } catch {
      // Taken a moment ago and its owner file not written yet, or released meanwhile: look again.
    }
    // A worker that died holding it (killed run): its lock goes.
    if (owner && !alive(owner.pid)) rmSync(dir, { recursive: true, force: true });
    else if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for the astro lock held by ${owner ? `${owner.what} (pid ${owner.pid})` : 'another worker'}`);
    else await new Promise((r) => setTimeout(r, 500));
  }
}
