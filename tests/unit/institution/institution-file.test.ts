import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { accentContrastProblems, contrastRatio } from '../../../src/lib/institution/contrast';
import { LOGO_MAX_BYTES, logoProblem, parseInstitution } from '../../../src/lib/institution/validate';
import { JSON_SCHEMAS, jsonSchemaText } from '../../../src/lib/json-schemas';
import { DEFAULT_ISSUER_NAME, issuerName, issuerProfile } from '../../../src/server/issuer-config';
import { loadInstitution } from '../../../src/server/institution';

const root = process.cwd();
const FIXTURES = join(root, 'tests/fixtures/institutions');
const full = join(FIXTURES, 'ministrija/institution.yaml');
const minimal = join(FIXTURES, 'agentura/institution.yaml');
const fullData = () => parse(readFileSync(full, 'utf8')) as Record<string, any>;

/** The full fixture with one change, checked: the problems it gives. */
function problemsWith(change: (data: Record<string, any>) => void): string[] {
  const data = fullData();
  change(data);
  const result = parseInstitution(stringify(data));
  return result.ok ? [] : result.problems;
}

describe('the institution file', () => {
  it('reads both fixtures and the documented example', () => {
    const m = loadInstitution(full);
    expect(m.name).toEqual({ lv: 'Testa ministrija', en: 'Ministry of Testing' });
    expect(m.issuerName).toBe('Testa ministrija');
    expect(m.accent).toBe('#1f4e79');
    expect(m.accounts.map((a) => a.platform)).toEqual(['facebook', 'x']);
    expect(m.logo.src).toMatch(/^data:image\/svg\+xml;base64,/);
    const a = loadInstitution(minimal);
    // The fewest fields: the issuer is the Latvian name, the alt text is made from the name, no accent, no accounts.
    expect([a.issuerName, a.logo.alt, a.accent, a.accounts]).toEqual(['Paraugu aģentūra', { lv: 'Paraugu aģentūra logotips', en: 'Sample Agency logo' }, undefined, []]);
    expect(a.logo.src).toMatch(/^data:image\/png;base64,/);
    expect(loadInstitution(join(root, 'institution.example.yaml')).name.lv).toBe('Piemēra ministrija');
  });

  it.each([
    ['a missing English name', (d: any) => delete d.name.en, 'name.en: missing'],
    ['an empty Latvian name', (d: any) => (d.name.lv = '  '), 'name.lv: the Latvian name is empty'],
    ['a long abbreviation', (d: any) => (d.abbreviation = 'A'.repeat(21)), 'abbreviation: at most 20 characters'],
    ['a logo address', (d: any) => (d.logo.file = 'https://example.lv/logo.svg'), 'logo.file: must be a local file (a path relative to the institution file), not an address'],
    ['a protocol-relative logo address', (d: any) => (d.logo.file = '//cdn.example.lv/logo.svg'), 'logo.file: must be a local file'],
    ['a JPEG logo', (d: any) => (d.logo.file = 'logo.jpg'), 'logo.file: must be an .svg or .png file'],
    ['a missing unit', (d: any) => delete d.contact.unit, 'contact.unit: missing'],
    ['a broken e-mail', (d: any) => (d.contact.email = 'komunikacija.example'), 'contact.email: must be an e-mail address'],
    ['a phone with letters', (d: any) => (d.contact.phone = 'zvaniet man'), 'contact.phone: must be a phone number'],
    ['an http intranet page', (d: any) => (d.contact.intranet = 'http://intranet.example/x'), 'contact.intranet: must be an https:// address'],
    ['a room in one locale', (d: any) => (d.contact.room = { lv: '312' }), 'contact.room.en: missing'],
    ['an unknown platform', (d: any) => (d.accounts[1].platform = 'myspace'), 'accounts #2 › platform: must be one of facebook, x,'],
    ['an account without a handle', (d: any) => delete d.accounts[0].handle, 'accounts #1 › handle: missing'],
    ['an http account link', (d: any) => (d.accounts[1].url = 'http://x.com/TestaMin'), 'accounts #2 › url: must be an https:// address'],
    // Escaped on output anyway, but an address with quotes or angle brackets is a mistake or an attempt to break out of an attribute.
    ['an account link with a double quote', (d: any) => (d.accounts[0].url = 'https://www.facebook.com/TestaMinistrija"onmouseover="x'), 'accounts #1 › url: must not contain " \' < or > (an address never needs them; write %22 %27 %3C %3E if one does)'],
    ['an account link with a single quote', (d: any) => (d.accounts[1].url = "https://x.com/Testa'Min"), 'accounts #2 › url: must not contain " \' < or >'],
    ['an account link with angle brackets', (d: any) => (d.accounts[0].url = 'https://www.facebook.com/<script>'), 'accounts #1 › url: must not contain " \' < or >'],
    ['an intranet page with an angle bracket', (d: any) => (d.contact.intranet = 'https://intranet.example/a>b'), 'contact.intranet: must not contain " \' < or >'],
    ['an empty issuer name', (d: any) => (d.issuer.name = ''), 'issuer.name: the issuer name is empty'],
    ['an accent that is no colour', (d: any) => (d.accent = 'blue'), 'accent: must be a colour such as #1f4e79'],
    ['a misspelt field', (d: any) => (d.acounts = []), 'acounts: not a field of the institution file (a typo?)'],
    ['a misspelt contact field', (d: any) => (d.contact.mail = 'x@y.lv'), 'contact.mail: not a field of the institution file'],
  ])('names the field of %s', (_, change, message) => {
    const problems = problemsWith(change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('says every problem of a file at once, each as file › field: message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'institution-'));
    const file = join(dir, 'broken.yaml');
    const data = fullData();
    data.contact.email = 'nav-adrese';
    data.accounts[0].url = 'ftp://x';
    writeFileSync(file, stringify(data));
    expect(() => loadInstitution(file)).toThrow(`${file} › contact.email: must be an e-mail address`);
    expect(() => loadInstitution(file)).toThrow(`${file} › accounts #1 › url: must be an https:// address`);
  });

  it('refuses YAML that does not parse, a duplicate key, and a missing file', () => {
    expect(parseInstitution('name: [').ok).toBe(false);
    const twice = parseInstitution('abbreviation: A\nabbreviation: B\n');
    expect(twice.ok ? [] : twice.problems[0]).toMatch(/^YAML: /);
    expect(() => loadInstitution(join(FIXTURES, 'nowhere.yaml'))).toThrow(/nowhere\.yaml › cannot be read \(ENOENT\): check INSTITUTION_FILE/);
  });
});

describe('the logo', () => {
  const withLogo = (name: string, bytes: Uint8Array | string) => {
    const dir = mkdtempSync(join(tmpdir(), 'institution-'));
    writeFileSync(join(dir, name), bytes);
    const data = fullData();
    data.logo.file = name;
    writeFileSync(join(dir, 'i.yaml'), stringify(data));
    return () => loadInstitution(join(dir, 'i.yaml'));
  };

  it('must exist next to the institution file', () => {
    const data = fullData();
    data.logo.file = 'missing.svg';
    const dir = mkdtempSync(join(tmpdir(), 'institution-'));
    writeFileSync(join(dir, 'i.yaml'), stringify(data));
    expect(() => loadInstitution(join(dir, 'i.yaml'))).toThrow('› logo.file: missing.svg not found next to the institution file');
  });

  it('is size-limited and must be what its name says', () => {
    expect(withLogo('big.svg', `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(LOGO_MAX_BYTES)}</svg>`)).toThrow(/logo\.file: big\.svg is 65 KB; at most 64 KB/);
    expect(withLogo('fake.png', '<svg/>')).toThrow('logo.file: fake.png is not a PNG image');
    expect(withLogo('page.svg', '<html><body>not a logo</body></html>')).toThrow('logo.file: page.svg is not an SVG image');
    expect(logoProblem('ok.svg', new TextEncoder().encode('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg viewBox="0 0 1 1"/>'))).toBeUndefined();
  });
});

describe('the accent colour', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The course's own main colour passes against everything it is used with.
    expect(accentContrastProblems('#13365c')).toEqual([]);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('fails a colour too light for white text, with the ratio', () => {
    const problems = problemsWith((d) => (d.accent = '#3b82f6'));
    expect(problems[0]).toBe('accent: #3b82f6 has a contrast of 3.67:1 with #ffffff, the text on it (--brand-ink) and the page background (--bg); WCAG AA needs at least 4.5:1 (choose a darker colour)');
    // Grey #777 just misses 4.5:1 on white (4.48), and misses more on the light backgrounds.
    expect(problemsWith((d) => (d.accent = '#777'))).toHaveLength(4);
    expect(problemsWith((d) => (d.accent = '#767676'))[0]).toContain('with #f3f5f8');
    expect(problemsWith((d) => (d.accent = '#0b5d3b'))).toEqual([]);
  });
});

describe('the JSON Schemas for editors', () => {
  it.each(JSON_SCHEMAS.map((e) => [e.file, e] as const))('schemas/%s is up to date (npm run schemas)', (file, entry) => {
    expect(readFileSync(join(root, 'schemas', file), 'utf8'), `schemas/${file} is out of date: run npm run schemas`).toBe(jsonSchemaText(entry));
  });

  it('accept the example and the fixtures, and reject what the build rejects in their shape', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/institution.schema.json'), 'utf8')));
    for (const file of [full, minimal, join(root, 'institution.example.yaml')]) {
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/institution\.schema\.json$/);
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
    const broken = fullData();
    broken.contact.email = 'nav-adrese';
    broken.acounts = [];
    expect(validate(broken)).toBe(false);
  });
});

describe('the issuer certificates name', () => {
  const saved = { file: process.env.INSTITUTION_FILE, name: process.env.CERT_ISSUER_NAME };
  afterEach(() => {
    for (const [key, value] of [['INSTITUTION_FILE', saved.file], ['CERT_ISSUER_NAME', saved.name]] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  it('is the course without a file, as before', () => {
    delete process.env.INSTITUTION_FILE;
    delete process.env.CERT_ISSUER_NAME;
    expect(issuerProfile().name).toBe(DEFAULT_ISSUER_NAME);
    expect(DEFAULT_ISSUER_NAME).toBe('Sociālie mediji valsts pārvaldē — e-kurss');
    process.env.CERT_ISSUER_NAME = 'Valsts administrācijas skola';
    expect(issuerProfile().name).toBe('Valsts administrācijas skola');
  });

  it('is the institution file\'s issuer, and a CERT_ISSUER_NAME saying otherwise is refused', () => {
    process.env.INSTITUTION_FILE = full;
    delete process.env.CERT_ISSUER_NAME;
    expect(issuerProfile().name).toBe('Testa ministrija');
    process.env.INSTITUTION_FILE = minimal;
    expect(issuerName()).toBe('Paraugu aģentūra');
    process.env.CERT_ISSUER_NAME = 'Paraugu aģentūra';
    expect(issuerName()).toBe('Paraugu aģentūra');
    process.env.CERT_ISSUER_NAME = 'Cita iestāde';
    expect(() => issuerName()).toThrow('CERT_ISSUER_NAME ("Cita iestāde") and the institution file\'s issuer name ("Paraugu aģentūra") differ');
  });
});

describe('what the header and footer show', () => {
  it('shows only the fields a file has, and the accent only when set', async () => {
    const { institutionCss, institutionView } = await import('../../../src/lib/institution/view');
    const small = loadInstitution(minimal);
    expect(institutionView(small, 'en')).toMatchObject({ name: 'Sample Agency', unit: 'Public Relations Division', email: 'preses@paraugs.example', phone: undefined, room: undefined, intranet: undefined, accounts: [] });
    expect(institutionCss(small)).not.toContain('--brand');
    const big = loadInstitution(full);
    expect(institutionView(big, 'lv')).toMatchObject({ room: '3. stāvs, 312. kabinets', phone: { text: '+371 67 000 000', href: 'tel:+37167000000' }, accounts: [{ label: 'Facebook: TestaMinistrija' }, { label: 'X: @TestaMin' }] });
    expect(institutionCss(big)).toContain('html:root{--brand:#1f4e79}');
  });
});
