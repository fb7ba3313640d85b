import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { correctAt, leadsOn, nextStepOf, optionsAt, questionOf, startOf } from '../../src/lib/quiz/scenario';
import type { Scenario } from '../../src/lib/quiz/types';
import { LOCALES, quizzes, t } from './course';
import { watchCsp } from './csp';

/**
 * The live workshop room (issue 15) end to end: one presenter and three phones, each in its own
 * browser context (no shared storage), on the production server. The scenarios are found in the
 * course data: a single-answer scenario with three options or more, and a story whose first step
 * has an option that leads on to another step.
 */
const SHOTS = 'test-results/shots/live';
mkdirSync(SHOTS, { recursive: true });

const single = (() => {
  for (const q of quizzes) for (const s of q.scenarios) if (s.kind === 'choice' && optionsAt(s, undefined).length >= 3) return { module: q.moduleId, scenario: s };
  throw new Error('no single-answer scenario with three options');
})();
const story = (() => {
  for (const q of quizzes)
    for (const s of q.scenarios) {
      if (!leadsOn(s)) continue;
      const start = startOf(s);
      if (optionsAt(s, start).length >= 2 && optionsAt(s, start).some((o) => nextStepOf(s, start, [o.id]) !== undefined)) return { module: q.moduleId, scenario: s };
    }
  throw new Error('no branching scenario that leads on');
})();
const plan = single.module === story.module ? `${single.module}:${single.scenario.id}.${story.scenario.id}` : `${single.module}:${single.scenario.id},${story.module}:${story.scenario.id}`;
// The presenter shows a module's scenarios in the file's order: the plan's first slide may be either.
const slideOrder = (() => {
  if (single.module !== story.module) return [single, story];
  const ids = quizzes.find((q) => q.moduleId === single.module)!.scenarios.map((s) => s.id);
  return ids.indexOf(single.scenario.id) < ids.indexOf(story.scenario.id) ? [single, story] : [story, single];
})();

// The scenario with the most options (six: the schema's most) and, among those, the most text: the
// strip must leave it room at 1024×768 and 1280×720.
const sixOptions = (() => {
  let best: { module: string; scenario: Scenario; length: number } | undefined;
  for (const q of quizzes)
    for (const s of q.scenarios) {
      const start = startOf(s);
      const options = optionsAt(s, start);
      if (options.length < 6) continue;
      const length = JSON.stringify([s.situation, questionOf(s, start), options.map((o) => [o.label, o.feedback])]).length;
      if (!best || length > best.length) best = { module: q.moduleId, scenario: s, length };
    }
  if (!best) throw new Error('no scenario with six options in the course');
  return best;
})();

const joinPath = (locale: Locale) => pathTo(locale, { page: 'join' });
const letter = (i: number) => String.fromCharCode(65 + i);

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

async function phone(browser: Browser, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true });
  return { context, page: await context.newPage() };
}

/** The option ids in the order the presenter shows them. */
const presenterOrder = async (presenter: Page) => presenter.getByTestId('presenter-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));

async function choose(p: Page, option: string) {
  await p.locator(`input[name="answer"][value="${option}"]`).check();
  await p.getByTestId('join-send').click();
}

for (const locale of LOCALES) {
  const other: Locale = locale === 'lv' ? 'en' : 'lv';

  test(`a presenter and three phones run a scenario and a story (${locale}): live counts, no distribution before the reveal, combined majority`, async ({ browser }) => {
    test.setTimeout(180_000);
    const presenterContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const presenter = await presenterContext.newPage();
    const presenterCsp = await watchCsp(presenter);
    await presenter.goto(`${pathTo(locale, { page: 'present' })}?plan=${plan}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    const code = (await presenter.getByTestId('live-code').textContent())!.trim();
    // Focus goes to the room's code (with its name for a screen reader), not back to the page's top.
    await expect(presenter.locator('[data-testid="live-panel"] .code-box')).toBeFocused();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect(presenter.getByTestId('live-url')).toContainText(joinPath(locale));
    await expect(presenter.getByTestId('live-qr').locator('svg')).toBeVisible();
    // The secret stays in the presenter's tab: not in the page's text, not in the join address.
    const secret = await presenter.evaluate(() => JSON.parse(sessionStorage.getItem('live-room:presenter')!).secret as string);
    expect(secret.length).toBeGreaterThan(20);
    expect(await presenter.locator('body').innerHTML()).not.toContain(secret);

    // Three phones: a link with the code, a typed code (in the other language), a lower-case code.
    const phones = [await phone(browser, 320), await phone(browser, 375), await phone(browser, 375)];
    const [p1, p2, p3] = phones.map((p) => p.page) as [Page, Page, Page];
    const phoneCsp = await watchCsp(p1);
    // What phone 1 fetches of the course data, and when (M7: no key before the reveal).
    const fetched: { url: string; body: string; revealed: boolean }[] = [];
    let phonesRevealed = false;
    p1.on('response', (r) => {
      if (/\/(join-data|join-reveal|presenter-data)\//.test(r.url())) void r.text().then((body) => fetched.push({ url: r.url(), body, revealed: phonesRevealed }), () => {});
    });
    await p1.goto(`${joinPath(locale)}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
    await p2.goto(joinPath(other));
    await p2.getByTestId('join-code').fill(`${code.slice(0, 3)} ${code.slice(3).toLowerCase()}`);
    await p2.getByRole('button', { name: t(other, 'join.submit') }).click();
    await p3.goto(`${joinPath(locale)}?code=${code.toLowerCase()}`);
    await expect(presenter.getByTestId('live-joined')).toHaveText('3');
    // The language switch keeps the room: phone 2 comes back to the presenter's language, same phone.
    await expect(p2.getByTestId('join')).not.toHaveAttribute('data-status', 'joining');
    await p2.getByTestId('join-language').click();
    await expect(p2).toHaveURL(new RegExp(`${joinPath(locale)}\\?${locale === 'lv' ? 'kods' : 'code'}=${code}`));
    await expect(p2.getByTestId('join-question').or(p2.getByTestId('join-waiting'))).toBeVisible();
    await expect(presenter.getByTestId('live-joined')).toHaveText('3');

    for (const [n, { scenario }] of slideOrder.entries()) {
      const s: Scenario = scenario;
      const step = startOf(s);
      const question = questionOf(s, step)[locale];
      await expect(presenter.locator('h1.question')).toHaveText(question);
      const order = await presenterOrder(presenter);
      for (const p of [p1, p2, p3]) {
        await expect(p.getByTestId('join-question')).toHaveText(question);
        // The presenter's order and letters on every phone, and no key before the reveal.
        expect(await p.getByTestId('join-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')))).toEqual(order);
        await expect(p.locator('[data-testid="join-option"][data-right]')).toHaveCount(0);
        await expect(p.getByTestId('join-reveal')).toHaveCount(0);
      }
      // Focus moves to the new question (and the live region says so) for a screen reader.
      await expect(p1.getByTestId('join-question')).toBeFocused();
      await expect(p1.getByTestId('join-announcer')).toHaveText(t(locale, 'join.newQuestion'));
      if (n === 0) {
        await noViolations(p1, `${locale}: the phone's question at 320 px`);
        await p1.screenshot({ path: `${SHOTS}/join-${locale}-320-question.png`, fullPage: true });
      }

      if (!leadsOn(s)) {
        // Counts arrive live; the projector shows no distribution until the reveal.
        await choose(p1, order[0]!);
        await expect(presenter.getByTestId('live-answered')).toHaveText('1');
        await choose(p2, order[1]!);
        await expect(presenter.getByTestId('live-answered')).toHaveText('2');
        await choose(p3, order[0]!);
        await expect(presenter.getByTestId('live-answered')).toHaveText('3');
        await presenter.getByRole('button', { name: t(locale, 'present.addVote', { letter: 'C' }) }).click();
        await expect(presenter.getByTestId('vote-count')).toHaveText(order.map((_, i) => (i === 2 ? '1' : '0')));
        await expect(p3.getByTestId('join-answer-status')).toContainText(letter(0));
        // Sent: the button keeps focus (a screen reader is not thrown to the top) and the status is read out.
        await expect(p3.getByTestId('join-send')).toBeFocused();
        await expect(p3.getByTestId('join-answer-status')).toHaveAttribute('role', 'status');

        // Phone 3 goes offline, changes its answer there, and comes back: the change is kept and sent.
        await phones[2]!.context.setOffline(true);
        // The phone says at once that it is offline.
        await expect(p3.getByTestId('join-offline')).toHaveText(t(locale, 'join.offline'));
        await choose(p3, order[2]!);
        await expect(p3.getByTestId('join-answer-status')).toHaveText(t(locale, 'join.unsent', { letters: 'C' }));
        await phones[2]!.context.setOffline(false);
        await expect(p3.getByTestId('join-answer-status')).toHaveText(t(locale, 'join.sent', { letters: 'C' }), { timeout: 5000 });
        await expect(presenter.getByTestId('live-answered')).toHaveText('3');
        await presenter.screenshot({ path: `${SHOTS}/presenter-${locale}-1024x768.png` });
        // With the room's strip open at 1024×768 the slide fits again (the stage's size changed): every option inside the stage.
        await expect.poll(async () => {
          const stage = (await presenter.locator('main.stage').boundingBox())!;
          const boxes = await presenter.getByTestId('presenter-option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
          return boxes.every((bottom) => bottom <= stage.y + stage.height + 1);
        }).toBe(true);

        // Before the reveal the phone has fetched only the key-free file, which holds no key at all.
        expect(fetched.filter((f) => !f.revealed).length).toBeGreaterThan(0);
        for (const f of fetched.filter((f) => !f.revealed)) {
          expect(f.url).toContain('/join-data/');
          for (const key of ['"correct"', '"mistake"', '"feedback"', '"source"', '"next"', '"endings"']) expect(f.body, f.url).not.toContain(key);
        }
        phonesRevealed = true;
        await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
        // Phones A, B, C and a typed hand for C.
        const expected = order.map((_, i) => String([1, 1, 2][i] ?? 0));
        await expect(presenter.getByTestId('vote-count')).toHaveText(expected);
        const right = correctAt(s, step);
        for (const p of [p1, p2, p3]) {
          await expect(p.getByTestId('join')).toHaveAttribute('data-revealed', 'true');
          await expect(p.locator('#join-reveal-heading')).toBeFocused();
          const marked = await p.locator('[data-testid="join-option"][data-right="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
          expect(marked.sort()).toEqual([...right].sort());
          await expect(p.getByTestId('join-reason').first()).toBeVisible();
          await expect(p.getByTestId('join-source').first()).toBeVisible();
        }
        await expect(p3.getByTestId('join-verdict')).toHaveText(right.includes(order[2]!) ? t(locale, 'join.youRight') : t(locale, 'join.youWrong', { letters: 'C' }));
        await expect(p2.getByTestId('join-verdict')).toHaveText(right.includes(order[1]!) ? t(locale, 'join.youRight') : t(locale, 'join.youWrong', { letters: 'B' }));
        // The phone's own pick never hides the right mark: both where both hold, the pick alone elsewhere.
        const mine = p1.locator(`[data-testid="join-option"][data-option="${order[0]}"]`);
        await expect(mine.getByTestId('join-yours-mark')).toBeVisible();
        await expect(mine.getByTestId('join-right-mark')).toHaveCount(right.includes(order[0]!) ? 1 : 0);
        for (const id of right) await expect(p1.locator(`[data-testid="join-option"][data-option="${id}"]`).getByTestId('join-right-mark')).toBeVisible();
        // The reasoning came after the reveal, from that step's own file; the presenter's whole file never.
        await expect.poll(() => fetched.some((f) => f.revealed && f.url.includes('/join-reveal/'))).toBe(true);
        expect(fetched.filter((f) => f.url.includes('/presenter-data/'))).toEqual([]);

        // Back from the reveal (M2): the phones keep the revealed question and their answers, the counts stay.
        const seqBefore = await p3.getByTestId('join').getAttribute('data-seq');
        await presenter.getByRole('button', { name: `← ${t(locale, 'present.previous')}` }).click();
        await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-state', 'voting');
        await expect(presenter.getByTestId('vote-count')).toHaveText(expected);
        await presenter.waitForTimeout(1500);
        for (const p of [p1, p2, p3]) {
          await expect(p.getByTestId('join')).toHaveAttribute('data-revealed', 'true');
          await expect(p.getByTestId('join')).toHaveAttribute('data-seq', seqBefore!);
        }
        await expect(p3.getByTestId('join-verdict')).toBeVisible();
        // Revealed again: the phones' answers are not counted twice.
        await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
        await expect(presenter.getByTestId('vote-count')).toHaveText(expected);
        await noViolations(p1, `${locale}: the phone after the reveal at 320 px`);
        await p1.screenshot({ path: `${SHOTS}/join-${locale}-320-revealed.png`, fullPage: true });
        await p2.screenshot({ path: `${SHOTS}/join-${locale}-375-revealed.png`, fullPage: true });
      } else {
        // A story: one typed hand for an option, three phones for one that leads on; the combined majority leads.
        const leads = order.findIndex((id) => nextStepOf(s, step, [id]) !== undefined);
        const hand = leads === 0 ? 1 : 0;
        // With a room open the hint waits for the phones too, not only for typed-in hands.
        await expect(presenter.getByTestId('need-votes')).toHaveText(t(locale, 'present.needVotesLive'));
        await presenter.getByRole('button', { name: t(locale, 'present.addVote', { letter: letter(hand) }) }).click();
        for (const p of [p1, p2, p3]) await choose(p, order[leads]!);
        await expect(presenter.getByTestId('live-answered')).toHaveText('3');
        await expect(presenter.getByTestId('vote-count')).toHaveText(order.map((_, i) => (i === hand ? '1' : '0')));
        phonesRevealed = true;
        await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
        await expect(presenter.getByTestId('vote-count')).toHaveText(order.map((_, i) => (i === hand ? '1' : i === leads ? '3' : '0')));
        await expect(presenter.locator(`[data-testid="presenter-option"][data-option="${order[leads]}"] .chose`)).toBeVisible();
        // A story's step on the phone (M5): its better options (or that there is no single right one) and the room's choice.
        const better = (optionsAt(s, step) as readonly { id: string; mistake: boolean }[]).filter((o) => !o.mistake).map((o) => o.id);
        const betterLetters = order.flatMap((id, i) => (better.includes(id) ? [letter(i)] : [])).join(', ');
        const heading = better.length && better.length < order.length ? t(locale, 'join.better', { letters: betterLetters }) : t(locale, 'join.noSingleRight');
        // The projector marks the same better options as the phones, with a legend of the same words, and none when there is no better one.
        const keyed = better.length && better.length < order.length ? better : [];
        const marked = await presenter.locator('[data-testid="presenter-option"][data-right="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')));
        expect(marked.sort()).toEqual([...keyed].sort());
        for (const id of keyed) await expect(presenter.locator(`[data-testid="presenter-option"][data-option="${id}"]`).getByTestId('right-mark')).toHaveAttribute('title', t(locale, 'present.better'));
        if (keyed.length) await expect(presenter.getByTestId('reveal-legend')).toHaveText(`✓ ${t(locale, 'present.better')}`);
        else await expect(presenter.getByTestId('reveal-legend')).toHaveCount(0);
        // The majority's badge sits under the option's text, in the phones' words.
        const chosenOption = presenter.locator(`[data-testid="presenter-option"][data-option="${order[leads]}"]`);
        await expect(chosenOption.getByTestId('presenter-chose')).toHaveText(t(locale, 'present.roomChose'));
        expect(t(locale, 'present.roomChose')).toBe(t(locale, 'join.roomChoseMark'));
        const labelBox = (await chosenOption.locator('.label').boundingBox())!;
        const badgeBox = (await chosenOption.getByTestId('presenter-chose').boundingBox())!;
        expect(badgeBox.y, 'the badge is under the label').toBeGreaterThanOrEqual(labelBox.y + labelBox.height - 1);
        for (const p of [p1, p2, p3]) {
          await expect(p.locator('#join-reveal-heading')).toHaveText(heading);
          await expect(p.getByTestId('join-room-chose')).toHaveText(t(locale, 'join.roomChose', { letter: letter(leads) }));
          await expect(p.locator(`[data-testid="join-option"][data-option="${order[leads]}"]`).getByTestId('join-chosen-mark')).toBeVisible();
        }
        await noViolations(p1, `${locale}: a story step revealed on the phone`);

        // A reload of the presenter here (B1): the same step, revealed, with the room's votes; the phones are not reset.
        const seqs = await Promise.all([p1, p2, p3].map((p) => p.getByTestId('join').getAttribute('data-seq')));
        await presenter.reload();
        await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
        await expect(presenter.locator('h1.question')).toHaveText(question);
        await expect(presenter.getByTestId('vote-count')).toHaveText(order.map((_, i) => (i === hand ? '1' : i === leads ? '3' : '0')));
        await expect(presenter.getByTestId('live-code')).toHaveText(code);
        await expect(presenter.getByTestId('live-joined')).toHaveText('3');
        await presenter.waitForTimeout(1500);
        for (const [i, p] of [p1, p2, p3].entries()) {
          await expect(p.getByTestId('join')).toHaveAttribute('data-revealed', 'true');
          await expect(p.getByTestId('join')).toHaveAttribute('data-seq', seqs[i]!);
        }
        await presenter.getByRole('button', { name: `${t(locale, 'present.next')} →` }).click();
        const nextQuestion = questionOf(s, nextStepOf(s, step, [order[leads]!]))[locale];
        await expect(presenter.locator('h1.question')).toHaveText(nextQuestion);
        for (const p of [p1, p2, p3]) await expect(p.getByTestId('join-question')).toHaveText(nextQuestion);
        await expect(presenter.getByTestId('live-answered')).toHaveText('0');
        break;
      }
      await presenter.getByRole('button', { name: `${t(locale, 'present.next')} →` }).click();
    }

    // The summary holds the phones' and the hands' votes together.
    await presenter.getByRole('button', { name: t(locale, 'present.showSummary') }).click();
    const singleRow = presenter.getByTestId('summary-row').nth(slideOrder.indexOf(single));
    await expect(singleRow).toContainText('A: 1');
    await expect(singleRow).toContainText('C: 2');
    // Phones and hands apart: three phones and one typed hand.
    await expect(singleRow.getByTestId('summary-split')).toHaveText(`(${t(locale, 'present.split', { phones: 3, hands: 1 })})`);

    // The QR code, the event streams and the phones' page run under the Content-Security-Policy.
    expect(await presenterCsp()).toEqual([]);
    expect(await phoneCsp()).toEqual([]);

    // A reload of the presenter resumes the same room (the secret is in this tab only).
    await presenter.reload();
    await expect(presenter.getByTestId('live-code')).toHaveText(code);
    await expect(presenter.getByTestId('live-joined')).toHaveText('3');

    // Ending the voting (after a confirmation) closes the room for every phone, and it takes no more answers.
    presenter.once('dialog', (dialog) => void dialog.accept());
    await presenter.getByTestId('live-end').click();
    // The presenter says so and keeps focus off the page's body: here, on the summary (no slide
    // controls, so no button to start voting again), on the status itself.
    await expect(presenter.getByTestId('live-closed')).toHaveText(t(locale, 'present.live.closed'));
    await expect(presenter.getByTestId('live-closed')).toBeFocused();
    for (const { page: p } of phones) await expect(p.getByTestId('join-closed')).toHaveText(t(locale, 'join.closed'), { timeout: 30_000 });
    // The ended workshop's code is of no use: the field is empty (L7).
    for (const { page: p } of phones) await expect(p.getByTestId('join-code')).toHaveValue('');
    const refused = await presenter.request.post(`/api/rooms/${code}/join/`, { headers: { origin: new URL(presenter.url()).origin }, data: {} });
    expect(refused.status()).toBe(410);
    for (const c of [presenterContext, ...phones.map((p) => p.context)]) await c.close();
  });

  test(`back on an earlier slide the strip says visibly that the phones show another question; ending the voting on a slide focuses the button that starts it again (${locale})`, async ({ browser }) => {
    test.setTimeout(90_000);
    // Two scenarios of one module that need no votes to move on (not stories).
    const quiz = quizzes.find((q) => q.moduleId === single.module)!;
    const two = quiz.scenarios.filter((s) => !leadsOn(s)).slice(0, 2);
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const presenter = await context.newPage();
    await presenter.goto(`${pathTo(locale, { page: 'present' })}?plan=${quiz.moduleId}:${two.map((s) => s.id).join('.')}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    await expect(presenter.getByTestId('live-panel')).toHaveAttribute('data-status', 'live');
    await expect(presenter.getByTestId('live-answered')).toHaveText('0');
    await expect(presenter.getByTestId('live-elsewhere')).toHaveCount(0);
    // Reveal and on to the second slide (the phones get it), then back to the first.
    await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
    await presenter.getByRole('button', { name: `${t(locale, 'present.next')} →` }).click();
    await expect(presenter.getByTestId('presenter-counter')).toContainText(t(locale, 'present.counter', { current: 2, total: 2 }));
    await presenter.getByRole('button', { name: `← ${t(locale, 'present.previous')}` }).click();
    await expect(presenter.getByTestId('presenter-counter')).toContainText(t(locale, 'present.counter', { current: 1, total: 2 }));
    // „Atbildējuši – (cits jautājums)”: the reason on screen, not only in a title.
    await expect(presenter.getByTestId('live-answered')).toHaveText('–');
    await expect(presenter.getByTestId('live-elsewhere')).toBeVisible();
    await expect(presenter.getByTestId('live-elsewhere')).toHaveText(t(locale, 'present.live.elsewhere'));
    // The note is 15 px or more, on one line, and the strip stays one row.
    const note = await presenter.getByTestId('live-elsewhere').evaluate((e) => ({ px: parseFloat(getComputedStyle(e).fontSize), lines: e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize) }));
    expect(note.px, 'the note (px)').toBeGreaterThanOrEqual(15);
    expect(note.lines, 'the note is one line').toBeLessThan(1.9);
    expect((await presenter.getByTestId('live-panel').boundingBox())!.height, 'the strip is one row').toBeLessThanOrEqual(64);
    await presenter.screenshot({ path: `${SHOTS}/presenter-${locale}-1024x768-elsewhere.png` });
    // Ending the voting on a slide: the status says so and focus goes to the button that starts it again.
    presenter.once('dialog', (dialog) => void dialog.accept());
    await presenter.getByTestId('live-end').click();
    await expect(presenter.getByTestId('live-closed')).toHaveText(t(locale, 'present.live.closed'));
    await expect(presenter.getByTestId('live-open')).toBeFocused();
    await noViolations(presenter, `${locale}: the presenter after ending the voting`);
    await context.close();
  });

  test(`an answer chosen offline goes at once when the line is back, and a reveal before that says the change was not sent (${locale})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const presenterContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const presenter = await presenterContext.newPage();
    await presenter.goto(`${pathTo(locale, { page: 'present' })}?plan=${single.module}:${single.scenario.id}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    const code = (await presenter.getByTestId('live-code').textContent())!.trim();
    const { context, page: p } = await phone(browser, 375);
    await p.goto(`${joinPath(locale)}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
    await expect(p.getByTestId('join-question')).toBeVisible();
    const order = await presenterOrder(presenter);

    // Offline long enough for the retries to back off (1 + 2 + 4 s): back online, the answer goes at once.
    await context.setOffline(true);
    await choose(p, order[2]!);
    await expect(p.getByTestId('join-answer-status')).toHaveText(t(locale, 'join.unsent', { letters: 'C' }));
    await p.waitForTimeout(8000);
    await expect(presenter.getByTestId('live-answered')).toHaveText('0');
    await context.setOffline(false);
    await expect(p.getByTestId('join-announcer')).toHaveText(t(locale, 'join.restored'));
    await expect(presenter.getByTestId('live-answered')).toHaveText('1', { timeout: 3000 });
    await expect(p.getByTestId('join-answer-status')).toHaveText(t(locale, 'join.sent', { letters: 'C' }), { timeout: 3000 });

    // Changed offline again, and the presenter reveals first: the phone does not claim the change.
    await context.setOffline(true);
    await choose(p, order[1]!);
    await expect(p.getByTestId('join-answer-status')).toHaveText(t(locale, 'join.unsent', { letters: 'B' }));
    await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
    await expect(presenter.getByTestId('vote-count')).toHaveText(order.map((_, i) => (i === 2 ? '1' : '0')));
    await context.setOffline(false);
    await expect(p.getByTestId('join')).toHaveAttribute('data-revealed', 'true', { timeout: 10_000 });
    await expect(p.getByTestId('join-verdict')).toHaveText(`${t(locale, 'join.lost', { letters: 'B' })} ${t(locale, 'join.lostCounted', { letters: 'C' })}`);
    await expect(p.locator(`[data-testid="join-option"][data-option="${order[2]}"]`).getByTestId('join-yours-mark')).toBeVisible();
    await expect(p.locator(`[data-testid="join-option"][data-option="${order[1]}"]`).getByTestId('join-yours-mark')).toHaveCount(0);
    await noViolations(p, `${locale}: a change lost to the reveal`);
    for (const c of [presenterContext, context]) await c.close();
  });

  test(`the join page: a wrong code says so, and the form passes axe at 320 px (${locale})`, async ({ browser }) => {
    const { context, page } = await phone(browser, 320);
    await page.goto(joinPath(locale));
    await expect(page.getByTestId('join-code')).toBeFocused();
    await noViolations(page, `${locale}: the join form at 320 px`);
    await page.screenshot({ path: `${SHOTS}/join-${locale}-320-form.png`, fullPage: true });
    // Not a code at all: said before asking the server.
    await page.getByTestId('join-code').fill('ABC');
    await page.getByRole('button', { name: t(locale, 'join.submit') }).click();
    await expect(page.getByTestId('join-error')).toHaveText(t(locale, 'join.badCode'));
    // A well-formed code of no open room.
    await page.getByTestId('join-code').fill('ZZZZ22');
    await page.getByRole('button', { name: t(locale, 'join.submit') }).click();
    await expect(page.getByTestId('join-error')).toHaveText(t(locale, 'join.wrongCode'));
    await expect(page.getByTestId('join-code')).toHaveValue('ZZZZ22');
    await expect(page.getByTestId('join-code')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page, `${locale}: the join form with an error`);
    // Touch targets of at least 44 px.
    for (const el of [page.getByTestId('join-code'), page.getByRole('button', { name: t(locale, 'join.submit') }), page.getByTestId('join-language')]) {
      const box = (await el.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  test(`a phone in an opened room waits for the presenter, passes axe at 375 px, and no cookie is set (${locale})`, async ({ browser, request, baseURL }) => {
    const { code } = (await (await request.post('/api/rooms/', { headers: { origin: baseURL! } })).json()) as { code: string };
    const { context, page } = await phone(browser, 375);
    await page.goto(`${joinPath(locale)}?code=${code}`);
    await expect(page.getByTestId('join-waiting')).toHaveText(t(locale, 'join.waiting'));
    await noViolations(page, `${locale}: waiting for the presenter`);
    await page.screenshot({ path: `${SHOTS}/join-${locale}-375-waiting.png`, fullPage: true });
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
}

for (const locale of LOCALES) {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
  ]) {
    test(`with the phones' strip open at ${viewport.width}×${viewport.height}, every option of a six-option scenario and its reveal are on screen; the QR code opens large, scans and closes with Esc (${locale})`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${pathTo(locale, { page: 'present' })}?plan=${sixOptions.module}:${sixOptions.scenario.id}&lang=${locale}`);
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
      await page.getByTestId('live-open').click();
      await expect(page.getByTestId('live-code')).toHaveText(/^[A-Z2-9]{6}$/);
      const code = (await page.getByTestId('live-code').textContent())!.trim();
      await expect(page.getByTestId('live-qr').locator('svg')).toBeVisible();
      // One compact row: the strip is no taller than a button row.
      const strip = (await page.getByTestId('live-panel').boundingBox())!;
      expect(strip.height, 'the strip is one row').toBeLessThanOrEqual(64);
      const onScreen = async (what: string, items: ReturnType<Page['locator']>) => {
        await expect
          .poll(async () => {
            const stage = (await page.locator('main.stage').boundingBox())!;
            const boxes = await items.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
            const inside = boxes.every((b) => b.top >= stage.y - 1 && b.bottom <= stage.y + stage.height + 1 && b.bottom <= strip.y + 1 && b.left >= 0 && b.right <= viewport.width + 1);
            return boxes.length > 0 && inside;
          }, { message: what })
          .toBe(true);
      };
      await expect(page.getByTestId('presenter-option')).toHaveCount(6);
      await onScreen('six options before the reveal', page.getByTestId('presenter-option'));
      await page.keyboard.press('Digit1');
      await page.keyboard.press('r');
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
      await onScreen('six options after the reveal', page.getByTestId('presenter-option'));
      await onScreen('the reasoning', page.getByTestId('reveal').locator('h2, [data-testid="reason"] p, [data-testid="source"], .ending, [data-testid="discussion"]'));
      await page.screenshot({ path: `${SHOTS}/presenter-${locale}-${viewport.width}x${viewport.height}-six-options.png` });
      await noViolations(page, `${locale}: the presenter with the strip open at ${viewport.width}×${viewport.height}`);

      // The QR code large (M9): as tall as the screen allows, it decodes to the join address, Esc closes it.
      await page.getByTestId('live-qr').click();
      const big = page.getByTestId('live-qr-big');
      await expect(big).toBeVisible();
      const qr = big.locator('.qr-big-code svg');
      const box = (await qr.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(viewport.height * 0.7);
      await noViolations(page, `${locale}: the big QR code`);
      const shot = `${SHOTS}/qr-big-${locale}-${viewport.width}x${viewport.height}.png`;
      await qr.screenshot({ path: shot });
      const decoded = execFileSync('zbarimg', ['--quiet', '--raw', shot], { encoding: 'utf8' }).trim();
      expect(decoded).toBe(`${new URL(page.url()).origin}${joinPath(locale)}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
      await page.keyboard.press('Escape');
      await expect(big).toBeHidden();
      await expect(page.getByTestId('live-qr')).toBeFocused();
      // Esc closed the QR code only: the slide did not move.
      await expect(page.getByTestId('presenter')).toHaveAttribute('data-state', 'revealed');
      await context.close();
    });
  }
}
