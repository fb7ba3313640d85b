import { assign, setup } from 'xstate';

/**
 * A live workshop room (issue 15): the presenter shows one question at a time, participants answer
 * on their phones until the reveal, and the room counts answers, never who gave them. The machine
 * holds no text: the scenario's words come from the course data, by `module` and `scenario`.
 * Participants are connection ids the server makes up; nothing personal is kept.
 */
export interface RoomQuestion {
  module: string;
  scenario: string;
  /** The step of a branching scenario. */
  step?: string;
  /** Option ids in the presenter's order (A, B, C… on the projector and on the phones). */
  options: string[];
  /** Several options may be chosen (a multi scenario). */
  several: boolean;
}

export interface RoomContext {
  /** Increments with every question the presenter shows: an answer names the question it answers. */
  seq: number;
  question: RoomQuestion | undefined;
  /** Participant id → when it was last seen (ms). */
  participants: Record<string, number>;
  /** Participant id → option ids, for the current question only. */
  answers: Record<string, string[]>;
  /** Show-of-hands counts the trainer typed in, per option in the presenter's order. */
  hands: number[];
  /** What the reveal tells the phones (keys are never on a phone before it): set by the presenter's reveal. */
  key: RevealKey | undefined;
  expiresAt: number;
}

/**
 * The answer key the presenter sends with the reveal. `right`: the right options (a story's step:
 * the better options, none when there is no single right one). `story`: choices lead on, so the
 * phones are also told which option the room (phones and hands) chose.
 */
export interface RevealKey {
  right: string[];
  story: boolean;
}

export type RoomEvent =
  | { type: 'participant.join'; participant: string; at: number }
  /**
   * Gone for good: the server sends it a while after a connection dropped. `unseenSince` keeps a
   * participant that came back meanwhile (perhaps to another server): it is removed only if it was
   * last seen at or before that time.
   */
  | { type: 'participant.leave'; participant: string; unseenSince?: number }
  | { type: 'answer.set'; participant: string; seq: number; options: string[]; at: number }
  | { type: 'question.show'; question: RoomQuestion }
  | { type: 'answer.reveal'; key?: RevealKey }
  | { type: 'hands.set'; counts: number[] }
  /** The presenter ends the workshop: the room closes for everyone at once. */
  | { type: 'room.close' }
  | { type: 'clock.tick'; at: number };

/** The most participants one room takes: a hall, not a broadcast. */
export const MAX_PARTICIPANTS = 500;

/** Why an answer is refused, or undefined when it counts. */
export function answerRefusal(context: RoomContext, revealed: boolean, event: Extract<RoomEvent, { type: 'answer.set' }>): string | undefined {
  const question = context.question;
  if (!question) return 'no-question';
  if (!(event.participant in context.participants)) return 'not-joined';
  if (event.seq !== context.seq) return 'old-question';
  if (revealed) return 'revealed';
  if (event.options.length === 0 || new Set(event.options).size !== event.options.length) return 'bad-answer';
  if (!event.options.every((o) => question.options.includes(o))) return 'bad-answer';
  if (!question.several && event.options.length > 1) return 'bad-answer';
  return undefined;
}

/** Answers per option in the presenter's order: phones and typed-in hands together. */
export function roomCounts(context: RoomContext): number[] {
  const options = context.question?.options ?? [];
  return options.map((id, i) => Object.values(context.answers).filter((a) => a.includes(id)).length + (context.hands[i] ?? 0));
}

/**
 * What the projector may show. Before the reveal only how many joined and answered, so the room
 * is not swayed by the early answers; the distribution after it.
 */
export function presenterView(context: RoomContext, revealed: boolean) {
  const answered = Object.keys(context.answers).length;
  return { seq: context.seq, participants: Object.keys(context.participants).length, answered, counts: revealed ? roomCounts(context) : undefined };
}

/** The room's choice: most answers (phones and hands), a tie to the earlier option (presenter-machine.ts `majority`); none without answers. */
function chosenBy(counts: readonly number[]): number | undefined {
  if (counts.every((c) => !c)) return undefined;
  return counts.reduce((best, c, i) => (c > counts[best]! ? i : best), 0);
}

/**
 * What one participant's phone shows: the question, its own answer, and whether it is revealed;
 * after the reveal only, the key (and in a story the room's choice).
 */
export function participantView(context: RoomContext, revealed: boolean, participant: string) {
  const view = { seq: context.seq, question: context.question, answer: context.answers[participant], revealed };
  if (!revealed || !context.key) return view;
  const counts = roomCounts(context);
  const chosen = context.key.story ? chosenBy(counts) : undefined;
  // A tie (the presenter's majority rule takes the earlier option): the phones say so.
  const tie = chosen !== undefined && counts.filter((c) => c === counts[chosen]).length > 1;
  return { ...view, right: context.key.right, ...(chosen !== undefined ? { chosen: context.question!.options[chosen], ...(tie ? { tie } : {}) } : {}) };
}

const valid = (counts: readonly number[], length: number) => counts.length === length && counts.every((c) => Number.isInteger(c) && c >= 0 && c <= 10_000);

export const roomMachine = setup({
  types: { context: {} as RoomContext, events: {} as RoomEvent, input: {} as { now: number; lifetimeMs: number } },
  guards: {
    roomForMore: ({ context, event }) =>
      event.type === 'participant.join' && (event.participant in context.participants || Object.keys(context.participants).length < MAX_PARTICIPANTS),
    answerCounts: ({ context, event }) => event.type === 'answer.set' && answerRefusal(context, false, event) === undefined,
    canReveal: ({ context }) => context.question !== undefined,
    handsFit: ({ context, event }) => event.type === 'hands.set' && valid(event.counts, context.question?.options.length ?? -1),
    expired: ({ context, event }) => event.type === 'clock.tick' && event.at >= context.expiresAt,
    wellFormed: ({ event }) =>
      event.type === 'question.show' && event.question.options.length >= 2 && event.question.options.length <= 10 && new Set(event.question.options).size === event.question.options.length,
  },
  actions: {
    join: assign(({ context, event }) => (event.type === 'participant.join' ? { participants: { ...context.participants, [event.participant]: event.at } } : {})),
    leave: assign(({ context, event }) => {
      if (event.type !== 'participant.leave') return {};
      const seen = context.participants[event.participant];
      if (seen === undefined || (event.unseenSince !== undefined && seen > event.unseenSince)) return {};
      // A participant who leaves is no longer counted: its answer goes with it.
      const { [event.participant]: _gone, ...participants } = context.participants;
      const { [event.participant]: _answer, ...answers } = context.answers;
      return { participants, answers };
    }),
    answer: assign(({ context, event }) =>
      event.type === 'answer.set' ? { answers: { ...context.answers, [event.participant]: [...event.options] }, participants: { ...context.participants, [event.participant]: event.at } } : {},
    ),
    show: assign(({ context, event }) => (event.type === 'question.show' ? { seq: context.seq + 1, question: event.question, answers: {}, hands: event.question.options.map(() => 0), key: undefined } : {})),
    setHands: assign(({ event }) => (event.type === 'hands.set' ? { hands: [...event.counts] } : {})),
    setKey: assign(({ context, event }) =>
      event.type === 'answer.reveal' && event.key ? { key: { right: event.key.right.filter((id) => context.question?.options.includes(id)), story: event.key.story } } : {},
    ),
  },
}).createMachine({
  id: 'room',
  context: ({ input }) => ({ seq: 0, question: undefined, participants: {}, answers: {}, hands: [], key: undefined, expiresAt: input.now + input.lifetimeMs }),
  initial: 'waiting',
  on: {
    'participant.join': { guard: 'roomForMore', actions: 'join' },
    'participant.leave': { actions: 'leave' },
    'clock.tick': { guard: 'expired', target: '.closed' },
    'room.close': { target: '.closed' },
  },
  states: {
    // Open, before the presenter shows the first question.
    waiting: { on: { 'question.show': { guard: 'wellFormed', target: 'asking', actions: 'show' } } },
    asking: {
      on: {
        'answer.set': { guard: 'answerCounts', actions: 'answer' },
        'hands.set': { guard: 'handsFit', actions: 'setHands' },
        'answer.reveal': { guard: 'canReveal', target: 'revealed', actions: 'setKey' },
        'question.show': { guard: 'wellFormed', target: 'asking', reenter: true, actions: 'show' },
      },
    },
    // Answers are closed; hands may still be corrected, the next question may come.
    revealed: {
      on: {
        'hands.set': { guard: 'handsFit', actions: 'setHands' },
        'question.show': { guard: 'wellFormed', target: 'asking', actions: 'show' },
      },
    },
    closed: { type: 'final' },
  },
});
