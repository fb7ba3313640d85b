import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { keyedAttempt, quizzes, shownQuestion, t } from './course';
import { bestAnswersOf } from '../../src/lib/quiz/scenario';
import { attemptQuiz } from '../../src/lib/quiz/attempt';
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
  // Pass marks of the LMS's own, as Moodle 4.5 applies them: a 1.2 mastery score of 80 with
  // scorm-again's mastery override in a normal, for-credit launch (Moodle's default "Mastery score
  // overrides status"), and a 2004 scaled passing score of 0.8 (Moodle copies the manifest's
  // minNormalizedMeasure there), which scorm-again compares with cmi.score.scaled on Terminate.
  const q = new URLSearchParams(location.search);
  const name = 'Bērziņa, Anna';
  const suspend = q.get('suspend') ? { suspend_data: q.get('suspend') } : {};
  const api = q.get('version') === '2004' ? (window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 })) : (window.API = new Scorm12API({ autocommit: false, logLevel: 5 }));
  if (q.get('version') === '2004') api.loadFromJSON({ learner_name: name, scaled_passing_score: '0.8', ...suspend });
  else api.loadFromJSON({ core: { student_name: name, credit: 'credit', lesson_mode: 'normal' }, student_data: { mastery_score: '80' }, ...suspend });
  // What the LMS sees: every commit with the values it holds at that moment, and every report.
  window.__lms = { commits: [], reports: 0 };
  api.on(q.get('version') === '2004' ? 'Commit' : 'LMSCommit', () => __lms.commits.push(JSON.parse(JSON.stringify(api.cmi))));
  api.on(q.get('version') === '2004' ? 'SetValue.cmi.suspend_data' : 'LMSSetValue.cmi.suspend_data', () => __lms.reports++);
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
  for (const [i, quiz] of quizzes.slice(0, -1).entries()) {
    const attempt = keyedAttempt(quiz, 100 + i);
    progress = completeAttempt(progress, quiz.moduleId, attempt, scoreQuiz(attemptQuiz(quiz, attempt), attempt.log), new Date());
  }
  return JSON.stringify(progress);
}

/** The LMS's status and score in either version, read the same way ('' where nothing was reported). */
const num = (value: string) => (value === '' ? '' : Number(value));
const held = (version: '12' | '2004', cmi: any) =>
  version === '2004'
    ? { status: `${cmi.completion_status}/${cmi.success_status}`, raw: num(cmi.score.raw), scaled: num(cmi.score.scaled), progress: num(cmi.progress_measure) }
    : { status: cmi.core.lesson_status, raw: num(cmi.core.score.raw) };

for (const p of packages) {
  test(`SCORM ${p.version === '12' ? '1.2' : '2004'} package (${p.locale}): never passed before the last module, completes, commits rarely, and resumes from suspend data`, async ({ page }) => {
    test.setTimeout(180_000);
    // The pages' <meta> Content-Security-Policy must not block anything inside the LMS's frames.
    const csp: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && csp.push(m.text())));
    const pkg = `course-${p.locale}-${p.version}`;
    const course = page.frameLocator('#sco').frameLocator('#course');
    const last = quizzes.at(-1)!;
    const cmi = () => page.evaluate((v) => JSON.parse(JSON.stringify(v === '2004' ? (window as any).API_1484_11.cmi : (window as any).API.cmi)), p.version);
    const lms = () => page.evaluate(() => (window as any).__lms as { commits: any[]; reports: number });
    const incomplete = p.version === '2004' ? { status: 'incomplete/unknown', raw: '', scaled: '', progress: 0.87 } : { status: 'incomplete', raw: '' };

    // Session 1: 7 of 8 passed in this browser, nothing in the LMS yet. The LMS learns of the seven
    // passes at once, and holds incomplete with no score, also after leaving, when the LMS's own
    // pass mark would apply.
    await page.goto(`${base}/blank.html`);
    await page.evaluate((value) => localStorage.setItem('smkurss.progress', value), almostDone());
    await page.goto(`${base}/harness.html?version=${p.version}&pkg=${pkg}`);
    await expect(course.locator(`[data-module="${last.moduleId}"]`)).toHaveAttribute('data-status', 'not-started');
    await expect.poll(async () => (await lms()).commits.length).toBe(1);
    const thresholds = await cmi();
    expect(p.version === '2004' ? [thresholds.scaled_passing_score, thresholds.credit] : [thresholds.student_data.mastery_score, thresholds.core.credit]).toEqual([p.version === '2004' ? '0.8' : '80', 'credit']);
    expect(held(p.version, (await lms()).commits[0])).toEqual(incomplete);
    await page.evaluate(() => document.getElementById('sco')!.remove());
    await expect.poll(async () => (p.version === '2004' ? (await cmi()).exit : (await cmi()).core.exit)).toBe('suspend');
    expect(held(p.version, await cmi())).toEqual(incomplete);
    const atSeven: string = (await cmi()).suspend_data;

    // Session 2, another browser: the LMS's suspend data alone brings the seven back; the last
    // module is taken with every report set and few commits.
    await page.goto(`${base}/blank.html`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/harness.html?version=${p.version}&pkg=${pkg}&suspend=${encodeURIComponent(atSeven)}`);
    await expect(course.locator(`[data-module="${quizzes[0]!.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    await course.locator(`[data-module="${last.moduleId}"] h3 a`).click();
    await course.getByTestId('quiz-start').click();
    // Whatever the attempt draws, answered with the key, step by step.
    let answers = 0;
    for (; answers < 60 && !(await course.getByTestId('result').isVisible()); answers++) {
      const form = course.getByTestId('quiz').locator('form');
      await expect(form).toBeVisible();
      const { scenario: id, step } = await shownQuestion(course, [last]);
      const scenario = last.scenarios.find((s) => s.id === id)!;
      const entry = bestAnswersOf(scenario).find((e) => e.step === step)!;
      for (const id of entry.choice) await course.locator(`input[name="answer"][value="${id}"]`).check();
      await course.getByRole('button', { name: t(p.locale, 'quiz.submit') }).click();
      await course.getByTestId('feedback').or(course.getByTestId('feedback-held')).getByRole('button').click();
    }
    await expect(course.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    await expect.poll(async () => held(p.version, await cmi()).status).toBe(p.version === '2004' ? 'completed/passed' : 'passed');

    const { commits, reports } = await lms();
    console.log(`SCORM ${p.version} ${p.locale}: module "${last.moduleId}", ${answers} answers, ${reports} reports set, ${commits.length} commits`);
    expect(reports).toBe(2 * answers + 1); // start, each answer, each "next": one commit each before
    expect(commits.length).toBeLessThanOrEqual(Math.ceil(reports / 5) + 1);
    expect(commits.length).toBeLessThanOrEqual(answers / 2);
    // Every commit before the pass held incomplete and no score; the pass itself went out at once.
    for (const committed of commits.slice(0, -1)) expect(held(p.version, committed)).toEqual(incomplete);
    expect(held(p.version, commits.at(-1))).toEqual(p.version === '2004' ? { status: 'completed/passed', raw: 100, scaled: 1, progress: 1 } : { status: 'passed', raw: 100 });
    let values = await cmi();
    expect(p.version === '2004' ? values.score : values.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
    const suspend: string = values.suspend_data;
    expect(suspend.length).toBeGreaterThan(20);
    expect(suspend.length).toBeLessThan(4096);

    // No server inside the LMS, so no final test: the finished course leads to the certificate page.
    await expect(course.getByTestId('course-done')).toBeVisible();
    await expect(course.getByTestId('result-final-test')).toHaveCount(0);
    await expect(course.getByTestId('result-certificate')).toBeVisible();
    // The learner's name from the LMS fills the certificate form.
    await course.getByTestId('result-certificate').click();
    await expect(course.getByLabel(t(p.locale, 'cert.name'))).toHaveValue('Anna Bērziņa');

    // Leaving the course: session time and exit are recorded, the session terminates, and the
    // LMS's own pass mark agrees with the course.
    await page.evaluate(() => document.getElementById('sco')!.remove());
    await expect.poll(async () => (p.version === '2004' ? (await cmi()).session_time : (await cmi()).core.session_time)).toMatch(p.version === '2004' ? /^PT\d+H\d+M[\d.]+S$/ : /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    values = await cmi();
    expect(p.version === '2004' ? values.exit : values.core.exit).toBe('suspend');
    expect(held(p.version, values).status).toBe(p.version === '2004' ? 'completed/passed' : 'passed');

    // Session 3, another browser: re-entry shows every module passed and sends nothing new.
    await page.goto(`${base}/blank.html`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${base}/harness.html?version=${p.version}&pkg=${pkg}&suspend=${encodeURIComponent(suspend)}`);
    for (const quiz of quizzes) await expect(course.locator(`[data-module="${quiz.moduleId}"]`)).toHaveAttribute('data-status', 'passed');
    expect((await lms()).commits).toHaveLength(0);
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
    // No pass mark the LMS could apply to the score (Moodle passed 7 of 8 modules by the 1.2 mastery score).
    expect(manifest).not.toMatch(/masteryscore|minNormalizedMeasure|completionThreshold/i);
    const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).sort();
    expect(listed).toEqual(Object.keys(zip).filter((f) => f !== 'imsmanifest.xml').sort());
    // No page may point at the server root: the LMS decides where the package lives.
    for (const [name, bytes] of Object.entries(zip))
      if (name.endsWith('.html')) expect(new TextDecoder().decode(bytes), name).not.toMatch(/\s(?:href|src|component-url|renderer-url)="\/(?!\/)/);
  }
});
