import { z } from 'zod';

/** A seed passage a lesson teaches: quoted word for word, with the seed's file name. */
const source = z
  .strictObject({
    seed: z.string().regex(/^[\w.-]+\.txt$/, 'must name a seed file in modules/sources/').optional(),
    /** An institution's local module only: a document in its modules folder (e.g. kartiba.md) instead of a seed. */
    doc: z.string().regex(/^[\w.-]+\.(md|txt)$/, 'must name a .md or .txt file in the institution’s modules folder').optional(),
    quote: z.string().trim().min(1),
    /** English lessons render the Latvian quotation with this translation beside it. */
    translation: z.string().trim().min(1).optional(),
  })
  .refine((s) => (s.seed === undefined) !== (s.doc === undefined), { message: 'give either seed: (a seed file) or doc: (a document of the institution), not both', path: ['seed'] })
  // Pages cite `seed`; for a document it is the document's name (its title comes from seed-titles.ts).
  .transform(({ seed, doc, ...rest }) => ({ seed: (seed ?? doc)!, ...(doc === undefined ? {} : { doc }), ...rest }));

/** Frontmatter of `modules/<locale>/<module-id>.md`. */
export const moduleSchema = z.strictObject({
  title: z.string().trim().min(1),
  /** One or two sentences for the course home. */
  summary: z.string().trim().min(1),
  /** Position in the course; unique. */
  order: z.number().int().min(1),
  /** What the learner can do afterwards. */
  objectives: z.array(z.string().trim().min(1)).min(1),
  /** The key-points summary box. */
  keyPoints: z.array(z.string().trim().min(1)).min(1),
  sources: z.array(source).min(1),
  /** For trainers running the module as a workshop. */
  facilitator: z.strictObject({
    questions: z.array(z.string().trim().min(1)).min(1),
    timing: z.array(z.strictObject({ minutes: z.number().int().min(1), activity: z.string().trim().min(1) })).min(1),
  }),
});

export type ModuleData = z.infer<typeof moduleSchema>;
