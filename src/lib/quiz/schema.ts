import { z } from 'zod';
import { LOCALES } from '../i18n/locales';

/** A document of an institution's modules folder that local sources may cite: `kartiba.md`. */
export const DOC_NAME = /^[\w.-]+\.(md|txt)$/;

/** Ids are kebab-case so they are safe in URLs, storage keys and answer logs. */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, hyphens)');

/** Every human-readable string exists in every locale, non-empty. */
const text = z.strictObject(
  Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1, `the "${l}" text is empty`)])) as Record<
    (typeof LOCALES)[number],
    z.ZodString
  >,
);

/** The seed passage an option's feedback rests on: `lv` verbatim from the seed, `en` a translation. */
const source = z
  .strictObject({
    seed: z.string().regex(/^[\w.-]+\.txt$/, 'must name a seed file in modules/sources/').optional(),
    /** An institution's local module only: a document in its modules folder (e.g. kartiba.md) instead of a seed. */
    doc: z.string().regex(DOC_NAME, 'must name a .md or .txt file in the institution’s modules folder').optional(),
    quote: text,
  })
  .refine((s) => (s.seed === undefined) !== (s.doc === undefined), { message: 'give either seed: (a seed file) or doc: (a document of the institution), not both', path: ['seed'] })
  // Pages cite `seed`; for a document it is the document's name (its title comes from seed-titles.ts).
  .transform(({ seed, doc, quote }) => ({ seed: (seed ?? doc)!, ...(doc === undefined ? {} : { doc }), quote }));

export { ACCOUNT_OPTION_IDS, DISCLOSURE_OPTION_IDS } from './option-ids';

const answerOption = z.strictObject({
  id,
  /** Optional for account/disclosure options: the standard label from the UI strings is used. */
  label: text.optional(),
  /** Whether choosing this option is right. */
  correct: z.boolean().default(false),
  /** Keeps the option last when options are shuffled (e.g. "none of these"); nothing else is pinned. */
  pinLast: z.boolean().optional(),
  /** Why this option is right or wrong, in both locales. */
  feedback: text,
  source,
});

/**
 * A module-quiz scenario's open question for the room, shown by the presenter after the reveal and
 * printed in the facilitator guide. Required in module quizzes (`moduleQuizFileSchema`); the final
 * test's bank, which no room discusses, has none.
 */
const discussion = z.strictObject(text.shape, {
  error: (issue) => (issue.input === undefined ? 'missing: every module-quiz scenario needs a question for the room, { lv: …, en: … }' : undefined),
});

const scenarioBase = {
  id,
  /** The story: who, where, what was posted or asked. */
  situation: text,
  discussion: discussion.optional(),
};

const singleAnswerScenario = <K extends 'account' | 'disclosure' | 'choice' | 'multi'>(kind: K) =>
  z.strictObject({
    ...scenarioBase,
    kind: z.literal(kind),
    /**
     * The id of this scenario's twin in the same pool: the same question and the same option labels,
     * the key changed by one fact in the situation. An attempt draws a pair together or not at all, so
     * a learner who answers from the labels alone gets at most one of the two. Declared on one side
     * or on both (then they must agree).
     */
    twin: id.optional(),
    question: text,
    /** Points for a right answer (multi: for exactly the right set). */
    points: z.number().int().min(1).max(10).default(1),
    options: z.array(answerOption).min(2).max(6),
  });

const branchOption = z.strictObject({
  id,
  label: text,
  /** The step or ending this choice leads to. */
  next: id,
  /**
   * Whether the guidelines count this choice as a mistake (its feedback says it was wrong). A path
   * through a mistake must not reach the best ending with full points; the build checks it.
   */
  mistake: z.boolean(),
  /** Keeps the option last when options are shuffled; nothing else is pinned. */
  pinLast: z.boolean().optional(),
  feedback: text,
  source,
});

const step = z.strictObject({
  id,
  /** What happens now: a consequence of the previous choice playing out. */
  situation: text.optional(),
  question: text,
  options: z.array(branchOption).min(2).max(6),
});

const ending = z.strictObject({
  id,
  outcome: z.enum(['best', 'acceptable', 'poor']),
  points: z.number().int().min(0).max(10),
  /** How the story ends. */
  text,
});

const branchingScenario = z.strictObject({
  ...scenarioBase,
  kind: z.literal('branching'),
  /** The id of the first step. */
  start: id,
  steps: z.array(step).min(1),
  endings: z.array(ending).min(1),
  /**
   * The better course of action, in a few sentences: shown at the end when the learner's path did not
   * reach the best ending, so the story teaches what to do, not only what went wrong.
   */
  betterMove: text.optional(),
});

export const scenarioSchema = z.discriminatedUnion('kind', [
  singleAnswerScenario('account'),
  singleAnswerScenario('disclosure'),
  singleAnswerScenario('choice'),
  singleAnswerScenario('multi'),
  branchingScenario,
]);

/** A module quiz's scenario: the same, with its `discussion` question required. */
export const moduleScenarioSchema = z.discriminatedUnion('kind', [
  singleAnswerScenario('account').extend({ discussion }),
  singleAnswerScenario('disclosure').extend({ discussion }),
  singleAnswerScenario('choice').extend({ discussion }),
  singleAnswerScenario('multi').extend({ discussion }),
  branchingScenario.extend({ discussion }),
]);

const kindCounts = z.strictObject({
  account: z.number().int().min(0).optional(),
  disclosure: z.number().int().min(0).optional(),
  choice: z.number().int().min(0).optional(),
  multi: z.number().int().min(0).optional(),
  branching: z.number().int().min(0).optional(),
  /** Twin PAIRS (not scenarios): every attempt holds at least this many pairs, each drawn whole. */
  twins: z.number().int().min(0).optional(),
});

/** How one attempt draws its scenarios from a larger pool; the pool's file order is kept. */
const draw = z.strictObject({
  /** Scenarios per attempt. */
  count: z.number().int().min(1),
  /** At least this many of a kind in every attempt, e.g. `{ account: 1, disclosure: 1, branching: 1 }`. */
  atLeast: kindCounts.default({}),
  /** At most this many of any one kind in an attempt. */
  atMost: z.number().int().min(1).optional(),
});

export const quizFileSchema = z.strictObject({
  /** Share of points needed to pass, in per cent. */
  passPercent: z.number().int().min(1).max(100).default(80),
  /** Draw a set of scenarios per attempt from the pool; absent means every scenario, every time. */
  draw: draw.optional(),
  scenarios: z.array(scenarioSchema).min(1),
});

/** A module quiz (`quizzes/<id>.yaml`); the final test's files (`quizzes/final-test/`) are `quizFileSchema`. */
export const moduleQuizFileSchema = quizFileSchema.extend({ scenarios: z.array(moduleScenarioSchema).min(1) });
