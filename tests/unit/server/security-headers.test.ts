import { describe, expect, it } from 'vitest';
import { frameAncestors, securityHeaders } from '../../../scripts/security-headers.mjs';

describe('security headers', () => {
  it('lets only the course itself frame its pages by default', () => {
    expect(securityHeaders({})['Content-Security-Policy']).toBe("frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");
  });

  it('names the LMS origins given in FRAME_ANCESTORS', () => {
    expect(securityHeaders({ FRAME_ANCESTORS: "'self'  https://lms.example.lv https://*.macibas.example" })['Content-Security-Policy']).toContain(
      "frame-ancestors 'self' https://lms.example.lv https://*.macibas.example;",
    );
  });

  it('refuses a FRAME_ANCESTORS value that could inject another directive or allow any site', () => {
    for (const bad of ['https://a.example; script-src *', '*', 'https:', "'none' https://a.example", 'javascript:alert(1)', ''])
      expect(() => frameAncestors(bad), bad).toThrow(/FRAME_ANCESTORS/);
  });

  it('sends nosniff, no-referrer and a Permissions-Policy that turns off devices', () => {
    const h = securityHeaders({});
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['Permissions-Policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  });
});
