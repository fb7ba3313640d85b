import type { z } from 'zod';
import { ACCOUNT_OPTION_IDS, DISCLOSURE_OPTION_IDS, quizFileSchema } from './schema';
import type { BranchingScenario, QuizFile, Scenario } from './types';

/** Seed documents by file name, for checking that quotes are word for word. */
export type SeedTexts = Record<string, string>;

export type QuizValidation = { ok: true; quiz: QuizFile } | { ok: false; problems: string[] };

/** Collapses whitespace runs so a quote may wrap differently from the seed. */
export function normaliseSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Validates parsed quiz data: the schema first, then what a schema cannot say (unique ids, answer
 * keys, the branching graph, quotes). Each problem names the scenario and the step or field, so the
 * caller only has to prefix the file name.
 */
export function validateQuiz(data: unknown, seeds?: SeedTexts): QuizValidation {
  const parsed = quizFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(data, i)) };
  const problems = [...checkIds(parsed.data), ...parsed.data.scenarios.flatMap((s) => checkScenario(s, seeds))];
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
  return [...names, field ? `${field}: ${issue.message}` : issue.message].join(' › ');
}

function singular(field: string): string {
  return { scenarios: 'scenario', options: 'option', steps: 'step', endings: 'ending' }[field] ?? field;
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function checkIds(quiz: QuizFile): string[] {
  return duplicates(quiz.scenarios.map((s) => s.id)).map((id) => `scenario "${id}" › id: duplicate scenario id`);
}

function checkScenario(scenario: Scenario, seeds?: SeedTexts): string[] {
  const at = `scenario "${scenario.id}"`;
  const problems: string[] = [];
  if (scenario.kind === 'branching') {
    problems.push(...checkBranching(scenario));
  } else {
    const ids = scenario.options.map((o) => o.id);
    problems.push(...duplicates(ids).map((id) => `${at} › option "${id}" › id: duplicate option id`));
    const allowed: readonly string[] | undefined =
      scenario.kind === 'account' ? ACCOUNT_OPTION_IDS : scenario.kind === 'disclosure' ? DISCLOSURE_OPTION_IDS : undefined;
    for (const option of scenario.options) {
      if (allowed && !allowed.includes(option.id))
        problems.push(`${at} › option "${option.id}" › id: a ${scenario.kind} option must be one of ${allowed.join(', ')}`);
      if (!allowed && !option.label) problems.push(`${at} › option "${option.id}" › label: missing (required for ${scenario.kind})`);
    }
    const correct = scenario.options.filter((o) => o.correct).length;
    if (scenario.kind === 'multi' && correct < 2)
      problems.push(`${at} › options: a multi scenario needs at least two correct options, found ${correct}`);
    if (scenario.kind !== 'multi' && correct !== 1)
      problems.push(`${at} › options: exactly one option must be correct, found ${correct}`);
  }
  if (seeds) problems.push(...checkQuotes(scenario, seeds));
  return problems;
}

function checkBranching(scenario: BranchingScenario): string[] {
  const at = `scenario "${scenario.id}"`;
  const problems: string[] = [];
  const nodeIds = [...scenario.steps.map((s) => s.id), ...scenario.endings.map((e) => e.id)];
  problems.push(...duplicates(nodeIds).map((id) => `${at} › step "${id}" › id: duplicate step or ending id`));
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const endings = new Set(scenario.endings.map((e) => e.id));
  if (!steps.has(scenario.start)) problems.push(`${at} › start: "${scenario.start}" is not a step of this scenario`);
  for (const step of scenario.steps) {
    problems.push(...duplicates(step.options.map((o) => o.id)).map((id) => `${at} › step "${step.id}" › option "${id}" › id: duplicate option id`));
    for (const option of step.options)
      if (!steps.has(option.next) && !endings.has(option.next))
        problems.push(`${at} › step "${step.id}" › option "${option.id}" › next: "${option.next}" is neither a step nor an ending of this scenario`);
  }
  if (problems.length) return problems;

  // Walk the graph from the start: grey = on the current path, so meeting grey again is a loop,
  // a path that never reaches an ending.
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string): void => {
    if (endings.has(id)) { colour.set(id, 'black'); return; }
    colour.set(id, 'grey');
    for (const option of steps.get(id)!.options) {
      const seen = colour.get(option.next);
      if (seen === 'grey') problems.push(`${at} › step "${id}" › option "${option.id}" › next: leads back to "${option.next}", a path with no ending`);
      else if (!seen) visit(option.next);
    }
    colour.set(id, 'black');
  };
  visit(scenario.start);
  for (const id of nodeIds)
    if (!colour.has(id)) problems.push(`${at} › ${endings.has(id) ? 'ending' : 'step'} "${id}": unreachable from start "${scenario.start}"`);
  return problems;
}

function checkQuotes(scenario: Scenario, seeds: SeedTexts): string[] {
  const at = `scenario "${scenario.id}"`;
  const located =
    scenario.kind === 'branching'
      ? scenario.steps.flatMap((s) => s.options.map((o) => ({ where: `${at} › step "${s.id}" › option "${o.id}"`, source: o.source })))
      : scenario.options.map((o) => ({ where: `${at} › option "${o.id}"`, source: o.source }));
  return located.flatMap(({ where, source }) => {
    const problem = quoteProblem(source, seeds);
    return problem ? [`${where} › source.${problem}`] : [];
  });
}

/** Why a source does not quote its seed word for word, or undefined when it does. */
export function quoteProblem(source: { seed: string; quote: { lv: string } | string }, seeds: SeedTexts): string | undefined {
  const seed = seeds[source.seed];
  if (seed === undefined) return `seed: "${source.seed}" is not a file in modules/sources/`;
  const quote = typeof source.quote === 'string' ? source.quote : source.quote.lv;
  if (!normaliseSpace(seed).includes(normaliseSpace(quote)))
    return `quote: not found word for word in ${source.seed}: "${quote.slice(0, 60)}…"`;
  return undefined;
}
