import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../src/cli/register-servers';
import type { Locale } from '../../src/lib/i18n/locales';
import { pathTo } from '../../src/lib/i18n/routes';
import { optionsAt, questionOf, startOf } from '../../src/lib/quiz/scenario';
import { LOCALES, quizzes, t } from './course';

/**
 * A server restart forgets every room (they live in memory): the phones must not read that as the
 * end of the workshop. They ask for the new code from the screen, and the presenter is offered a
 * new room. A server of this spec's own, stopped and started again on the same port.
 */
const single = (() => {
  for (const q of quizzes) for (const s of q.scenarios) if (s.kind === 'choice' && optionsAt(s, undefined).length >= 3) return { module: q.moduleId, scenario: s };
  throw new Error('no single-answer scenario with three options');
})();
const joinPath = (locale: Locale) => pathTo(locale, { page: 'join' });

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), what).toEqual([]);
}

let server: RunningServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

for (const locale of LOCALES) {
  test(`after a server restart the phone asks for the new code (not "the workshop ended") and the presenter opens a new room (${locale})`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const port = Number(process.env.E2E_PORT ?? 4329) + 30 + info.workerIndex;
    server = await startServer(port, {});
    const presenterContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, baseURL: server.url });
    const presenter = await presenterContext.newPage();
    await presenter.goto(`${pathTo(locale, { page: 'present' })}?plan=${single.module}:${single.scenario.id}&lang=${locale}`);
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-loaded', 'all');
    await presenter.getByTestId('live-open').click();
    const code = (await presenter.getByTestId('live-code').textContent())!.trim();
    const phoneContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: server.url });
    const phone = await phoneContext.newPage();
    await phone.goto(`${joinPath(locale)}?${locale === 'lv' ? 'kods' : 'code'}=${code}`);
    const question = questionOf(single.scenario, startOf(single.scenario))[locale];
    await expect(phone.getByTestId('join-question')).toHaveText(question);

    await server.stop();
    server = await startServer(port, {});
    // The phone: the connection to this workshop is lost, type the new code; the field is there, empty, focused.
    await expect(phone.getByTestId('join-lost')).toHaveText(t(locale, 'join.roomLost'), { timeout: 30_000 });
    await expect(phone.getByTestId('join-closed')).toHaveCount(0);
    await expect(phone.getByTestId('join-code')).toBeFocused();
    await expect(phone.getByTestId('join-code')).toHaveValue('');
    await expect(phone.getByTestId('join-announcer')).toHaveText(t(locale, 'join.roomLost'));
    await noViolations(phone, `${locale}: the phone after a restart`);
    // The presenter: told so, and offered a new room.
    await expect(presenter.getByTestId('live-lost')).toContainText(t(locale, 'present.live.lost'), { timeout: 30_000 });
    await expect(presenter.getByTestId('live-closed')).toHaveCount(0);
    await presenter.getByTestId('live-reopen').click();
    await expect(presenter.getByTestId('live-code')).toHaveText(/^[A-Z2-9]{6}$/);
    const fresh = (await presenter.getByTestId('live-code').textContent())!.trim();
    expect(fresh).not.toBe(code);
    // The new code from the screen: the phone is back on the question the presenter is on.
    await phone.getByTestId('join-code').fill(fresh);
    await phone.getByRole('button', { name: t(locale, 'join.submit') }).click();
    await expect(phone.getByTestId('join-question')).toHaveText(question);
    await expect(presenter.getByTestId('live-joined')).toHaveText('1');

    // A room the presenter closes is "ended" on the phone, as before.
    presenter.once('dialog', (dialog) => void dialog.accept());
    await presenter.getByTestId('live-end').click();
    await expect(phone.getByTestId('join-closed')).toHaveText(t(locale, 'join.closed'), { timeout: 30_000 });
    await expect(phone.getByTestId('join-lost')).toHaveCount(0);
    await presenterContext.close();
    await phoneContext.close();
  });
}
