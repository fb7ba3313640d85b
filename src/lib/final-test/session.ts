import type { PublicAnswer, PublicItem, PublicStep } from './public-item';

/**
 * A final-test attempt in the browser: the signed token, the items as the server sent them (a
 * story's steps as far as the server has served them), and the answers so far. Kept in storage so
 * a reload resumes; nothing in it tells an answer, so keeping it is harmless. No feedback is given
 * until the server grades the whole attempt.
 */
export interface Session {
  token: string;
  /** Milliseconds since the epoch, from the server. */
  expiresAt: number;
  items: PublicItem[];
  answers: PublicAnswer[][];
  /** The item shown (index), or `items.length` for the review before submitting. */
  at: number;
}

export const STORAGE_KEY = 'smkurss.final-test';

export function newSession(token: string, expiresAt: number, items: PublicItem[]): Session {
  return { token, expiresAt, items, answers: items.map(() => []), at: 0 };
}

/** The step the learner answers next in an item (the first, or the one the server served last), or undefined when it is done. */
export function stepToAnswer(item: PublicItem, answers: readonly PublicAnswer[]): PublicStep | undefined {
  if (!item.story) return answers.length ? undefined : item.steps[0];
  return item.ended && answers.length >= item.steps.length ? undefined : item.steps[answers.length];
}

/** Whether an item is answered to its end (a story to where the server said its path ends). */
export const isComplete = (item: PublicItem, answers: readonly PublicAnswer[]) => (item.story ? !!item.ended && answers.length === item.steps.length : answers.length === 1);

/** A story waiting for the server: its last answer is recorded here but the next step has not come yet. */
export const awaitsStep = (item: PublicItem, answers: readonly PublicAnswer[]) => item.story && !item.ended && answers.length === item.steps.length && answers.length > 0;

/** The answer a choice makes at the item's current step, or undefined when the step does not offer it. */
export function answerAt(session: Session, choice: readonly string[]): PublicAnswer | undefined {
  const item = session.items[session.at];
  if (!item) return undefined;
  const step = stepToAnswer(item, session.answers[session.at]!);
  if (!step || !choice.length || new Set(choice).size !== choice.length || choice.some((c) => !step.options.some((o) => o.id === c)) || (!step.multiple && choice.length !== 1)) return undefined;
  return { step: step.id, choice: [...choice] };
}

/** Moves to the next item not yet answered, or to the review. */
function moveOn(session: Session): Session {
  const item = session.items[session.at];
  if (!item || !isComplete(item, session.answers[session.at]!)) return session;
  const nextOpen = session.answers.findIndex((a, i) => i > session.at && !isComplete(session.items[i]!, a));
  return { ...session, at: nextOpen < 0 ? session.items.length : nextOpen };
}

/**
 * Records a choice at the item's current step. A single-question item is done and the learner
 * moves on; a story records the answer and waits for `served`, the server's next step.
 */
export function choose(session: Session, choice: readonly string[]): Session {
  const answer = answerAt(session, choice);
  if (!answer) return session;
  const answers = session.answers.map((a, i) => (i === session.at ? [...a, answer] : a));
  return moveOn({ ...session, answers });
}

/** The server's answer for the story shown: its next step, or `null` where the story ends. */
export function served(session: Session, step: PublicStep | null): Session {
  const item = session.items[session.at];
  if (!item || !awaitsStep(item, session.answers[session.at]!)) return session;
  const next: PublicItem = step ? { ...item, steps: [...item.steps, step] } : { ...item, ended: true };
  return moveOn({ ...session, items: session.items.map((it, i) => (i === session.at ? next : it)) });
}

/**
 * Goes to an item to answer it again (the review's "change"). A single question only: a story's
 * answers are fixed by the server once it has served what follows them.
 */
export function reopen(session: Session, index: number): Session {
  const item = session.items[index];
  if (!item || item.story) return session;
  return { ...session, at: index, answers: session.answers.map((a, i) => (i === index ? [] : a)) };
}

/** Goes to an item without changing it (a story to go on with, from the review). */
export const goTo = (session: Session, index: number): Session => (session.items[index] ? { ...session, at: index } : session);

export const unanswered = (session: Session) => session.items.map((item, i) => (isComplete(item, session.answers[i]!) ? -1 : i)).filter((i) => i >= 0);

const isStep = (st: unknown): st is PublicStep => {
  const s = st as PublicStep;
  return typeof s?.id === 'string' && typeof s.question === 'string' && typeof s.multiple === 'boolean' && Array.isArray(s.options) && s.options.every((o) => typeof o?.id === 'string' && typeof o.label === 'string');
};

/** A stored session, or undefined when it is missing, broken, expired or not one (never throws). */
export function readSession(text: string | null | undefined, now = Date.now()): Session | undefined {
  if (!text) return undefined;
  try {
    const s = JSON.parse(text) as Session;
    const valid =
      typeof s?.token === 'string' &&
      typeof s.expiresAt === 'number' &&
      Array.isArray(s.items) &&
      Array.isArray(s.answers) &&
      s.answers.length === s.items.length &&
      Number.isInteger(s.at) &&
      s.at >= 0 &&
      s.at <= s.items.length &&
      s.items.every((i) => typeof i?.situation === 'string' && typeof i.story === 'boolean' && Array.isArray(i.steps) && i.steps.length > 0 && i.steps.every(isStep)) &&
      s.answers.every((a, n) => Array.isArray(a) && a.length <= s.items[n]!.steps.length && a.every((x) => typeof x?.step === 'string' && Array.isArray(x.choice) && x.choice.every((c) => typeof c === 'string')));
    return valid && s.expiresAt > now ? s : undefined;
  } catch {
    return undefined;
  }
}
