import { scenarioOf } from '../../../lib/final-test/draw';
import { stepAfter } from '../../../lib/final-test/public-item';
import { isLocale } from '../../../lib/i18n/locales';
import { pickStrings } from '../../../lib/i18n/translate';
import { leadsOn } from '../../../lib/quiz/scenario';
import { attemptOf, finalTestRoute, readPath, sameChoice, stepRequests } from '../../../server/final-test-api';
import { finalTestBank } from '../../../server/final-test-bank';
import { json } from '../../../server/json-api';
import { register } from '../../../server/register/open-register';

/**
 * The next step of a story in a final-test attempt. The browser sends the token, the item's index
 * and the item's path so far, the new answer last; the server checks the path against what it has
 * fixed for this attempt, fixes the new answer (once: a different answer to a step already fixed
 * is refused, 409) and answers with the step that follows, or `null` where the story ends. No key
 * and no feedback: only what the learner would see next anyway.
 */
export const prerender = false;

const MAX_BODY = 16 * 1024;

export const POST = finalTestRoute({ maxBody: MAX_BODY, answersKept: true, requests: stepRequests }, async ({ body: b }) => {
  const attempt = await attemptOf(b.token);
  if (!attempt.ok) return attempt.response;
  const { claims } = attempt;
  const index = b.item;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= claims.items.length) return json(400, { code: 'item-invalid', message: 'item must be the index of an item of this attempt' });
  const scenario = scenarioOf(finalTestBank().bank, claims.items[index]!)!;
  if (!leadsOn(scenario)) return json(400, { code: 'not-a-story', message: 'this item is a single question: it has no next step' });
  const path = readPath(b.answers);
  if (!path?.length) return json(400, { code: 'step-invalid', message: 'answers must be the item’s steps in order, each with options the step offers' });

  const store = await register();
  if (await store.attemptSubmitted(claims.id)) return json(409, { code: 'attempt-submitted', message: 'this attempt has already been submitted' });
  // What is fixed is checked before the path is checked against the bank: otherwise a path past
  // another answer would tell, by being valid or not, where that answer leads.
  const fixed = new Map((await store.fixedSteps(claims.id)).filter((f) => f.item === index).map((f) => [f.step, f.choice]));
  for (const a of path.slice(0, -1)) {
    const was = fixed.get(a.step);
    if (!was) return json(409, { code: 'step-out-of-order', message: 'an earlier step of this path was never answered here: answer the steps in order' });
    if (!sameChoice(was, a.choice)) return json(409, { code: 'step-fixed', message: 'an earlier step of this path was answered differently; its answer is fixed' });
  }
  const fixedLast = fixed.get(path.at(-1)!.step);
  if (fixedLast && !sameChoice(fixedLast, path.at(-1)!.choice)) return json(409, { code: 'step-fixed', message: 'this step was already answered in this attempt; its answer is fixed' });
  const locale = isLocale(claims.locale) ? claims.locale : 'lv';
  const next = stepAfter(scenario, claims.seed, path, locale, pickStrings(locale, ['option.']));
  if (next === undefined) return json(400, { code: 'step-invalid', message: 'answers must be the item’s steps in order, each with options the step offers' });
  const last = path.at(-1)!;
  const kept = await store.fixStep({ attempt: claims.id, item: index, step: last.step, choice: last.choice });
  if (!sameChoice(kept, last.choice)) return json(409, { code: 'step-fixed', message: 'this step was already answered in this attempt; its answer is fixed' });
  return json(200, { step: next });
});
