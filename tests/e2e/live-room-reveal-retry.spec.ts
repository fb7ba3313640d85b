import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { correctAt, optionsAt } from '../../src/lib/quiz/scenario';
import { LOCALES, quizzes, t } from './course';

/**
 * A phone that misses a step's reveal file (its line was down, the request failed) gets the
 * reasoning later: its own message and a „Mēģināt vēlreiz” button, and a try of its own when the
 * line comes back. Found in the course data: a single-answer scenario whose right option explains itself.
 */
const picked = (() => {
  for (const q of quizzes)
    for (const s of q.scenarios)
      if (s.kind === 'choice' && correctAt(s, undefined).some((id) => optionsAt(s, undefined).find((o) => o.id === id)?.feedback?.lv && optionsAt(s, undefined).find((o) => o.id === id)?.feedback?.en))
        return { module: q.moduleId, scenario: s };
  throw new Error('no single-answer scenario with an explained right option');
})();
const plan = `${picked.module}:${picked.scenario.id}`;

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

for (const locale of LOCALES) {
  test(`a phone whose reveal file failed gets the reasoning: a message and a button, a try when the line is back (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const presenterContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const presenter = await presenterContext.newPage();
    await presenter.goto(`${pathTo(locale as Locale, { page: 'present' })}?plan=${plan}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    const code = (await presenter.getByTestId('live-code').textContent())!.trim();

    // Two phones whose reveal files fail while `blocked`: one gets it back with its line, one with the button.
    let blocked = true;
    const phones = [];
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const asked = { count: 0 };
      await page.route('**/join-reveal/**', (route) => {
        asked.count++;
        return blocked ? route.abort('internetdisconnected') : route.continue();
      });
      await page.goto(`${pathTo(locale as Locale, { page: 'join' })}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
      await expect(page.getByTestId('join-question')).toBeVisible();
      phones.push({ context, page, asked });
    }
    await presenter.getByRole('button', { name: t(locale, 'present.reveal') }).click();
    for (const { page } of phones) {
      await expect(page.getByTestId('join')).toHaveAttribute('data-revealed', 'true');
      await expect(page.getByTestId('join-reveal-failed')).toContainText(t(locale, 'join.revealFailed'));
      await expect(page.getByTestId('join-reveal-retry')).toHaveText(t(locale, 'join.retry'));
      await expect(page.getByTestId('join-reason')).toHaveCount(0);
    }
    await noViolations(phones[0]!.page, `${locale}: the reveal file failed`);
    blocked = false;

    // The first phone's line drops and comes back: it tries again by itself.
    const [auto, byHand] = phones as [(typeof phones)[0], (typeof phones)[0]];
    await auto.context.setOffline(true);
    await expect(auto.page.getByTestId('join-offline')).toBeVisible();
    await auto.context.setOffline(false);
    await expect(auto.page.getByTestId('join-reason').first()).toBeVisible();
    await expect(auto.page.getByTestId('join-reveal-failed')).toHaveCount(0);

    // The other phone still shows the message (nothing retried it) until the button is pressed.
    const before = byHand.asked.count;
    await expect(byHand.page.getByTestId('join-reveal-failed')).toBeVisible();
    expect(byHand.asked.count).toBe(before);
    await byHand.page.getByTestId('join-reveal-retry').click();
    await expect(byHand.page.getByTestId('join-reason').first()).toBeVisible();
    await expect(byHand.page.getByTestId('join-reveal-failed')).toHaveCount(0);
    await expect(byHand.page.locator('#join-reveal-heading')).toBeFocused();
    expect(byHand.asked.count).toBe(before + 1);
    await noViolations(byHand.page, `${locale}: the reasoning after the button`);

    await presenterContext.close();
    for (const { context } of phones) await context.close();
  });
}
