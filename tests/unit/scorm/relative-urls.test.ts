import { describe, expect, it } from 'vitest';
import { relativeUrl, relativiseHtml } from '../../../src/lib/scorm/relative-urls';

describe('relative URLs for SCORM packages', () => {
  it('points root-absolute URLs at the package root from any depth, naming index.html', () => {
    expect(relativeUrl('/lv/moduli/x/', 'lv/moduli/y/index.html')).toBe('../../../lv/moduli/x/index.html');
    expect(relativeUrl('/_astro/a.js', 'lv/index.html')).toBe('../_astro/a.js');
    expect(relativeUrl('/lv/darbnica/?plan=a#top', 'lv/index.html')).toBe('../lv/darbnica/index.html?plan=a#top');
    expect(relativeUrl('/lv/', 'index.html')).toBe('./lv/index.html');
  });

  it('rewrites attributes, the refresh and island props, leaving other URLs alone', () => {
    const html =
      '<a href="/en/">x</a><a href="#main">s</a><a href="https://example.lv/">e</a><script src="/_astro/p.js"></script>' +
      '<astro-island component-url="/_astro/C.js" props="{&quot;href&quot;:[0,&quot;/lv/progress/&quot;]}"></astro-island>' +
      '<meta http-equiv="refresh" content="0; url=/lv/">';
    const out = relativiseHtml(html, 'lv/moduli/a/index.html');
    expect(out).toContain('href="../../../en/index.html"');
    expect(out).toContain('href="#main"');
    expect(out).toContain('href="https://example.lv/"');
    expect(out).toContain('src="../../../_astro/p.js"');
    expect(out).toContain('component-url="../../../_astro/C.js"');
    expect(out).toContain('&quot;../../../lv/progress/index.html&quot;');
    expect(out).toContain('url=../../../lv/index.html"');
  });
});
