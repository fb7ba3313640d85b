import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { allowsSeveral, correctAt, endingReached, leadsOn, nextStepOf, optionsAt, questionOf, startOf, stepsOf } from '../../src/lib/quiz/scenario';
import type { Scenario } from '../../src/lib/quiz/types';
import { withoutPickInstruction } from '../../src/lib/workshop/join-question';
import { LOCALES, quizzes, t } from './course';

/**
 * The phone's side of a live room, found in the course data (no ids or counts of the real course):
 * one module's multi scenario, single-answer scenario and story, run by a presenter with one phone.
 * The phone says how to answer a multi question once; its wrong pick is marked wrong (colour and
 * text); a story's tie and ending are said; and nothing of a scenario's key or reasoning reaches
 * the phone before that scenario's reveal.
 */
const picked = (() => {
  for (const q of quizzes) {
    const multis = q.scenarios.filter((s) => allowsSeveral(s) && !leadsOn(s));
    // A multi question that carries its own instruction, if the module has one: the case to fix.
    const multi = multis.find((s) => withoutPickInstruction(questionOf(s, undefined).lv) !== questionOf(s, undefined).lv) ?? multis[0];
    const single = q.scenarios.find((s) => s.kind === 'choice' && optionsAt(s, undefined).length >= 3);
    const story = q.scenarios.find((s) => leadsOn(s) && optionsAt(s, startOf(s)).length >= 2);
    if (multi && single && story) {
      const ids = q.scenarios.map((s) => s.id);
      // The presenter shows a module's scenarios in the file's order.
      const slides = [multi, single, story].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      return { module: q.moduleId, slides };
    }
  }
  throw new Error('no module with a multi scenario, a single-answer scenario and a story');
})();
const plan = `${picked.module}:${picked.slides.map((s) => s.id).join('.')}`;
const joinPath = (locale: Locale) => pathTo(locale, { page: 'join' });
const letter = (i: number) => String.fromCharCode(65 + i);

/** A scenario's reasoning in one language: every option's feedback and source quote, at every step. */
const reasoningOf = (s: Scenario, locale: Locale) =>
  stepsOf(s).flatMap((step) => optionsAt(s, step).flatMap((o) => [o.feedback?.[locale], o.source?.quote?.[locale]].filter((x): x is string => !!x && x.length > 30)));

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

/** A CSS colour as the browser computes it (for comparing with computed styles). */
const colourOf = (page: Page, value: string) =>
  page.evaluate((v) => {
    const probe = document.createElement('span');
    probe.style.color = v;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, value);

for (const locale of LOCALES) {
  test(`a phone follows a multi question, a single answer and a story: the instruction once, a wrong pick marked wrong, a tie and the ending said, no reasoning before its reveal (${locale})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const presenterContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const presenter = await presenterContext.newPage();
    await presenter.goto(`${pathTo(locale, { page: 'present' })}?plan=${plan}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    const code = (await presenter.getByTestId('live-code').textContent())!.trim();

    const phoneContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    // Every response the phone gets (but the event stream, which does not end), and how many reveals had come.
    let reveals = 0;
    const bodies: Promise<{ url: string; body: string; reveals: number }>[] = [];
    phone.on('response', (r) => {
      if ((r.headers()['content-type'] ?? '').includes('text/event-stream')) return;
      const at = reveals;
      bodies.push(r.text().then((body) => ({ url: r.url(), body, reveals: at }), () => ({ url: r.url(), body: '', reveals: at })));
    });
    await phone.goto(`${joinPath(locale)}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
    const order = () => presenter.getByTestId('presenter-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-option')!));
    const choose = async (ids: string[]) => {
      for (const id of ids) await phone.locator(`input[name="answer"][value="${id}"]`).check();
      await phone.getByTestId('join-send').click();
      await expect(phone.getByTestId('join-answer-status')).toContainText(t(locale, 'join.sent', { letters: '' }).slice(0, 8));
    };
    /** Nothing the phone received so far holds this scenario's reasoning (shared texts of shown scenarios aside). */
    const shown: Scenario[] = [];
    const nothingOf = async (s: Scenario) => {
      const before = shown.flatMap((x) => reasoningOf(x, locale));
      const secrets = reasoningOf(s, locale).filter((text) => !before.includes(text));
      for (const { url, body } of await Promise.all(bodies)) {
        expect(url, 'the presenter’s whole file never reaches the phone').not.toContain('/presenter-data/');
        for (const text of secrets) expect(body.includes(text), `${url} holds reasoning of ${s.id} before its reveal`).toBe(false);
      }
    };
    const reveal = async () => {
      reveals++;
      await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
      await expect(phone.getByTestId('join')).toHaveAttribute('data-revealed', 'true');
    };

    for (const [n, s] of picked.slides.entries()) {
      const start = startOf(s);
      const raw = questionOf(s, start)[locale];
      await expect(presenter.locator('h1.question')).toHaveText(raw);
      const ids = await order();
      if (allowsSeveral(s)) {
        // The instruction once: in the legend's hint (read out with the question), not in the question too.
        await expect(phone.getByTestId('join-question')).toHaveText(withoutPickInstruction(raw));
        await expect(phone.getByTestId('join-pick-hint')).toHaveText(t(locale, 'join.pickSeveral'));
        expect(await phone.getByTestId('join-pick-hint').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), 'the pick hint (px)').toBeGreaterThanOrEqual(16);
        await expect(phone.getByRole('group')).toHaveAccessibleName(new RegExp(`${t(locale, 'join.pickSeveral')}$`));
        const said = await phone.locator('main').innerText();
        const instructions = said.match(/(izvēlieties|atzīmējiet|select|choose)\s+(visas|all|every)/giu) ?? [];
        expect(instructions, 'one instruction on the phone').toHaveLength(1);
        await nothingOf(s);
        await choose([ids[0]!, ids[1]!]);
        await reveal();
        await noViolations(phone, `${locale}: a multi question revealed`);
      } else if (!leadsOn(s)) {
        await expect(phone.getByTestId('join-question')).toHaveText(raw);
        const right = correctAt(s, start);
        const wrong = ids.find((id) => !right.includes(id))!;
        await nothingOf(s);
        await choose([wrong]);
        await reveal();
        // The wrong pick: the wrong colours (not the checked highlight) and a mark in words.
        const pick = phone.locator(`[data-testid="join-option"][data-option="${wrong}"]`);
        const label = pick.locator('label');
        await expect(pick.getByTestId('join-wrong-mark')).toHaveText(`✗ ${t(locale, 'join.wrongMark')}`);
        await expect(label).toHaveCSS('border-top-color', await colourOf(phone, 'var(--bad)'));
        await expect(label).toHaveCSS('background-color', await colourOf(phone, 'var(--bad-bg)'));
        for (const id of right) {
          const ok = phone.locator(`[data-testid="join-option"][data-option="${id}"]`);
          await expect(ok.getByTestId('join-right-mark')).toBeVisible();
          expect(await ok.getByTestId('join-right-mark').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), 'the ✓ mark at 375 px (px)').toBeGreaterThanOrEqual(16);
          await expect(ok.getByTestId('join-wrong-mark')).toHaveCount(0);
          await expect(ok.locator('label')).toHaveCSS('border-top-color', await colourOf(phone, 'var(--ok)'));
        }
        await expect(phone.getByTestId('join-wrong-mark')).toHaveCount(1);
        await expect(phone.getByTestId('join-verdict')).toHaveText(t(locale, 'join.youWrong', { letters: letter(ids.indexOf(wrong)) }));
        await noViolations(phone, `${locale}: a wrong pick revealed`);
      } else {
        await nothingOf(s);
        let step = start;
        for (let i = 0; i < 10; i++) {
          const here = await order();
          await expect(phone.getByTestId('join-question')).toHaveText(questionOf(s, step)[locale]);
          const ends = here.findIndex((id) => nextStepOf(s, step, [id]) === undefined);
          let chosen: number;
          if (i === 0) {
            // A tie, one phone and one typed hand: the earlier option wins, as on the projector.
            const a = ends >= 0 ? ends : 0;
            const b = a + 1 < here.length ? a + 1 : a - 1;
            chosen = Math.min(a, b);
            await presenter.getByRole('button', { name: t(locale, 'present.addVote', { letter: letter(b) }) }).click();
            await choose([here[a]!]);
            await reveal();
            await expect(phone.getByTestId('join-room-chose')).toHaveText(t(locale, 'join.tie', { letter: letter(chosen) }));
            // The projector says the tie too, and which option the story goes on with (issue 15's review).
            const tied = new Intl.ListFormat(locale === 'lv' ? 'lv' : 'en-GB', { type: 'conjunction' }).format([letter(Math.min(a, b)), letter(Math.max(a, b))]);
            await expect(presenter.getByTestId('presenter-tie')).toHaveText(t(locale, 'present.tie', { letters: tied, letter: letter(chosen) }));
            // The story's badges read from the back of the room: 15 px or more; the guideline's words upright.
            const px = (l: ReturnType<Page['locator']>) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
            expect(await px(presenter.getByTestId('presenter-chose')), 'the majority badge (px)').toBeGreaterThanOrEqual(15);
            if (await presenter.getByTestId('reveal-legend').count()) expect(await px(presenter.getByTestId('reveal-legend')), 'the better-choice legend (px)').toBeGreaterThanOrEqual(15);
            for (const mark of await presenter.getByTestId('right-mark').all()) expect(await px(mark), 'the ✓ badge (px)').toBeGreaterThanOrEqual(15);
            await expect(presenter.getByTestId('source').first()).toHaveCSS('font-style', 'normal');
          } else {
            chosen = ends >= 0 ? ends : 0;
            await choose([here[chosen]!]);
            await reveal();
          }
          const next = nextStepOf(s, step, [here[chosen]!]);
          if (next === undefined) {
            // The story ends here: the ending's text and „Stāsts beidzas”.
            const ending = endingReached(s, [{ scenario: s.id, step, choice: [here[chosen]!] }])!;
            await expect(phone.getByTestId('join-ending')).toContainText(ending.text[locale]);
            await expect(phone.getByTestId('join-story-ends')).toHaveText(t(locale, 'join.storyEnds'));
            // No „next question” promised after the story's end (the phone cannot know one follows).
            await expect(phone.getByTestId('join-next')).toHaveCount(0);
            if (i > 0) await expect(phone.getByTestId('join-room-chose')).toHaveText(t(locale, 'join.roomChoseEnding', { letter: letter(chosen) }));
            await noViolations(phone, `${locale}: a story's ending on the phone`);
            break;
          }
          await expect(phone.getByTestId('join-ending')).toHaveCount(0);
          await presenter.getByRole('button', { name: `${t(locale, 'present.next')} →` }).click();
          step = next;
        }
        await expect(phone.getByTestId('join-ending')).toBeVisible();
      }
      shown.push(s);
      if (n < picked.slides.length - 1) await presenter.getByRole('button', { name: `${t(locale, 'present.next')} →` }).click();
    }
    // The summary: the multi row counts people (the phones that answered), its numbers named as ticks;
    // the story row has the ✓ of its better options; the outcome said once („Iznākums: slikts”).
    await presenter.getByRole('button', { name: t(locale, 'present.showSummary') }).click();
    const rows = presenter.getByTestId('summary-row');
    const multiRow = rows.nth(picked.slides.findIndex((s) => allowsSeveral(s) && !leadsOn(s)));
    await expect(multiRow.getByTestId('summary-ticks')).toHaveText(`${t(locale, 'present.ticks')}:`);
    await expect(multiRow.getByTestId('summary-people')).toHaveText(t(locale, 'present.peoplePhones', { count: 1 }));
    await expect(multiRow.getByTestId('summary-split')).toHaveText(`(${t(locale, 'present.splitTicks', { phones: 2, hands: 0 })})`);
    const story = picked.slides.find((s) => leadsOn(s))!;
    const storyRow = rows.nth(picked.slides.indexOf(story));
    const better = (optionsAt(story, startOf(story)) as readonly { mistake: boolean }[]).filter((o) => !o.mistake).length;
    if (better > 0 && better < optionsAt(story, startOf(story)).length) await expect(storyRow.locator('.vote.right').first()).toContainText('✓');
    const outcomes = (['best', 'acceptable', 'poor'] as const).map((o) => t(locale, 'present.endingReached', { outcome: t(locale, `present.outcome.${o}`) }));
    expect(outcomes).toContain((await storyRow.locator('td').nth(3).textContent())!.trim());
    // At 1024×768 the first results are on screen without scrolling (the hardest list comes after the table),
    // a story's steps are told apart, and each hardest scenario's figure says what it is, as its row does.
    const firstRow = (await rows.first().boundingBox())!;
    expect(firstRow.y + firstRow.height, 'first summary row on screen at 1024×768').toBeLessThanOrEqual(768);
    const storySteps = storyRow.locator('td.votes > div');
    if ((await storySteps.count()) > 1) {
      await expect(storySteps.nth(0).getByTestId('summary-step')).toHaveText(t(locale, 'present.stepN', { n: 1 }));
      await expect(storySteps.nth(1).getByTestId('summary-step')).toHaveText(t(locale, 'present.stepN', { n: 2 }));
    }
    const results = (await rows.locator('td:nth-child(4)').allTextContents()).map((x) => x.trim());
    for (const item of await presenter.getByTestId('hardest').locator('li').allTextContents())
      expect(results.some((r) => item.trim().endsWith(` — ${r}`)), `hardest item „${item}” ends with its row's result`).toBe(true);

    // The reasoning came after each reveal, one step's file at a time.
    const all = await Promise.all(bodies);
    expect(all.filter((b) => b.url.includes('/join-reveal/')).every((b) => b.reveals > 0)).toBe(true);
    expect(all.some((b) => b.url.includes('/join-reveal/'))).toBe(true);
    await presenterContext.close();
    await phoneContext.close();
  });
}
