import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAttempt, verifyAttempt, type AttemptClaims } from '../../../src/lib/final-test/attempt-token';
import { bankProblem, DEFAULT_RULES, drawFinalTest, itemKey, scenarioOf, type Bank } from '../../../src/lib/final-test/draw';
import { gradeAttempt } from '../../../src/lib/final-test/grade';
import { finalTestGambler, finalTestGamblerProblem } from '../../../src/lib/final-test/gambler';
import { finalTestLessonReader } from '../../../src/lib/final-test/lesson-reader';
import { itemStats, type AttemptRecord } from '../../../src/lib/final-test/item-stats';
import { bankAnswer, publicItem, stepAfter } from '../../../src/lib/final-test/public-item';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { bestAnswersOf, optionsAt, scoreScenario, worstAnswersOf } from '../../../src/lib/quiz/scenario';
import type { AnswerEntry, Quiz, Scenario } from '../../../src/lib/quiz/types';
import { fixtureQuiz } from '../helpers';
import { toPublic } from '../../support/final-test-answers';

const fixture = fixtureQuiz();
/** The fixture's account question again, its key flipped: the twin of the first item. */
const accountTwin = (() => {
  const first = fixture.scenarios[0] as Extract<Scenario, { kind: 'account' }>;
  return { ...first, id: `${first.id}-twin`, twin: first.id, options: first.options.map((o) => ({ ...o, correct: !o.correct })) } as Scenario;
})();
/** Eight modules, each with the fixture's five items (one of each kind) and a twin of its account item. */
const bank: Bank = Array.from({ length: 8 }, (_, m) => ({ ...fixture, moduleId: `m${m + 1}`, scenarios: [...fixture.scenarios, accountTwin] }));
const labels = standardLabels().lv;
/** Rules this fixture can meet (it has one pair a module, eight in all): the earlier defaults, 17 items and 8 pairs. */
const RULES = { ...DEFAULT_RULES, count: 17, twins: 8 };

describe('drawing a final test', () => {
  it('takes 17 items, at least two from every module, at least one story and eight pairs, none twice', () => {
    for (const seed of [1, 2, 3, 99, 123456]) {
      const items = drawFinalTest(bank, seed, RULES);
      expect(items).toHaveLength(17);
      expect(new Set(items.map(itemKey)).size).toBe(17);
      expect(items.filter((i) => i.scenario === accountTwin.id)).toHaveLength(8);
      for (const m of bank) expect(items.filter((i) => i.module === m.moduleId).length).toBeGreaterThanOrEqual(2);
      expect(items.filter((i) => scenarioOf(bank, i)!.kind === 'branching').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws the same items for the same seed and other items for another', () => {
    expect(drawFinalTest(bank, 7, RULES)).toEqual(drawFinalTest(bank, 7, RULES));
    expect(drawFinalTest(bank, 7, RULES)).not.toEqual(drawFinalTest(bank, 8, RULES));
  });

  it('still includes a story when only one module has one', () => {
    const plain = [...fixture.scenarios, accountTwin].filter((s) => s.kind !== 'branching');
    const thin: Bank = bank.map((q, i) => ({ ...q, scenarios: i === 5 ? [...fixture.scenarios, accountTwin] : plain }));
    for (let seed = 0; seed < 40; seed++) expect(drawFinalTest(thin, seed, RULES).filter((i) => scenarioOf(thin, i)!.kind === 'branching')).toHaveLength(1);
  });

  it('names what the bank lacks instead of drawing a short attempt', () => {
    expect(bankProblem([], RULES)).toMatch(/empty/);
    expect(bankProblem(bank.map((q, i) => (i ? q : { ...q, scenarios: q.scenarios.slice(0, 1) })), RULES)).toMatch(/"m1" has 1 items/);
    expect(bankProblem(bank.map((q) => ({ ...q, scenarios: q.scenarios.filter((s) => s.kind !== 'branching') })), RULES)).toMatch(/0 branching/);
    expect(() => drawFinalTest([], 1)).toThrow(/empty/);
    const fewPairs = bank.map((q, i) => (i < 4 ? q : { ...q, scenarios: fixture.scenarios }));
    expect(bankProblem(fewPairs, RULES)).toBe(`the bank has 4 twin pairs, fewer than the ${RULES.twins} every attempt needs`);
    expect(bankProblem(fewPairs, { ...RULES, twins: 4 })).toBeUndefined();
  });

  it('draws at least the twins minimum of pairs, each pair whole, counting two toward its module, in a shuffled order', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 120; seed++) {
      const items = drawFinalTest(bank, seed, RULES);
      const keys = items.map(itemKey);
      const firsts = items.filter((i) => i.scenario === fixture.scenarios[0]!.id).map((i) => i.module);
      const seconds = items.filter((i) => i.scenario === accountTwin.id).map((i) => i.module);
      // A twin never comes alone: its module holds both, or neither.
      expect(seconds.sort()).toEqual(firsts.sort());
      expect(firsts.length).toBeGreaterThanOrEqual(RULES.twins);
      for (const m of bank) expect(items.filter((i) => i.module === m.moduleId).length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(RULES.count);
      const pos = keys.indexOf(`${firsts[0]}/${fixture.scenarios[0]!.id}`) - keys.indexOf(`${firsts[0]}/${accountTwin.id}`);
      orders.add(pos > 0 ? 'second first' : 'first first');
    }
    expect(orders.size).toBe(2);
  }, 60_000);

  it('meets a higher twins minimum, and refuses one the bank cannot reach', () => {
    for (let seed = 0; seed < 50; seed++) expect(drawFinalTest(bank, seed, { ...RULES, twins: 7 }).filter((i) => i.scenario === accountTwin.id).length).toBeGreaterThanOrEqual(7);
    expect(() => drawFinalTest(bank, 1, { ...RULES, twins: 9 })).toThrow(/8 twin pairs, fewer than the 9/);
  }, 60_000);
});

describe('a learner who knows the lessons but ignores the situations, on the final test', () => {
  it('earns the full points of every single item and one of a pair’s two, on the best draw', () => {
    // Per module the best is a story (2 points) and the choice (2); the pairs give half.
    const bound = finalTestLessonReader(bank, RULES);
    expect(bound.max).toBeGreaterThan(0);
    const none = finalTestLessonReader(bank, { ...RULES, twins: 0 });
    expect(none.percent).toBe(100);
    expect(bound.percent).toBeLessThan(none.percent);
    expect(finalTestLessonReader(bank, { ...RULES, twins: 5 }).percent).toBeGreaterThan(bound.percent);
  });
});

describe('a learner who knows both keys of every pair and tosses a coin for each, on the final test', () => {
  it('passes 17 items with 8 pairs 6.25 % of the time (the attacker\'s mix: a common answer on one pair, coins on seven), over the 5 % limit', () => {
    // 17 items: a pair from each of the eight modules and one story (2 points): 15 of 18 points needed.
    // All coins: 7 of 8 (9 / 256); the best mix: one pair answered in common (1 point), then 6 of 7 coins (8 / 128).
    const g = finalTestGambler(bank, RULES, 50);
    expect(g.best).toBeCloseTo(1 / 16, 12);
    expect(g.mean).toBeCloseTo(1 / 16, 12);
    expect(finalTestGamblerProblem(bank, RULES)).toMatch(/passes 6\.3 % of attempts/);
  });

  it('keeps the best gambler at or under 5 % on the defaults (23 items, 11 pairs) given a bank with the pairs for it', () => {
    // Eleven modules with a pair each (the fixture's eight pairs do not reach the defaults).
    const wide: Bank = Array.from({ length: 11 }, (_, m) => ({ ...fixture, moduleId: `m${m + 1}`, scenarios: [...fixture.scenarios, accountTwin] }));
    const g = finalTestGambler(wide, DEFAULT_RULES, 0);
    expect(DEFAULT_RULES).toMatchObject({ count: 23, twins: 11 });
    expect(g.best).toBeLessThanOrEqual(0.05);
    expect(finalTestGamblerProblem(wide, DEFAULT_RULES)).toBeUndefined();
  });

  it('fails the build for rules that let the gambler pass often, naming the figure and the setting', () => {
    // 16 items, five pairs: three modules give a story and the choice (2 points each), 18 of 22 points: three of five coins.
    const loose = { ...RULES, count: 16, twins: 5 };
    const g = finalTestGambler(bank, loose, 200);
    expect(g.best).toBeCloseTo(1 / 2, 12);
    expect(g.mean).toBeLessThanOrEqual(g.best);
    expect(finalTestGamblerProblem(bank, loose)).toMatch(/passes 50\.0 % of attempts on the best draw .* at most 5 % is allowed: raise FINAL_TEST_TWINS/);
    expect(finalTestGamblerProblem(bank, { ...RULES, twins: 0 })).toMatch(/passes 100\.0 %/);
  }, 60_000);
});

describe('an item as the browser gets it', () => {
  const story = fixture.scenarios.find((s) => s.kind === 'branching')!;

  it('carries no feedback, source, right mark, points, ending or bank id', () => {
    for (const s of fixture.scenarios) {
      const json = JSON.stringify(publicItem(s, 5, 'lv', labels));
      for (const { option } of optionsAt(s, undefined).map((option) => ({ option }))) {
        expect(json).not.toContain(option.feedback.lv);
        expect(json).not.toContain(option.source.quote.lv);
        expect(json).not.toContain(`"${option.id}"`);
      }
      expect(json).not.toMatch(/correct|mistake|points|outcome|feedback|quote/);
    }
    const json = JSON.stringify(publicItem(story, 5, 'lv', labels));
    for (const e of story.endings) expect(json).not.toContain(e.text.lv);
    for (const step of story.steps) expect(json).not.toContain(`"${step.id}"`);
  });

  it('serves a story one step at a time: its first step only, nothing of where an option leads', () => {
    const item = publicItem(story, 5, 'lv', labels);
    expect(item.story).toBe(true);
    expect(item.steps.map((st) => st.id)).toEqual(['s1']);
    expect(JSON.stringify(item)).not.toMatch(/"next"|"start"|"ended"/);
    // Every option of the first step looks the same: none is marked as the one that goes on.
    expect(item.steps[0]!.options.every((o) => Object.keys(o).join() === 'id,label')).toBe(true);
    for (const s of fixture.scenarios.filter((x) => x.kind !== 'branching')) expect(publicItem(s, 5, 'lv', labels).story).toBe(false);
  });

  it('gives the step after a path from the server side: the next step with its depth id, null at the end, undefined for a path the item has not', () => {
    for (const seed of [1, 2, 3]) {
      const best = toPublic(story, seed, bestAnswersOf(story));
      for (let n = 1; n < best.length; n++) {
        const next = stepAfter(story, seed, best.slice(0, n), 'lv', labels);
        expect(next?.id).toBe(`s${n + 1}`);
        expect(JSON.stringify(next)).not.toMatch(/correct|feedback|points|next/);
      }
      expect(stepAfter(story, seed, best, 'lv', labels)).toBeNull();
      expect(stepAfter(story, seed, best.slice(1), 'lv', labels)).toBeUndefined();
      expect(stepAfter(story, seed, [{ step: 's1', choice: ['z'] }], 'lv', labels)).toBeUndefined();
      expect(stepAfter(story, seed, [], 'lv', labels)).toBeUndefined();
    }
  });

  it('shows the options in the attempt order and maps the answer back to the bank', () => {
    for (const s of fixture.scenarios)
      for (const seed of [1, 2, 3]) {
        const best = bestAnswersOf(s);
        const mapped = bankAnswer(s, seed, toPublic(s, seed, best));
        expect(mapped).toEqual(best);
        expect(scoreScenario(s, mapped!).earned).toBe(scoreScenario(s, best).earned);
      }
  });

  it('refuses answers the item does not have: unknown options, a second option where one is asked, steps out of order, steps after the end', () => {
    const single = fixture.scenarios.find((s) => s.kind === 'choice')!;
    expect(bankAnswer(single, 1, [{ step: 's1', choice: ['z'] }])).toBeUndefined();
    expect(bankAnswer(single, 1, [{ step: 's1', choice: ['a', 'b'] }])).toBeUndefined();
    expect(bankAnswer(single, 1, [{ step: 's1', choice: ['a'] }, { step: 's1', choice: ['b'] }])).toBeUndefined();
    expect(bankAnswer(single, 1, [{ step: 's1', choice: ['constructor'] }])).toBeUndefined();
    const best = toPublic(story, 1, bestAnswersOf(story));
    expect(bankAnswer(story, 1, best.slice(1))).toBeUndefined();
    expect(bankAnswer(story, 1, [...best, best[0]!])).toBeUndefined();
  });
});

describe('grading an attempt', () => {
  const seed = 42;
  const items = drawFinalTest(bank, seed, RULES);
  const answer = (pick: (s: Scenario) => AnswerEntry[]) => items.map((ref) => toPublic(scenarioOf(bank, ref)!, seed, pick(scenarioOf(bank, ref)!)));

  it('scores the best answers at 100 % and passes, naming no module to review', () => {
    const result = gradeAttempt(bank, { seed, items }, answer(bestAnswersOf), RULES);
    expect(result.percent).toBe(100);
    expect(result.passed).toBe(true);
    expect(result.review).toEqual([]);
  });

  it('scores as the module quiz would: the same points per item as the browser counts', () => {
    const result = gradeAttempt(bank, { seed, items }, answer(worstAnswersOf), RULES);
    result.items.forEach((graded, i) => expect(graded.earned).toBe(scoreScenario(scenarioOf(bank, items[i]!)!, worstAnswersOf(scenarioOf(bank, items[i]!)!)).earned));
    expect(result.passed).toBe(false);
    expect(result.review).toEqual(bank.map((q) => q.moduleId));
  });

  it('gives nothing for a missing or forged answer, and names only the modules with a weak item', () => {
    const answers = answer(bestAnswersOf);
    const target = items.findIndex((i) => i.module === 'm3');
    answers[target] = [{ step: 's1', choice: ['q'] }];
    const result = gradeAttempt(bank, { seed, items }, answers, RULES);
    expect(result.items[target]!.earned).toBe(0);
    expect(result.review).toEqual(['m3']);
    expect(gradeAttempt(bank, { seed, items }, [], RULES).earned).toBe(0);
  });

  it('gives a different seed\'s answers (the same letters in another order) the score they earn, not full marks', () => {
    const other = gradeAttempt(bank, { seed: seed + 1, items }, answer(bestAnswersOf), RULES);
    expect(other.percent).toBeLessThan(100);
  });
});

describe('the attempt token', () => {
  const key = new TextEncoder().encode('k'.repeat(32));
  const now = Date.UTC(2026, 11, 1, 12) / 1000;
  const claims: AttemptClaims = { id: 'a1', seed: 5, items: [{ module: 'm1', scenario: 'letter-content' }], bank: 'b1', locale: 'lv', issuedAt: now, expiresAt: now + 3600 };

  it('verifies its own claims', async () => {
    expect(await verifyAttempt(await signAttempt(claims, key), key, 'b1', now * 1000 + 1000)).toEqual({ ok: true, claims });
  });

  it('refuses an expired, tampered, foreign-key, other-bank or unsigned token', async () => {
    const token = await signAttempt(claims, key);
    expect(await verifyAttempt(token, key, 'b1', (now + 3601) * 1000)).toEqual({ ok: false, problem: 'expired' });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, seed: 6 })).toString('base64url')}.${s}`;
    expect(await verifyAttempt(forged, key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyAttempt(await signAttempt(claims, new TextEncoder().encode('x'.repeat(32))), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyAttempt(token, key, 'b2', now * 1000)).toEqual({ ok: false, problem: 'other-bank' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    expect(await verifyAttempt(none, key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyAttempt({ token }, key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('carries the seed and the items sealed: nothing in the payload names a module, a scenario or the seed', async () => {
    const many: AttemptClaims = { ...claims, seed: 123456789, items: [{ module: 'm1', scenario: 'letter-content' }, { module: 'm2', scenario: 'crisis-post-1' }, { module: 'm2', scenario: 'crisis-post-2' }] };
    const token = await signAttempt(many, key);
    const payload = Buffer.from(token.split('.')[1]!, 'base64url').toString();
    const { sealed, ...rest } = JSON.parse(payload);
    expect(Object.keys(JSON.parse(payload)).sort()).toEqual(['aud', 'bank', 'exp', 'iat', 'jti', 'locale', 'sealed']);
    for (const word of ['m1', 'm2', 'letter-content', 'crisis-post', '123456789']) expect(JSON.stringify(rest)).not.toContain(word);
    // The sealed value is random-looking bytes (so its base64 may hold any two letters by chance):
    // none of the ids, nor the seed, is in it as text.
    for (const word of ['letter-content', 'crisis-post', '123456789', '"items"']) expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain(word);
    expect(Buffer.from(sealed, 'base64url').length).toBeGreaterThan(12 + 16 + 60);
    // Sealed afresh each time: two tokens for the same draw share no sealed text.
    const again = JSON.parse(Buffer.from((await signAttempt(many, key)).split('.')[1]!, 'base64url').toString());
    expect(again.sealed).not.toBe(JSON.parse(payload).sealed);
    expect(await verifyAttempt(token, key, 'b1', now * 1000)).toEqual({ ok: true, claims: many });
  });

  it('refuses a sealed value that was changed, moved to another attempt or sealed under another key, even when signed', async () => {
    const token = await signAttempt(claims, key);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const bytes = Buffer.from(payload.sealed, 'base64url');
    bytes[14]! ^= 1;
    const resign = (extra: Record<string, unknown>, jti = 'a1') =>
      new SignJWT({ ...payload, ...extra }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setJti(jti).setAudience('final-test-attempt').setIssuedAt(now).setExpirationTime(now + 3600).sign(key);
    // The control: re-signing the untouched payload is accepted, so each refusal below is the seal's.
    expect((await verifyAttempt(await resign({}), key, 'b1', now * 1000)).ok).toBe(true);
    expect(await verifyAttempt(await resign({ sealed: bytes.toString('base64url') }), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyAttempt(await resign({}, 'a2'), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    const foreign = JSON.parse(Buffer.from((await signAttempt(claims, new TextEncoder().encode('x'.repeat(32)))).split('.')[1]!, 'base64url').toString());
    expect(await verifyAttempt(await resign({ sealed: foreign.sealed }), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    for (const sealed of [undefined, '', 'abc', 42, ['x']]) expect(await verifyAttempt(await resign({ sealed }), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(await verifyAttempt(await resign({ sealed: undefined, seed: 5, items: ['m1/letter-content'] }), key, 'b1', now * 1000)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('item statistics', () => {
  /** 200 simulated attempts by ability 0–1: an easy item, a hard one that separates, one answered at random. */
  const items = fixture.scenarios.filter((s) => s.kind === 'account' || s.kind === 'disclosure' || s.kind === 'choice');
  const one: Quiz = { ...fixture, moduleId: 'm1', scenarios: items };
  const [easy, hard, coin] = items as [Scenario, Scenario, Scenario];
  const graded = (s: Scenario, right: boolean) => {
    const entries = right ? bestAnswersOf(s) : worstAnswersOf(s);
    return { ref: { module: 'm1', scenario: s.id }, earned: scoreScenario(s, entries).earned, max: scoreScenario(s, bestAnswersOf(s)).earned, choices: entries.map((e) => ({ choice: e.choice })) };
  };
  const attempts: AttemptRecord[] = Array.from({ length: 200 }, (_, i) => ({
    percent: Math.round((i / 199) * 100),
    items: [graded(easy, i >= 10), graded(hard, i >= 150), graded(coin, i % 2 === 0)],
  }));
  const stats = itemStats([one], attempts);
  const of = (s: Scenario) => stats.find((x) => x.item === `m1/${s.id}`)!;

  it('counts attempts and the share correct', () => {
    expect(of(easy)).toMatchObject({ attempts: 200, facility: 0.95 });
    expect(of(hard).facility).toBe(0.25);
    expect(of(coin).facility).toBe(0.5);
  });

  it('measures discrimination between the top and bottom thirds', () => {
    expect(of(hard).discrimination).toBeCloseTo(50 / 66, 5);
    expect(of(coin).discrimination).toBeCloseTo(0, 1);
  });

  it('flags items too easy, too hard or not discriminating', () => {
    expect(of(easy).flags).toContain('too-easy');
    expect(of(hard).flags).toEqual(['too-hard']);
    expect(of(coin).flags).toEqual(['not-discriminating']);
  });

  it('counts how often each option was chosen, every option listed', () => {
    const wrong = worstAnswersOf(hard)[0]!.choice[0]!;
    const right = bestAnswersOf(hard)[0]!.choice[0]!;
    expect(of(hard).options[wrong]).toBe(150);
    expect(of(hard).options[right]).toBe(50);
    expect(Object.keys(of(hard).options).sort()).toEqual(optionsAt(hard, undefined).map((o) => o.id).sort());
  });

  it('holds nothing personal: only item ids, counts and shares', () => {
    expect(JSON.stringify(stats)).not.toMatch(/name|email|@/i);
  });
});
