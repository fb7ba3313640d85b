import { expect, test } from '@playwright/test';
import { pathTo } from '../../src/lib/i18n/routes';
import { LOCALES, quizzes } from './course';
import { watchCsp } from './csp';

const first = quizzes[0]!.moduleId;
const pagesIn = (locale: (typeof LOCALES)[number]) => [
  pathTo(locale, { page: 'home' }),
  pathTo(locale, { page: 'final-test' }),
  pathTo(locale, { page: 'progress' }),
  pathTo(locale, { page: 'certificate' }),
  pathTo(locale, { page: 'verify' }),
  pathTo(locale, { page: 'workshop' }),
  `${pathTo(locale, { page: 'present' })}?plan=${first}`,
  pathTo(locale, { page: 'join' }),
  ...quizzes.flatMap((q) => [pathTo(locale, { page: 'module', id: q.moduleId }), pathTo(locale, { page: 'guide', id: q.moduleId }), pathTo(locale, { page: 'handout', id: q.moduleId })]),
];

// One test per locale: some 30 pages each, every one waited on until its network is idle.
for (const locale of LOCALES)
  test(`every page loads and hydrates under the Content-Security-Policy with no violation (${locale})`, async ({ page }) => {
    test.setTimeout(240_000);
    const violations = await watchCsp(page);
    for (const path of [...(locale === 'lv' ? ['/'] : []), ...pagesIn(locale), `/${locale}/no-such-page/`]) {
      const response = await page.goto(path);
      await page.waitForLoadState('networkidle');
      if (path !== '/') expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'), path).toMatch(/script-src 'self' 'sha256-/);
      expect(response!.headers()['content-security-policy'] ?? '', path).toContain('frame-ancestors');
      // Islands hydrated: Astro removes the ssr attribute once a component is live.
      await expect(page.locator('astro-island[ssr]'), path).toHaveCount(0);
      expect(await violations(), path).toEqual([]);
    }
  });

test('the module quiz and the presenter work under the policy (scripts run, nothing is blocked)', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(pathTo('lv', { page: 'module', id: first }));
  await page.getByTestId('quiz-start').click();
  await expect(page.locator('input[name="answer"]').first()).toBeVisible();
  await page.goto(`${pathTo('en', { page: 'present' })}?plan=${first}`);
  await expect(page.getByTestId('presenter')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('the server sends the security headers on pages, static files, the JWKS, the API and 404s', async ({ request }) => {
  const script = (await (await request.get(pathTo('lv', { page: 'home' }))).text()).match(/\/_astro\/[^"]+\.js/)![0];
  const responses = [
    await request.get('/lv/'),
    await request.get(script),
    await request.get('/favicon.svg'),
    await request.get('/.well-known/jwks.json'),
    await request.get('/lv/no-such-page/'),
    await request.post('/api/certificates/', { data: {} }),
  ];
  for (const r of responses) {
    const h = r.headers();
    expect(h['content-security-policy'], r.url()).toBe("frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");
    expect(h['x-content-type-options'], r.url()).toBe('nosniff');
    expect(h['referrer-policy'], r.url()).toBe('no-referrer');
    expect(h['permissions-policy'], r.url()).toContain('camera=()');
  }
});

test('the server compresses pages and scripts (brotli or gzip) when the browser accepts it', async ({ request }) => {
  const html = await request.get('/lv/', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(html.headers()['content-encoding']).toBe('br');
  expect(html.headers()['vary']).toMatch(/accept-encoding/i);
  const gzip = await request.get('/en/', { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await gzip.text()).includes('<html')).toBe(true);
  const plain = await request.get('/en/', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
});
