import { describe, expect, it } from 'vitest';
import { publicItem } from '../../../src/lib/final-test/public-item';
import { choose, isComplete, newSession, readSession, reopen, stepToAnswer, unanswered } from '../../../src/lib/final-test/session';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const labels = standardLabels().en;
const items = quiz.scenarios.map((s) => publicItem(s, 3, 'en', labels));
const storyAt = quiz.scenarios.findIndex((s) => s.kind === 'branching');
const multiAt = quiz.scenarios.findIndex((s) => s.kind === 'multi');
const start = () => newSession('t', Date.now() + 60_000, items);

describe('a final test in the browser', () => {
  it('moves on after a single answer, and through a story step by step', () => {
    let s = choose(start(), ['a']);
    expect(s.at).toBe(1);
    s = { ...s, at: storyAt };
    const story = items[storyAt]!;
    const first = stepToAnswer(story, [])!;
    expect(first.id).toBe(story.start);
    const leadsOn = first.options.find((o) => first.next![o.id])!;
    s = choose(s, [leadsOn.id]);
    expect(s.at).toBe(storyAt);
    expect(stepToAnswer(story, s.answers[storyAt]!)!.id).toBe(first.next![leadsOn.id]);
  });

  it('ignores a choice the step does not offer, two choices where one is asked, and nothing', () => {
    const s = start();
    expect(choose(s, ['z'])).toBe(s);
    expect(choose(s, ['a', 'b'])).toBe(s);
    expect(choose(s, [])).toBe(s);
    expect(choose({ ...s, at: multiAt }, ['a', 'b']).answers[multiAt]).toHaveLength(1);
  });

  it('reaches the review when every item is answered, lists what is open, and reopens an item from its start', () => {
    let s = start();
    for (let guard = 0; s.at < items.length && guard < 50; guard++) s = choose(s, ['a']);
    expect(s.at).toBe(items.length);
    expect(unanswered(s)).toEqual([]);
    s = reopen(s, 1);
    expect(s.at).toBe(1);
    expect(unanswered(s)).toEqual([1]);
    expect(isComplete(items[1]!, s.answers[1]!)).toBe(false);
  });

  it('resumes from storage, and drops a broken, foreign or expired one without throwing', () => {
    const s = choose(start(), ['b']);
    expect(readSession(JSON.stringify(s))).toEqual(s);
    for (const bad of ['{', 'null', '[]', JSON.stringify({ ...s, answers: [] }), JSON.stringify({ ...s, at: 99 }), JSON.stringify({ ...s, items: [{ steps: 'x' }] }), JSON.stringify({ ...s, answers: s.answers.map(() => [{ step: 1 }]) })])
      expect(readSession(bad)).toBeUndefined();
    expect(readSession(JSON.stringify({ ...s, expiresAt: Date.now() - 1 }))).toBeUndefined();
    expect(readSession(null)).toBeUndefined();
  });
});
