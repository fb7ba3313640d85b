import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers';
import { issuer, keyPair, signed } from './fixtures';

const { signing, publicJwk } = await keyPair();
const dir = mkdtempSync(join(tmpdir(), 'certs-'));
writeFileSync(join(dir, 'keys.json'), JSON.stringify({ keys: [publicJwk] }));
const folder = join(dir, 'folder');
const valid = await signed(signing, { issuedAt: new Date(), validMonths: 24 });

function verify(...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/verify.ts', ...args, '--jwks', join(dir, 'keys.json'), '--issuer', issuer.id], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run verify', () => {
  it('prints a table and exits 0 when every certificate is valid', () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'anna.jwt'), valid);
    const run = verify(folder);
    expect(run.stdout).toMatch(/valid\s+Anna Bērziņa/);
    expect(run.stdout).toContain('1 checked: 1 valid, 0 not valid.');
    expect(run.status).toBe(0);
  }, 60_000);

  it('exits 1 and says why when one is not valid, and writes CSV with --csv', () => {
    const [h, p, s] = valid.split('.');
    const tampered = join(dir, 'tampered.jwt');
    writeFileSync(tampered, [h, p!.slice(0, -2) + (p!.endsWith('A') ? 'BB' : 'AA'), s].join('.'));
    const run = verify(join(folder, 'anna.jwt'), tampered, '--csv');
    expect(run.status).toBe(1);
    const lines = run.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('status,name,institution,course,courseVersion,issued,validUntil,issuer,id,source,reason');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^(signature-invalid|not-a-certificate),/);
  }, 60_000);
});
