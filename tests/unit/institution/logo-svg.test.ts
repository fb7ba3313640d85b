import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logoProblem } from '../../../src/lib/institution/validate';
import { root } from '../helpers';

// A hostile review (round 9): the logo is inert on the pages (an <img> of a data: address), but one
// that carries code or reaches another site is refused, naming the file and what it holds.
const svg = (inner: string, attrs = '') => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs} viewBox="0 0 10 10">${inner}</svg>`);

describe('logo SVG', () => {
  it('accepts the example and fixture logos and plain shapes with internal references', () => {
    for (const file of ['institution.example-logo.svg', 'tests/fixtures/institutions/ministrija/logo.svg'])
      expect(logoProblem(file, readFileSync(join(root, file)))).toBeUndefined();
    const plain = '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#g)" width="10" height="10"/><use xlink:href="#g"/><text>Iestāde on duty</text>';
    expect(logoProblem('logo.svg', svg(plain))).toBeUndefined();
  });

  it.each([
    ['<script>alert(1)</script>', 'a <script>'],
    ['<rect width="1" height="1"/>', 'an event handler', ' onload="alert(1)"'],
    ['<foreignObject><div>x</div></foreignObject>', 'a <foreignObject>'],
    ['<image href="https://evil.example/track.png"/>', 'a link or reference'],
    ['<image xlink:href="//evil.example/x.png"/>', 'a link or reference'],
    ['<a href="javascript:alert(1)"><text>x</text></a>', 'a link or reference'],
    ['<image href="data:image/svg+xml;base64,PHN2Zz4="/>', 'a link or reference'],
    ['<rect style="fill:url(https://evil.example/x)"/>', 'a url(…) reference'],
    ['<style>@import "https://evil.example/x.css";</style>', 'a url(…) reference|a stylesheet @import'],
  ])('refuses %s', (inner, what, attrs = '') => {
    expect(logoProblem('logo.svg', svg(inner, attrs))).toMatch(new RegExp(`^logo\\.svg holds (${what.replace(/[()…<>]/g, '.')})`));
  });

  it('refuses an entity declaration before the <svg> too', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>';
    expect(logoProblem('logo.svg', new TextEncoder().encode(text))).toMatch(/is not an SVG image|an XML entity declaration/);
  });
});
