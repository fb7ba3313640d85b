import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A broken institution file stops `astro build` before anything is built (astro.config.mjs reads it
// first), with the file and the field named. A few seconds: Astro loads its configuration and stops.
const root = process.cwd();

describe('astro build with a broken institution file', () => {
  it('fails, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'institution-build-'));
    const fixture = join(root, 'tests/fixtures/institutions/ministrija');
    cpSync(join(fixture, 'logo.svg'), join(dir, 'logo.svg'));
    const file = join(dir, 'institution.yaml');
    writeFileSync(file, readFileSync(join(fixture, 'institution.yaml'), 'utf8').replace('https://x.com/TestaMin', 'x.com/TestaMin'));
    const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(root, 'dist-tests', `never-${process.pid}`)], {
      cwd: root,
      env: { ...process.env, INSTITUTION_FILE: file },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`${file} › accounts #2 › url: must be an https:// address`);
  }, 150_000);
});
