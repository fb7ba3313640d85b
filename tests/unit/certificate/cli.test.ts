import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/lib/i18n/translate';
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
  it('prints a table in Latvian by default, marking the --jwks issuer as added, and exits 3 when every certificate is valid but a revocation could not be checked', () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'anna.jwt'), valid);
    const run = verify(folder);
    // Certificates without a revocation entry are never shown as a plain "valid".
    expect(run.stdout).toMatch(/Derīgs — atsaukums nav pārbaudīts \(pievienots izdevējs\)\s+Anna Bērziņa/);
    expect(run.stdout).toContain(`Parakstījis izdevējs „${issuer.id}”. Pārbaudīts ar izdevēju, kuru pievienojāt šajā pārbaudē (${issuer.id})`);
    expect(run.stdout).toContain(t('lv', 'verify.summary', { total: 1, valid: 1, invalid: 0 }));
    expect(run.status).toBe(3);
  }, 60_000);

  it('speaks English with --lang en, and exits 1 with a plain reason when one is not valid', () => {
    const [h, p, s] = valid.split('.');
    const tampered = join(dir, 'tampered.jwt');
    writeFileSync(tampered, [h, p!.slice(0, -2) + (p!.endsWith('A') ? 'BB' : 'AA'), s].join('.'));
    const run = verify(join(folder, 'anna.jwt'), tampered, '--lang', 'en');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Valid — revocation not checked \(added issuer\)\s+Anna Bērziņa/);
    expect(run.stdout).toMatch(/(Signature invalid|Not a certificate).*(changed after it was signed|cannot be read)/);
    expect(run.stdout).not.toMatch(/JWT|base64/);
  }, 60_000);

  it('writes the plain CSV with --csv and the Latvian spreadsheet CSV with --csv-lv', () => {
    const plain = verify(join(folder, 'anna.jwt'), '--csv', '--lang', 'en').stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(plain[0]).toBe('"Status","Name","Institution","Course","Attests","Version","Issued","Valid until","Issuer","Issuer ID","Key","Issuer in this check","Duplicate","ID","Source","Reason"');
    expect(plain[1]).toMatch(/^"Valid — revocation not checked \(added issuer\)","Anna Bērziņa",.*,"\d{4}-\d\d-\d\dT[\d:.]+Z",/);
    // A certificate without a final test says which assessment it attests (F7).
    expect(plain[1]).toContain('"Attests the module quizzes only; it does not include a final test."');
    const lv = verify(join(folder, 'anna.jwt'), '--csv-lv').stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lv[0]).toMatch(/^"Statuss";"Vārds";"Iestāde";/);
    expect(lv[1]).toMatch(/;"\d\d\.\d\d\.\d{4} \d\d:\d\d";/);
  }, 60_000);

  it('prints control characters from a file name or certificate inertly, so a terminal cannot be made to show "valid"', () => {
    const folder2 = join(dir, 'escape');
    mkdirSync(folder2, { recursive: true });
    writeFileSync(join(folder2, 'anna\u001b[8m\r.jwt'), 'not a certificate');
    const run = verify(folder2);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).toContain('‹U+001B›');
  }, 60_000);

  it('checks every file on its own: crafted, huge, duplicate and unreadable files and a symlink loop give rows, not a crash', () => {
    const crafted = join(dir, 'crafted');
    mkdirSync(crafted, { recursive: true });
    const poison = base64url.encode(JSON.stringify({ alg: { toString: 1, valueOf: 1 }, kid: 'x' }));
    writeFileSync(join(crafted, 'a-genuine.jwt'), valid);
    writeFileSync(join(crafted, 'b-same-again.jwt'), valid);
    writeFileSync(join(crafted, 'c-poison-header.jwt'), `${poison}.${valid.split('.')[1]}.AAAA`);
    writeFileSync(join(crafted, 'd-odd-record.json'), JSON.stringify({ format: 'smkurss-unsigned-record', name: { toString: 1 }, completedAt: { x: 1 } }));
    writeFileSync(join(crafted, 'e-odd-fields.jwt'), `${base64url.encode('{"alg":"RS256","kid":"nope"}')}.${base64url.encode(JSON.stringify({ type: ['OpenBadgeCredential'], credentialSubject: {}, validFrom: '2026-01-01', validUntil: ['x'], id: { a: 1 } }))}.AAAA`);
    writeFileSync(join(crafted, 'f-huge.jwt'), 'x'.repeat(2_000_000));
    symlinkSync('.', join(crafted, 'loop'));
    symlinkSync(join(dir, 'missing-target'), join(crafted, 'g-broken-link.jwt'));
    const run = verify(crafted, '--lang', 'en');
    expect(run.stderr).not.toMatch(/TypeError|ELOOP|at /);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const line = (file: string) => lines.find((l) => l.includes(file)) ?? '';
    expect(line('a-genuine.jwt')).toMatch(/^Valid.*appears more than once/);
    expect(line('b-same-again.jwt')).toMatch(/appears more than once/);
    expect(line('c-poison-header.jwt')).toMatch(/^Signature invalid/);
    expect(line('d-odd-record.json')).toMatch(/^Not a certificate.*unsigned course completion record/);
    expect(line('e-odd-fields.jwt')).toMatch(/^Unknown issuer/);
    expect(line('f-huge.jwt')).toContain('larger than 64 KB, so it was not checked');
    expect(line('g-broken-link.jwt')).toContain('could not be opened');
    expect(lines.filter((l) => l.includes('loop/'))).toEqual([]);
    expect(run.stdout).toContain(t('en', 'verify.summary', { total: 7, valid: 2, invalid: 5 }));
  }, 60_000);

  it('refuses a --jwks issuer that reuses the installation’s kid or issuer id, with the reason', async () => {
    const installation = await keyPair('RS256', 'installation-key');
    const { exportJWK } = await import('jose');
    const env = { ...process.env, CERT_PRIVATE_JWK: JSON.stringify({ ...(await exportJWK(installation.signing.key)), kid: 'installation-key' }), CERT_ISSUER_ID: 'https://kurss.example.lv/own-issuer' };
    const run = (keys: string, issuerId: string) => {
      writeFileSync(join(dir, 'pasted.json'), keys);
      return spawnSync('npx', ['tsx', 'src/cli/verify.ts', folder, '--jwks', join(dir, 'pasted.json'), '--issuer', issuerId, '--lang', 'en'], { cwd: root, encoding: 'utf8', timeout: 60_000, env });
    };
    const shadow = run(JSON.stringify({ keys: [{ ...publicJwk, kid: 'installation-key' }] }), 'https://evil.example/issuer');
    expect(shadow.status).toBe(2);
    expect(shadow.stderr).toContain(t('en', 'verify.issuerProblem.kid-taken'));
    const sameId = run(JSON.stringify({ keys: [publicJwk] }), 'https://kurss.example.lv/own-issuer');
    expect(sameId.status).toBe(2);
    expect(sameId.stderr).toContain(t('en', 'verify.issuerProblem.id-taken'));
  }, 60_000);
});
