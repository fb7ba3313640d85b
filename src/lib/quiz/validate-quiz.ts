import type { z } from 'zod';
import { quizPlaceholderProblems } from '../content/placeholders';
import { quoteMarkProblems } from '../course/quote-marks';
import { duplicates } from './kinds/kind';
import { drawRuleProblems } from './draw';
import { validateKind } from './kind-checks';
import { everyOption } from './scenario';
import { moduleQuizFileSchema, quizFileSchema } from './schema';
import { twinLengthProblems, twinProblems } from './twin';
import type { QuizFile, Scenario } from './types';

/** Seed documents by file name, for checking that quotes are word for word. */
export type SeedTexts = Record<string, string>;

/** `module`: a module quiz, whose scenarios must each carry a `discussion` question for the room. */
export interface QuizKindOptions {
  module?: boolean;
}

export type QuizValidation = { ok: true; quiz: QuizFile } | { ok: false; problems: string[] };

/** Collapses whitespace runs so a quote may wrap differently from the seed. */
export function normaliseSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Validates parsed quiz data: the schema first, then what a schema cannot say (unique ids, answer
 * keys, the branching graph, quotes and quotation marks, twin pairs). Each problem names the scenario and the step or field, so the
 * caller only has to prefix the file name.
 */
export function validateQuiz(data: unknown, seeds?: SeedTexts, options: QuizKindOptions = {}): QuizValidation {
  const parsed = (options.module ? moduleQuizFileSchema : quizFileSchema).safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(data, i)) };
  const problems = [...checkIds(parsed.data), ...parsed.data.scenarios.flatMap((s) => checkScenario(s, seeds)), ...quoteMarkProblems(parsed.data.scenarios, [], ['scenarios']), ...quizPlaceholderProblems(parsed.data.scenarios, [], ['scenarios']), ...twinProblems(parsed.data.scenarios), ...twinLengthProblems(parsed.data.scenarios), ...drawRuleProblems(parsed.data)];
  return problems.length ? { ok: false, problems } : { ok: true, quiz: parsed.data };
}

/** Turns a zod issue's index path into the ids a content author recognises. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const names: string[] = [];
  let node: unknown = data;
  const fields: string[] = [];
  for (const key of issue.path) {
    const child = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
    if (typeof key === 'number') {
      const label = fields.pop() ?? 'item';
      const childId = child && typeof child === 'object' ? (child as { id?: unknown }).id : undefined;
      names.push(`${singular(label)} "${typeof childId === 'string' ? childId : `#${key + 1}`}"`);
    } else {
      fields.push(String(key));
    }
    node = child;
  }
  const field = fields.join('.');
  return [...names, field ? `${field}: ${plainMessage(issue, node)}` : plainMessage(issue, node)].join(' › ');
}

/** Zod's message in an author's words where its own is a type checker's ("expected object, received undefined"). */
function plainMessage(issue: z.core.$ZodIssue, value: unknown): string {
  // A schema's own message for a missing field (the discussion question's says what to write) stays.
  if (issue.code === 'invalid_type' && value === undefined && issue.message.startsWith('missing')) return issue.message;
  if (issue.code === 'invalid_type' && value === undefined) return issue.expected === 'object' ? 'missing' : issue.expected === 'string' ? 'missing (text)' : `missing (a ${issue.expected})`;
  if (issue.code === 'unrecognized_keys') return `${issue.keys.map((k) => `"${k}"`).join(', ')}: not a field here (misspelt?)`;
  return issue.message;
}

function singular(field: string): string {
  return { scenarios: 'scenario', options: 'option', steps: 'step', endings: 'ending' }[field] ?? field;
}

function checkIds(quiz: QuizFile): string[] {
  return duplicates(quiz.scenarios.map((s) => s.id)).map((id) => `scenario "${id}" › id: duplicate scenario id`);
}

function checkScenario(scenario: Scenario, seeds?: SeedTexts): string[] {
  return [...validateKind(scenario), ...(seeds ? checkQuotes(scenario, seeds) : [])];
}

function checkQuotes(scenario: Scenario, seeds: SeedTexts): string[] {
  return everyOption(scenario).flatMap(({ step, option }) => {
    const problem = quoteProblem(option.source, seeds);
    const where = [`scenario "${scenario.id}"`, ...(step === undefined ? [] : [`step "${step}"`]), `option "${option.id}"`].join(' › ');
    return problem ? [`${where} › source.${problem}`] : [];
  });
}

/** The key under which an institution's document `<name>` joins the seed texts. */
export const DOC_KEY = 'doc:';

/** Why a source does not quote its seed word for word, or undefined when it does. */
export function quoteProblem(source: { seed: string; doc?: string; quote: { lv: string } | string }, seeds: SeedTexts): string | undefined {
  // An institution's documents sit beside the seeds under `doc:<name>` (localDocSeeds), so a seed name never finds one.
  const seed = source.doc === undefined ? seeds[source.seed] : seeds[`${DOC_KEY}${source.doc}`];
  if (seed === undefined)
    return source.doc === undefined
      ? `seed: "${source.seed}" is not a file in modules/sources/`
      : `doc: "${source.doc}" is not a document in the institution's modules folder (only local modules may cite one, a file next to their lv/, en/ and quizzes/)`;
  const quote = typeof source.quote === 'string' ? source.quote : source.quote.lv;
  if (!normaliseSpace(seed).includes(normaliseSpace(quote)))
    return `quote: not found word for word in ${source.seed}: "${quote.slice(0, 60)}…"`;
  return undefined;
}
