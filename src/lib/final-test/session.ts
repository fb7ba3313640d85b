import type { PublicAnswer, PublicItem } from './public-item';

/**
 * A final-test attempt in the browser: the signed token, the items as the server sent them, and
 * the answers so far. Kept in storage so a reload resumes; nothing in it tells an answer, so
 * keeping it is harmless. No feedback is given until the server grades the whole attempt.
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

/** The step the learner answers next in an item: the start, or where the last choice led. */
export function stepToAnswer(item: PublicItem, answers: readonly PublicAnswer[]) {
  if (!answers.length) return item.steps.find((s) => s.id === item.start);
  const last = answers.at(-1)!;
  const step = item.steps.find((s) => s.id === last.step);
  const next = step?.next?.[last.choice[0] ?? ''];
  return next ? item.steps.find((s) => s.id === next) : undefined;
}

/** Whether an item is answered to its end (a story to where its path ends). */
export const isComplete = (item: PublicItem, answers: readonly PublicAnswer[]) => answers.length > 0 && !stepToAnswer(item, answers);

/** Records a choice at the item's current step; a finished item moves the learner on. */
export function choose(session: Session, choice: readonly string[]): Session {
  const item = session.items[session.at];
  if (!item) return session;
  const step = stepToAnswer(item, session.answers[session.at]!);
  if (!step || !choice.length || choice.some((c) => !step.options.some((o) => o.id === c)) || (!step.multiple && choice.length !== 1)) return session;
  const answers = session.answers.map((a, i) => (i === session.at ? [...a, { step: step.id, choice: [...choice] }] : a));
  const done = isComplete(item, answers[session.at]!);
  const nextOpen = done ? answers.findIndex((a, i) => i > session.at && !isComplete(session.items[i]!, a)) : session.at;
  return { ...session, answers, at: done ? (nextOpen < 0 ? session.items.length : nextOpen) : session.at };
}

/** Goes to an item to answer it again from its first step (the review's "change"). */
export function reopen(session: Session, index: number): Session {
  if (!session.items[index]) return session;
  return { ...session, at: index, answers: session.answers.map((a, i) => (i === index ? [] : a)) };
}

export const unanswered = (session: Session) => session.items.map((item, i) => (isComplete(item, session.answers[i]!) ? -1 : i)).filter((i) => i >= 0);

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
      s.items.every((i) => typeof i?.situation === 'string' && typeof i.start === 'string' && Array.isArray(i.steps) && i.steps.every((st) => typeof st?.id === 'string' && Array.isArray(st.options))) &&
      s.answers.every((a) => Array.isArray(a) && a.every((x) => typeof x?.step === 'string' && Array.isArray(x.choice) && x.choice.every((c) => typeof c === 'string')));
    return valid && s.expiresAt > now ? s : undefined;
  } catch {
    return undefined;
  }
}
