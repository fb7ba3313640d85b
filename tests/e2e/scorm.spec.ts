import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { bestAnswers, quizzes, t } from './course';
import { scoreQuiz } from '../../src/lib/quiz/scoring';
import { emptyProgress } from '../../src/lib/progress/progress-data';
import { completeAttempt } from '../../src/lib/progress/progress-updates';

/**
 * An LMS stand-in: scorm-again's Scorm12API / Scorm2004API in a harness page that frames the
 * package's launch file, served from a nested folder as an LMS would unpack it.
 */
const lms = join('test-results', 'lms');
const packages = [
  { locale: 'lv', version: '12' },
  { locale: 'en', version: '2004' },
  { locale: 'en', version: '12' },
  { locale: 'lv', version: '2004' },
] as const;
// One worker: the packages are built and unpacked once, and the tests share the LMS server.
test.describe.configure({ mode: 'serial' });
let server: Server;
let base = '';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

test.beforeAll(async () => {
  execSync('npx tsx src/cli/build-scorm.ts --no-build', { stdio: 'ignore' });
  rmSync(lms, { recursive: true, force: true });
  for (const p of packages) {
    const folder = join(lms, `course-${p.locale}-${p.version}`, 'unpacked', 'sco');
    const zip = unzipSync(readFileSync(join('dist-scorm', `socialie-mediji-${p.locale}-scorm${p.version}.zip`)));
    for (const [name, bytes] of Object.entries(zip)) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), bytes);
    }
  }
  copyFileSync(join('node_modules', 'scorm-again', 'dist', 'scorm-again.min.js'), join(lms, 'scorm-again.min.js'));
  writeFileSync(join(lms, 'blank.html'), '<!doctype html><title>LMS</title>');
  writeFileSync(
    join(lms, 'harness.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS harness</title><script src="scorm-again.min.js"></script>
<script>
  const q = new URLSearchParams(location.search);
  const name = 'Bērziņa, Anna';
  if (q.get('version') === '2004') {
    window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 });
    API_1484_11.loadFromJSON({ learner_name: name, ...(q.get('suspend') ? { suspend_data: q.get('suspend') } : {}) });
  } else {
    window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
    API.loadFromJSON({ core: { student_name: name }, ...(q.get('suspend') ? { suspend_data: q.get('suspend') } : {}) });
  }
</script></head><body><iframe id="sco" title="course" style="width:100%;height:1000px;border:0"></iframe>
<script>document.getElementById('sco').src = q.get('pkg') + '/unpacked/sco/scorm-launch.html';</script></body></html>`,
  );
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(lms, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => server?.close());

/** Every module but the last passed earlier, as stored progress in this browser. */
function almostDone() {
  let progress = emptyProgress();
  for (const quiz of quizzes.slice(0, -1)) progress = completeAttempt(progress, quiz.moduleId, bestAnswers(quiz), scoreQuiz(quiz, bestAnswers(quiz)), new Date());
  return JSON.stringify(progress);
}

for (const p of packages) {
  test(`SCORM ${p.version === '12' ? '1.2' : '2004'} package (${p.locale}): completes inside an LMS, reports, and resumes from suspend data`, async ({ page }) => {
    test.setTimeout(120_000);
    // The pages' <meta> Content-Security-Policy must not block anything inside the LMS's frames.
    const csp: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && csp.push(m.text())));
    const pkg = `course-${p.locale}-${p.version}`;
    await page.goto(`${base}/blank.html`);
    await page.evaluate((value) => localStorage.setItem('smkurss.progress', value), almostDone());
    await page.goto(`${base}/harness.html?version=${p.version}&pkg=${pkg}`);
    const course = page.frameLocator('#sco').frameLocator('#course');
    const last = quizzes.at(-1)!;
    await expect(course.locator(`[data-module="${last.moduleId}"]`)).toHaveAttribute('data-status', 'not-started');
    await course.locator(`[data-module="${last.moduleId}"] h3 a`).click();
    await course.getByTestId('quiz-start').click();
    for (const entry of bestAnswers(last)) {
      for (const id of entry.choice) await course.locator(`input[name="answer"][value="${id}"]`).check();
      await course.getByRole('button', { name: t(p.locale, 'quiz.submit') }).click();
      await course.getByTestId('feedback').getByRole('button').click();
    }
    await expect(course.getByTestId('result')).toHaveAttribute('data-passed', 'true');

    const cmi = () => page.evaluate((v) => JSON.parse(JSON.stringify(v === '2004' ? (window as any).API_1484_11.cmi : (window as any).API.cmi)), p.version);
    await expect.poll(async () => (p.version === '2004' ? (await cmi()).completion_status : (await cmi()).core.lesson_status)).toBe(p.version === '2004' ? 'completed' : 'passed');
    let values = await cmi();
    if (p.version === '2004') {
      expect(values).toMatchObject({ success_status: 'passed', score: { raw: '100', min: '0', max: '100' } });
      expect(Number(values.score.scaled)).toBe(1);
    } else {
      expect(values.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
    }
    const suspend: string = values.suspend_data;
    expect(suspend.length).toBeGreaterThan(20);
    expect(suspend.length).toBeLessThan(4096);

    // The learner's name from the LMS fills the certificate form.
    await course.locator('a[href$="sertifikats/index.html"], a[href$="certificate/index.html"]').first().click();
    await expect(course.getByLabel(t(p.locale, 'cert.name'))).toHaveValue('Anna Bērziņa');

    // Leaving the course: session time and exit are recorded, and the session terminates.
    await page.evaluate(() => document.getElementById('sco')!.remove());
    await expect.poll(async () => (p.version === '2004' ? (await cmi()).session_time : (await cmi()).core.session_time)).toMatch(p.version === '2004' ? /^PT\d+H\d+M[\d.]+S$/ : /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    values = await cmi();
    expect(p.version === '2004' ? values.exit : values.core.exit).toBe('suspend');

    // Another browser (empty storage): the LMS's suspend data brings the progress back.
    await page.goto(`${base}/blank.html`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/harness.html?version=${p.version}&pkg=${pkg}&suspend=${encodeURIComponent(suspend)}`);
    for (const quiz of quizzes) await expect(course.locator(`[data-module="${quiz.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    await expect(course.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute('content', /script-src 'self' 'sha256-/);
    expect(csp).toEqual([]);
  });
}

test('every package has its manifest at the root, the right schema, and lists every file', async () => {
  for (const p of packages) {
    const zip = unzipSync(readFileSync(join('dist-scorm', `socialie-mediji-${p.locale}-scorm${p.version}.zip`)));
    const manifest = new TextDecoder().decode(zip['imsmanifest.xml']);
    expect(manifest).toContain(p.version === '12' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>');
    expect(manifest).toContain(p.version === '12' ? 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"' : 'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).sort();
    expect(listed).toEqual(Object.keys(zip).filter((f) => f !== 'imsmanifest.xml').sort());
    // No page may point at the server root: the LMS decides where the package lives.
    for (const [name, bytes] of Object.entries(zip))
      if (name.endsWith('.html')) expect(new TextDecoder().decode(bytes), name).not.toMatch(/\s(?:href|src|component-url|renderer-url)="\/(?!\/)/);
  }
});
