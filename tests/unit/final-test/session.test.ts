import { describe, expect, it } from 'vitest';
import { publicItem, stepAfter } from '../../../src/lib/final-test/public-item';
import { answerAt, awaitsStep, choose, goTo, isComplete, newSession, readSession, reopen, served, stepToAnswer, unanswered, type Session } from '../../../src/lib/final-test/session';
import { finalTestNext, readResultToken, serverAssessment } from '../../../src/lib/final-test/result-store';
import { signResult } from '../../../src/lib/final-test/result-token';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const labels = standardLabels().en;
const items = quiz.scenarios.map((s) => publicItem(s, 3, 'en', labels));
const storyAt = quiz.scenarios.findIndex((s) => s.kind === 'branching');
const story = quiz.scenarios[storyAt]!;
const multiAt = quiz.scenarios.findIndex((s) => s.kind === 'multi');
const start = () => newSession('t', Date.now() + 60_000, items);

/** Answers the story shown with the first option at every step, the server's side played by stepAfter. */
function playStory(s: Session): Session {
  for (let guard = 0; s.at === storyAt && guard < 10; guard++) {
    s = choose(s, ['a']);
    expect(awaitsStep(s.items[storyAt]!, s.answers[storyAt]!)).toBe(true);
    // Nothing moves until the server answers.
    expect(stepToAnswer(s.items[storyAt]!, s.answers[storyAt]!)).toBeUndefined();
    s = served(s, stepAfter(story, 3, s.answers[storyAt]!, 'en', labels)!);
  }
  return s;
}

describe('a final test in the browser', () => {
  it('moves on after a single answer, and through a story only as the server serves its steps', () => {
    let s = choose(start(), ['a']);
    expect(s.at).toBe(1);
    s = goTo(s, storyAt);
    expect(stepToAnswer(items[storyAt]!, [])!.id).toBe('s1');
    s = playStory(s);
    expect(isComplete(s.items[storyAt]!, s.answers[storyAt]!)).toBe(true);
    expect(s.items[storyAt]!.ended).toBe(true);
    expect(s.items[storyAt]!.steps).toHaveLength(s.answers[storyAt]!.length);
    expect(s.at).not.toBe(storyAt);
  });

  it('takes a served step only while a story waits for one', () => {
    const s = start();
    expect(served(s, null)).toBe(s);
    const waiting = choose(goTo(s, storyAt), ['a']);
    const next = served(waiting, stepAfter(story, 3, waiting.answers[storyAt]!, 'en', labels)!);
    expect(served(next, null)).toBe(next);
  });

  it('ignores a choice the step does not offer, two choices where one is asked, the same one twice, and nothing', () => {
    const s = start();
    expect(choose(s, ['z'])).toBe(s);
    expect(choose(s, ['a', 'b'])).toBe(s);
    expect(choose(s, [])).toBe(s);
    expect(answerAt({ ...s, at: multiAt }, ['a', 'a'])).toBeUndefined();
    expect(choose({ ...s, at: multiAt }, ['a', 'b']).answers[multiAt]).toHaveLength(1);
  });

  it('reaches the review when every item is answered, lists what is open, reopens a single question but never a story', () => {
    let s = start();
    for (let guard = 0; s.at < items.length && guard < 50; guard++) s = s.at === storyAt ? playStory(s) : choose(s, ['a']);
    expect(s.at).toBe(items.length);
    expect(unanswered(s)).toEqual([]);
    const single = storyAt === 1 ? 2 : 1;
    s = reopen(s, single);
    expect(s.at).toBe(single);
    expect(unanswered(s)).toEqual([single]);
    expect(reopen(s, storyAt)).toBe(s);
  });

  it('resumes from storage, a story half way included, and drops a broken, foreign or expired one without throwing', () => {
    const s = choose(goTo(choose(start(), ['b']), storyAt), ['a']);
    expect(readSession(JSON.stringify(s))).toEqual(s);
    for (const bad of [
      '{',
      'null',
      '[]',
      JSON.stringify({ ...s, answers: [] }),
      JSON.stringify({ ...s, at: 99 }),
      JSON.stringify({ ...s, items: s.items.map(() => ({ steps: 'x' })) }),
      JSON.stringify({ ...s, items: s.items.map((i) => ({ ...i, story: 'yes' })) }),
      JSON.stringify({ ...s, items: s.items.map((i) => ({ ...i, steps: [] })) }),
      JSON.stringify({ ...s, answers: s.answers.map(() => [{ step: 1 }]) }),
      // More answers than steps served: not something the page ever writes.
      JSON.stringify({ ...s, answers: s.answers.map(() => [{ step: 's1', choice: ['a'] }, { step: 's2', choice: ['a'] }]) }),
    ])
      expect(readSession(bad)).toBeUndefined();
    expect(readSession(JSON.stringify({ ...s, expiresAt: Date.now() - 1 }))).toBeUndefined();
    expect(readSession(null)).toBeUndefined();
  });
});

describe('the kept final-test result', () => {
  const key = new Uint8Array(32).fill(7);
  it('reads score and date from a result token, and nothing from anything else or an expired one', async () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const token = await signResult({ attempt: 'a1', percent: 88, items: 16, passedAt: '2026-12-01T11:50:00.000Z', bank: 'b' }, key, now);
    expect(readResultToken(token, now)).toMatchObject({ token, percent: 88, passedAt: '2026-12-01T11:50:00.000Z' });
    expect(readResultToken(token, now + 8 * 24 * 3600 * 1000)).toBeUndefined();
    for (const bad of [null, '', 'x', 'a.b.c', 'a.%%%.c', `a.${btoa(JSON.stringify({ aud: 'final-test-attempt', percent: 1, passedAt: '2026-12-01', exp: 9e9 }))}.c`, 42, 'x'.repeat(5000)])
      expect(readResultToken(bad, now)).toBeUndefined();
  });
});

describe('which assessment the server runs', () => {
  const answering = (status: number, body: unknown) => (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as unknown as typeof fetch;
  const site = { location: { protocol: 'https:' } };
  it('is what the API says, and none without an API (a page instead of JSON, a missing route, no answer)', async () => {
    expect(await serverAssessment(answering(200, { assessment: 'final-test' }), site)).toBe('final-test');
    expect(await serverAssessment(answering(200, { assessment: 'modules' }), site)).toBe('modules');
    expect(await serverAssessment(answering(200, '<h1>LMS</h1>'), site)).toBe('none');
    expect(await serverAssessment(answering(200, { assessment: 'other' }), site)).toBe('none');
    expect(await serverAssessment(answering(404, 'Not found'), site)).toBe('none');
    expect(await serverAssessment((async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch, site)).toBe('none');
  });
  it('asks nothing inside a SCORM package or from files', async () => {
    let asked = 0;
    const counting = (async () => (asked++, new Response('{"assessment":"final-test"}'))) as unknown as typeof fetch;
    const launch = { __smkurssScorm: { update() {} } };
    expect(await serverAssessment(counting, { location: { protocol: 'https:' }, parent: launch })).toBe('none');
    expect(await serverAssessment(counting, { location: { protocol: 'file:' } })).toBe('none');
    expect(asked).toBe(0);
  });
});

describe('where a finished course leads', () => {
  const href = '/lv/nosleguma-tests/';
  it('to the final test on a site with a server, to the certificate (undefined) inside a SCORM package, from files, or without a final test', () => {
    expect(finalTestNext(href, { location: { protocol: 'https:' } })).toBe(href);
    expect(finalTestNext(href, { location: { protocol: 'https:' }, parent: { __smkurssScorm: { update() {} } } })).toBeUndefined();
    expect(finalTestNext(href, { location: { protocol: 'file:' } })).toBeUndefined();
    expect(finalTestNext(undefined, { location: { protocol: 'https:' } })).toBeUndefined();
  });
});
