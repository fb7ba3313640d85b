import type { z } from 'zod';
import type { quizFileSchema, scenarioSchema } from './schema';

export type QuizFile = z.infer<typeof quizFileSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioKind = Scenario['kind'];
export type BranchingScenario = Extract<Scenario, { kind: 'branching' }>;
export type SingleStepScenario = Exclude<Scenario, { kind: 'branching' }>;
export type Step = BranchingScenario['steps'][number];
export type Ending = BranchingScenario['endings'][number];
export type AnswerOption = SingleStepScenario['options'][number];
export type BranchOption = Step['options'][number];

/** A validated quiz, tied to the module it belongs to. */
export interface Quiz extends QuizFile {
  moduleId: string;
}

/** One submitted answer: which scenario (and which step of a branching one), which options. */
export interface AnswerEntry {
  scenario: string;
  /** Set for branching scenarios only. */
  step?: string;
  choice: string[];
}
export type AnswerLog = AnswerEntry[];
