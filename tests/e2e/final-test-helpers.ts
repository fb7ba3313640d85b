import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { passingRequest } from '../../src/cli/register-servers';
import { openAttempt } from '../../src/lib/final-test/attempt-token';
import { loadBank } from '../../src/lib/final-test/bank';
import { scenarioOf, type Bank, type ItemRef } from '../../src/lib/final-test/draw';
import type { PublicAnswer } from '../../src/lib/final-test/public-item';
import type { Session } from '../../src/lib/final-test/session';
import type { Locale } from '../../src/lib/i18n/locales';
import { bestAnswersOf, leadsOn, worstAnswersOf } from '../../src/lib/quiz/scenario';
import type { Scenario } from '../../src/lib/quiz/types';
import { finalTestKeys } from '../../src/server/final-test-keys';
import { toPublic } from '../support/final-test-answers';

/**
 * Tests only: answering the final test right (or wrong) needs its key, which never goes to the
 * browser. Node reads the bank from the repository and opens the attempt's sealed seed and items
 * with the server's key (the same development key and issuer as the server under test), and
 * writes the answer in the public ids the page shows.
 */
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'quizzes', 'final-test');
export const finalBank = loadBank(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const)).bank;

export const SESSION_KEY = 'smkurss.final-test';
export const RESULT_KEY = 'smkurss.final-test.result';

export type Aim = 'best' | 'worst';

const attemptKey = (await finalTestKeys()).attempt;

/** The seed and the items an attempt token names (opened, not verified: the server does that). */
export function attemptOf(token: string): { seed: number; items: ItemRef[] } {
  const opened = openAttempt(token, attemptKey);
  if (!opened) throw new Error('the attempt token cannot be opened with this installation’s key: is the server under test using another key or issuer?');
  return opened;
}

export const scenarioAt = (token: string, index: number, bank: Bank = finalBank): Scenario => scenarioOf(bank, attemptOf(token).items[index]!)!;

/** The whole answer to item `index` of the attempt, aimed right or wrong, in public ids. */
export function answerFor(token: string, index: number, aim: Aim, bank: Bank = finalBank): PublicAnswer[] {
  const { seed } = attemptOf(token);
  const scenario = scenarioAt(token, index, bank);
  return toPublic(scenario, seed, (aim === 'best' ? bestAnswersOf : worstAnswersOf)(scenario));
}

const baseURL = () => test.info().project.use.baseURL!;

export const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** Another edition's course for takeFinalTest: its bank (an institution's items included) and a passing start request. */
export interface Edition {
  bank: Bank;
  passed: { logs: Record<string, unknown>; draws: Record<string, unknown> };
}

/**
 * Takes a whole final test through the API as a learner who passed every module (the same logs
 * as the stored progress of `passEverything`), stories step by step; returns the submission's answer.
 */
export async function takeFinalTest(aim: Aim = 'best', base = baseURL(), locale: Locale = 'lv', edition?: Edition) {
  const bank = edition?.bank ?? finalBank;
  const { logs, draws } = edition?.passed ?? passingRequest('x');
  const started = await post(`${base}/api/final-test/`, { locale, logs, draws });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const token = started.body.token as string;
  const answers = attemptOf(token).items.map((_, i) => answerFor(token, i, aim, bank));
  for (const [i, path] of answers.entries()) {
    if (!leadsOn(scenarioAt(token, i, bank))) continue;
    for (let n = 1; n <= path.length; n++) expect((await post(`${base}/api/final-test/step/`, { token, item: i, answers: path.slice(0, n) })).status).toBe(200);
  }
  const submitted = await post(`${base}/api/final-test/submit/`, { token, answers });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { ...(submitted.body as { percent: number; passed: boolean; review: string[]; result?: string }), token, items: started.body.items as { situation: string }[] };
}

/** Keeps a passed final test's result in the page's storage, as the final test page does. */
export async function storePassedFinalTest(page: Page) {
  const { result } = await takeFinalTest('best');
  expect(result).toBeTruthy();
  await page.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
  }, [RESULT_KEY, result!]);
}

/** The session the page keeps (token, items served, answers). */
export const sessionOf = async (page: Page): Promise<Session> => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY))!) as Session;

/** Presses Tab until `target` has the focus (at most 80 times): the keyboard's way to a control. */
export async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

/**
 * Answers the step on screen with the keyboard only: Tab into the options, Space and the arrow
 * keys to choose (radio buttons) or Tab and Space for each (check boxes), Tab to the button, Enter.
 */
export async function answerStepByKeyboard(page: Page, aim: Aim) {
  const form = page.getByTestId('final-test').locator('form');
  await expect(form.locator('legend')).toBeFocused();
  const session = await sessionOf(page);
  const index = Number(await form.getAttribute('data-item'));
  const depth = session.answers[index]!.length;
  const want = answerFor(session.token, index, aim)[depth]!;
  expect(await form.getAttribute('data-step')).toBe(want.step);
  const options = await form.locator('input[name="answer"]').evaluateAll((inputs) => inputs.map((i) => ({ value: (i as HTMLInputElement).value, type: (i as HTMLInputElement).type })));
  if (options[0]!.type === 'radio') {
    const k = options.findIndex((o) => o.value === want.choice[0]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
  } else {
    for (const o of options) {
      await page.keyboard.press('Tab');
      if (want.choice.includes(o.value)) await page.keyboard.press('Space');
    }
  }
  for (const o of options) await expect(form.locator(`input[value="${o.value}"]`)).toBeChecked({ checked: want.choice.includes(o.value) });
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button')).toBeFocused();
  // A story's answer goes to the server, and its next step (or its end) is shown only when the
  // server answers: wait for that answer itself, not for the next form within the few seconds an
  // expectation waits (under load the step's request took longer, and the next check failed with
  // "form not visible"). A refusal fails here, with the server's reason.
  const served = session.items[index]!.story ? page.waitForResponse((r) => r.url().endsWith('/api/final-test/step/') && r.request().method() === 'POST') : undefined;
  await page.keyboard.press('Enter');
  if (served) {
    const response = await served;
    expect(response.status(), await response.text()).toBe(200);
  }
  return { index, depth };
}

/** Answers every step the page shows, by keyboard, until the review (bounded). */
export async function answerAllByKeyboard(page: Page, aim: Aim, until?: (index: number) => boolean) {
  for (let guard = 0; guard < 200; guard++) {
    const state = page.getByTestId('final-test');
    await expect(state).toHaveAttribute('data-state', /answering|review/);
    if ((await state.getAttribute('data-state')) === 'review') return;
    const form = state.locator('form');
    await expect(form).toBeVisible();
    if (until?.(Number(await form.getAttribute('data-item')))) return;
    await answerStepByKeyboard(page, aim);
  }
  throw new Error('the final test did not reach its review');
}
