import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { majority } from '../../../src/lib/workshop/presenter-machine';
import { answerRefusal, MAX_PARTICIPANTS, participantView, presenterView, roomCounts, roomMachine, type RoomEvent, type RoomQuestion } from '../../../src/lib/workshop/room-machine';

const HOUR = 3_600_000;
const single: RoomQuestion = { module: 'm', scenario: 's1', options: ['b', 'a', 'c'], several: false };
const several: RoomQuestion = { module: 'm', scenario: 's2', options: ['x', 'y', 'z', 'w'], several: true };
const story = (step: string): RoomQuestion => ({ module: 'm', scenario: 'story', step, options: ['p', 'q'], several: false });

function room(lifetimeMs = 8 * HOUR) {
  const actor = createActor(roomMachine, { input: { now: 0, lifetimeMs } }).start();
  const send = (...events: RoomEvent[]) => events.forEach((e) => actor.send(e));
  const snap = () => actor.getSnapshot();
  const revealed = () => snap().matches('revealed');
  return { actor, send, snap, revealed, counts: () => roomCounts(snap().context) };
}
const join = (participant: string, at = 1): RoomEvent => ({ type: 'participant.join', participant, at });
const answer = (participant: string, seq: number, ...options: string[]): RoomEvent => ({ type: 'answer.set', participant, seq, options, at: 2 });

describe('live room machine', () => {
  it('joins participants, takes one answer per participant per question, and lets it change until the reveal', () => {
    const r = room();
    r.send(join('p1'), join('p2'), join('p3'), { type: 'question.show', question: single });
    expect(r.snap().matches('asking')).toBe(true);
    r.send(answer('p1', 1, 'a'), answer('p2', 1, 'a'), answer('p3', 1, 'c'));
    // p1 changes its mind: still one answer.
    r.send(answer('p1', 1, 'b'));
    expect(r.counts()).toEqual([1, 1, 1]);
    r.send({ type: 'answer.reveal' });
    expect(r.revealed()).toBe(true);
    // After the reveal nothing changes.
    r.send(answer('p3', 1, 'a'));
    expect(r.counts()).toEqual([1, 1, 1]);
  });

  it('shows the projector only how many answered before the reveal, the distribution after', () => {
    const r = room();
    r.send(join('p1'), join('p2'), { type: 'question.show', question: single }, answer('p1', 1, 'c'));
    expect(presenterView(r.snap().context, r.revealed())).toEqual({ seq: 1, participants: 2, answered: 1, counts: undefined });
    r.send({ type: 'answer.reveal' });
    expect(presenterView(r.snap().context, r.revealed())).toEqual({ seq: 1, participants: 2, answered: 1, counts: [0, 0, 1] });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).toMatchObject({ seq: 1, answer: ['c'], revealed: true });
    expect(participantView(r.snap().context, r.revealed(), 'p2').answer).toBeUndefined();
  });

  it('refuses answers that are late, stale, unknown, doubled or from someone not in the room, naming why', () => {
    const r = room();
    r.send(join('p1'), { type: 'question.show', question: single });
    const context = r.snap().context;
    const refusal = (e: RoomEvent) => answerRefusal(context, false, e as Extract<RoomEvent, { type: 'answer.set' }>);
    expect(refusal(answer('p1', 1, 'a'))).toBeUndefined();
    expect(refusal(answer('stranger', 1, 'a'))).toBe('not-joined');
    expect(refusal(answer('p1', 0, 'a'))).toBe('old-question');
    expect(refusal(answer('p1', 1, 'nope'))).toBe('bad-answer');
    expect(refusal(answer('p1', 1, 'a', 'b'))).toBe('bad-answer');
    expect(refusal(answer('p1', 1))).toBe('bad-answer');
    expect(answerRefusal(context, true, answer('p1', 1, 'a') as Extract<RoomEvent, { type: 'answer.set' }>)).toBe('revealed');
    r.send(answer('stranger', 1, 'a'), answer('p1', 1, 'a', 'b'), answer('p1', 1, 'zz'));
    expect(r.counts()).toEqual([0, 0, 0]);
  });

  it('counts several options per participant where the scenario asks for several, once each', () => {
    const r = room();
    r.send(join('p1'), join('p2'), { type: 'question.show', question: several });
    r.send(answer('p1', 1, 'x', 'z'), answer('p2', 1, 'z'), answer('p2', 1, 'z', 'z'));
    expect(r.counts()).toEqual([1, 0, 2, 0]);
  });

  it('combines typed-in hands with the phones, and a branching step follows the combined majority', () => {
    const r = room();
    r.send(join('p1'), join('p2'), { type: 'question.show', question: story('s1') });
    r.send(answer('p1', 1, 'p'), answer('p2', 1, 'p'));
    // Three people without phones raise their hands for q.
    r.send({ type: 'hands.set', counts: [0, 3] });
    r.send({ type: 'answer.reveal' });
    expect(r.counts()).toEqual([2, 3]);
    expect(story('s1').options[majority(r.counts())!]).toBe('q');
    // Malformed hands are ignored.
    r.send({ type: 'hands.set', counts: [1] }, { type: 'hands.set', counts: [-1, 2] }, { type: 'hands.set', counts: [0.5, 1] });
    expect(r.counts()).toEqual([2, 3]);
  });

  it('starts every new question (or step) with no answers, and answers to the old one no longer count', () => {
    const r = room();
    r.send(join('p1'), { type: 'question.show', question: story('s1') }, answer('p1', 1, 'q'), { type: 'answer.reveal' });
    r.send({ type: 'question.show', question: story('s2') });
    expect(r.snap().context.seq).toBe(2);
    expect(r.snap().matches('asking')).toBe(true);
    expect(r.counts()).toEqual([0, 0]);
    r.send(answer('p1', 1, 'p'));
    expect(r.counts()).toEqual([0, 0]);
    r.send(answer('p1', 2, 'p'));
    expect(r.counts()).toEqual([1, 0]);
  });

  it('drops a participant who leaves for good (the server decides when a dropped connection has), with its answer', () => {
    const r = room();
    r.send(join('p1'), join('p2'), { type: 'question.show', question: single }, answer('p1', 1, 'a'), answer('p2', 1, 'a'));
    r.send({ type: 'participant.leave', participant: 'p1' });
    expect(r.counts()).toEqual([0, 1, 0]);
    expect(presenterView(r.snap().context, false).participants).toBe(1);
    // p2's connection dropped at 5 but it came back at 7 (another server, perhaps): the late leave keeps it.
    r.send(join('p2', 7), { type: 'participant.leave', participant: 'p2', unseenSince: 5 });
    expect(r.counts()).toEqual([0, 1, 0]);
    r.send({ type: 'participant.leave', participant: 'p2', unseenSince: 9 });
    expect(r.counts()).toEqual([0, 0, 0]);
  });

  it('takes at most MAX_PARTICIPANTS, and a known participant joining again is not a new one', () => {
    const r = room();
    for (let i = 0; i < MAX_PARTICIPANTS + 20; i++) r.send(join(`p${i}`));
    r.send(join('p0'));
    expect(Object.keys(r.snap().context.participants)).toHaveLength(MAX_PARTICIPANTS);
  });

  it('refuses a malformed question and a reveal with nothing shown', () => {
    const r = room();
    r.send({ type: 'answer.reveal' });
    expect(r.snap().matches('waiting')).toBe(true);
    r.send({ type: 'question.show', question: { ...single, options: ['a'] } }, { type: 'question.show', question: { ...single, options: ['a', 'a'] } });
    expect(r.snap().matches('waiting')).toBe(true);
  });

  it('closes when its lifetime is over, and then takes nothing', () => {
    const r = room(8 * HOUR);
    r.send(join('p1'), { type: 'question.show', question: single }, { type: 'clock.tick', at: 8 * HOUR - 1 });
    expect(r.snap().matches('asking')).toBe(true);
    r.send({ type: 'clock.tick', at: 8 * HOUR });
    expect(r.snap().status).toBe('done');
    r.send(answer('p1', 1, 'a'));
    expect(r.counts()).toEqual([0, 0, 0]);
  });
});

describe('the key reaches the phones with the reveal only (M7, M5)', () => {
  it('holds no key in a phone’s view before the reveal, the right options after', () => {
    const r = room();
    r.send(join('p1'), { type: 'question.show', question: single }, answer('p1', 1, 'c'));
    const before = participantView(r.snap().context, r.revealed(), 'p1');
    expect(before).not.toHaveProperty('right');
    expect(JSON.stringify(before)).not.toMatch(/right|correct|chosen/);
    r.send({ type: 'answer.reveal', key: { right: ['a', 'not-an-option'], story: false } });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).toMatchObject({ revealed: true, right: ['a'], answer: ['c'] });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).not.toHaveProperty('chosen');
    // The next question starts without the old key.
    r.send({ type: 'question.show', question: several });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).not.toHaveProperty('right');
  });

  it('tells the phones of a story step which option the room chose (phones and hands together)', () => {
    const r = room();
    r.send(join('p1'), join('p2'), { type: 'question.show', question: story('first') }, answer('p1', 1, 'q'), { type: 'hands.set', counts: [2, 0] });
    r.send({ type: 'answer.reveal', key: { right: [], story: true } });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).toMatchObject({ right: [], chosen: 'p', answer: ['q'] });
    expect(participantView(r.snap().context, r.revealed(), 'p2')).toMatchObject({ right: [], chosen: 'p', answer: undefined });
  });

  it('tells the phones of a story step when the room’s choice was a tie, settled for the earlier option as the presenter settles it', async () => {
    const { majority } = await import('../../../src/lib/workshop/presenter-machine');
    const r = room();
    r.send(join('p1'), { type: 'question.show', question: story('first') }, answer('p1', 1, 'q'), { type: 'hands.set', counts: [1, 0] });
    r.send({ type: 'answer.reveal', key: { right: [], story: true } });
    expect(participantView(r.snap().context, r.revealed(), 'p1')).toMatchObject({ chosen: 'p', tie: true });
    expect(story('first').options[majority([1, 1])!]).toBe('p');
    // No tie: no flag.
    const clear = room();
    clear.send(join('p1'), { type: 'question.show', question: story('first') }, answer('p1', 1, 'q'), { type: 'hands.set', counts: [0, 1] });
    clear.send({ type: 'answer.reveal', key: { right: [], story: true } });
    const view = participantView(clear.snap().context, clear.revealed(), 'p1');
    expect(view).toMatchObject({ chosen: 'q' });
    expect(view).not.toHaveProperty('tie');
  });
});
