import { branchingProblems, branchingWritingProblems } from './kinds/branching-checks';
import { singleAnswerProblems, singleAnswerWritingProblems } from './kinds/single-answer-checks';
import { kindOf } from './scenario';
import type { BranchingScenario, Scenario, SingleStepScenario } from './types';

// The build's per-kind checks, apart from the kind modules so the browser's quiz chunk does not
// carry them (it never validates content): imported by validation and the guessability report.

const rulesOf = (s: Scenario) => ({ multiple: kindOf(s).multiple, fixedOptionIds: kindOf(s).fixedOptionIds });

/** Problems a schema cannot see, each starting with the scenario and naming the field. */
export const validateKind = (s: Scenario): string[] => (kindOf(s).leadsOn ? branchingProblems(s as BranchingScenario) : singleAnswerProblems(s as SingleStepScenario, rulesOf(s)));

/** Item-writing faults that make a scenario guessable or unfair (not broken). */
export const writingProblemsOf = (s: Scenario): string[] => (kindOf(s).leadsOn ? branchingWritingProblems(s as BranchingScenario) : singleAnswerWritingProblems(s as SingleStepScenario, rulesOf(s)));
