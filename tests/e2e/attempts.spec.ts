import { execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { readQuizzes, standardLabels } from '../../src/lib/course/read-sources';
import { guessabilityProblems } from '../../src/lib/quiz/guessability';
import { answered, answerShown, LOCALES, modulePath, openModule, quizzes, shownOrder, shownQuestion, submitAnswer, next, t } from './course';
import { bestAnswersOf } from '../../src/lib/quiz/scenario';
import { astroLock } from '../support/build-lock';

const quiz = quizzes.find((q) => q.moduleId === 'komunikacijas-principi')!;

/** A fresh learner: a new browser context with empty storage, on the module's first question. */
async function freshLearner(browser: Browser, locale: 'lv' | 'en') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openModule(page, locale, quiz.moduleId);
  await page.getByTestId('quiz-start').click();
  return { context, page };
}

/** Answers the question on screen with the key and moves on. */
async function answerOne(page: import('@playwright/test').Page, locale: 'lv' | 'en') {
  const { scenario, step } = await shownQuestion(page);
  await submitAnswer(page, locale, bestAnswersOf(quiz.scenarios.find((s) => s.id === scenario)!).find((e) => e.step === step)!);
  await next(page);
}

for (const locale of LOCALES) {
  test(`two fresh learners get different attempts: other scenarios drawn, or the same options in another order (${locale})`, async ({ browser }) => {
    const [a, b] = [await freshLearner(browser, locale), await freshLearner(browser, locale)];
    let differs = false;
    for (let i = 0; i < 10 && !differs; i++) {
      const [qa, qb] = [await shownQuestion(a.page), await shownQuestion(b.page)];
      // A pool draws per attempt: another scenario at the same place is a different attempt.
      if (qa.scenario !== qb.scenario) {
        differs = true;
        break;
      }
      expect(qa).toEqual(qb);
      const [oa, ob] = [await shownOrder(a.page), await shownOrder(b.page)];
      expect([...oa].sort()).toEqual([...ob].sort());
      differs = oa.join() !== ob.join();
      if (!differs) await Promise.all([answerOne(a.page, locale), answerOne(b.page, locale)]);
    }
    expect(differs).toBe(true);
    await a.context.close();
    await b.context.close();
  });

  test(`a reload keeps the attempt's order, before the first answer and mid-quiz (${locale})`, async ({ page }) => {
    await openModule(page, locale, quiz.moduleId);
    await page.getByTestId('quiz-start').click();
    const first = await shownOrder(page);
    await page.reload();
    await expect(page.getByTestId('quiz').locator('form')).toBeVisible();
    expect(await shownOrder(page)).toEqual(first);
    await answerOne(page, locale);
    await answerOne(page, locale);
    const where = await shownQuestion(page);
    const order = await shownOrder(page);
    await page.reload();
    await expect(page.getByTestId('quiz').locator('form')).toBeVisible();
    expect(await shownQuestion(page)).toEqual(where);
    expect(await shownOrder(page)).toEqual(order);
  });
}

for (const locale of LOCALES) {
  test(`two tabs of one quiz follow one attempt: the second neither overwrites the first nor mixes answers (${locale})`, async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openModule(a, locale, quiz.moduleId);
    await a.getByTestId('quiz-start').click();
    await openModule(b, locale, quiz.moduleId);
    await expect(b.getByTestId('quiz').locator('form')).toBeVisible();
    const question = await shownQuestion(b);
    // Tab A answers; tab B, still on the same question, moves to A's feedback with a notice.
    await submitAnswer(a, locale, bestAnswersOf(quiz.scenarios.find((s) => s.id === question.scenario)!)[0]!);
    await expect(b.getByTestId('quiz-other-tab')).toHaveText(t(locale, 'quiz.otherTab'));
    await expect(answered(b)).toBeVisible();
    const stored = await b.evaluate(() => JSON.parse(localStorage.getItem('smkurss.progress')!).modules);
    expect(stored[quiz.moduleId].current.log).toHaveLength(1);
    await a.close();
    await b.close();
  });
}

test.describe('a quiz that draws from a larger pool', () => {
  // One worker: the pool course is built and served once for these tests.
  test.describe.configure({ mode: 'serial' });
  const work = mkdtempSync(join(tmpdir(), 'pool-course-'));
  const poolId = 'kapec-vadlinijas';
  let server: Server;
  let base = '';

  test.beforeAll(async () => {
    // The build may first wait for another spec's astro process (tests/support/build-lock.ts).
    test.setTimeout(720_000);
    const dir = join(work, 'quizzes');
    cpSync('quizzes', dir, { recursive: true });
    // The module's scenarios twice over (ids suffixed, twins paired with their copies' twins): each attempt draws 8.
    const file = join(dir, `${poolId}.yaml`);
    const data = parse(readFileSync(file, 'utf8'));
    data.scenarios = [...data.scenarios, ...data.scenarios.map((s: { id: string; twin?: string }) => ({ ...structuredClone(s), id: `${s.id}-b`, ...(s.twin ? { twin: `${s.twin}-b` } : {}) }))];
    data.draw = { count: 8, atLeast: { account: 1, disclosure: 1, branching: 1 } };
    writeFileSync(file, stringify(data));
    // The copies repeat the originals' known faults under new ids; list them as known for this build.
    const known = Object.fromEntries(readQuizzes(process.cwd(), dir).map((q) => [q.moduleId, guessabilityProblems(q, standardLabels()).map((p) => p.key)]));
    writeFileSync(join(dir, '_known-failures.yaml'), stringify(known));
    // Built inside the project, where the server chunks that prerendering loads find node_modules.
    const dist = join('test-results', 'pool-course');
    const release = await astroLock(process.cwd(), 'attempts: build the doubled pool');
    try {
      execSync(`npx astro build --outDir ${dist}`, { env: { ...process.env, COURSE_QUIZ_DIR: dir }, stdio: 'ignore' });
    } finally {
      release();
    }
    const client = join(dist, 'client');
    server = createServer((req, res) => {
      let path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      try {
        const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }[extname(path)];
        res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(join(client, path)));
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  test.afterAll(() => {
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const locale of LOCALES) {
    test(`a retry after failing meets scenarios the failed attempt did not show (${locale})`, async ({ page }) => {
      const pool = readQuizzes(process.cwd(), join(work, 'quizzes')).find((q) => q.moduleId === poolId)!;
      await page.goto(base + modulePath(locale, poolId));
      await expect(page.getByTestId('quiz')).toBeVisible();
      await page.getByTestId('quiz-start').click();
      const failed = await answerShown(page, locale, pool, 'worst');
      expect(failed).toHaveLength(8);
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'false');
      await page.getByRole('button', { name: t(locale, 'quiz.retry') }).click();
      const retried = await answerShown(page, locale, pool, 'best');
      expect(retried).toHaveLength(8);
      expect(retried.filter((id) => !failed.includes(id)).length).toBeGreaterThan(0);
      await expect(page.getByTestId('result')).toHaveAttribute('data-passed', 'true');
    });
  }
});
