import { maxPoints, scoreScenario } from '../quiz/scenario';
import { isPass, percentOf } from '../quiz/scoring';
import { scenarioOf, type Bank, type FinalTestRules, type ItemRef } from './draw';
import { bankAnswer, type PublicAnswer } from './public-item';

export interface GradedItem {
  ref: ItemRef;
  earned: number;
  max: number;
  /** The options chosen at each step, in bank ids (for item statistics); empty when unanswered or refused. */
  choices: { step?: string; choice: string[] }[];
}

export interface FinalTestResult {
  earned: number;
  max: number;
  percent: number;
  passed: boolean;
  /** Modules with an item not answered in full, in bank order: what the learner should review. */
  review: string[];
  items: GradedItem[];
}

/**
 * Grades one attempt: each item's answer, given in the public ids the browser saw, is mapped back
 * with the attempt's seed and scored like a module quiz (the same kinds, the same points). An item
 * left out or answered with ids the item does not have scores nothing. The result names modules to
 * review, never the per-item key.
 */
export function gradeAttempt(bank: Bank, attempt: { seed: number; items: readonly ItemRef[] }, answers: readonly (readonly PublicAnswer[] | undefined)[], rules: FinalTestRules): FinalTestResult {
  const items = attempt.items.map((ref, i): GradedItem => {
    const scenario = scenarioOf(bank, ref);
    if (!scenario) throw new Error(`the bank has no item ${ref.module}/${ref.scenario}`);
    const max = maxPoints(scenario);
    const entries = answers[i] ? bankAnswer(scenario, attempt.seed, answers[i]) : undefined;
    if (!entries?.length) return { ref, earned: 0, max, choices: [] };
    return { ref, earned: scoreScenario(scenario, entries).earned, max, choices: entries.map((e) => ({ ...(e.step !== undefined && { step: e.step }), choice: e.choice })) };
  });
  const earned = items.reduce((n, i) => n + i.earned, 0);
  const max = items.reduce((n, i) => n + i.max, 0);
  return { earned, max, percent: percentOf(earned, max), passed: isPass(earned, max, rules.passPercent), review: modulesToReview(bank, items), items };
}

/**
 * The modules a failed attempt names for review: each with an item not answered in full, in bank
 * order. The simulation of an attacker who reads these across attempts uses this same rule.
 */
export function modulesToReview(bank: Bank, items: readonly { ref: ItemRef; earned: number; max: number }[]): string[] {
  const weak = new Set(items.filter((i) => i.earned < i.max).map((i) => i.ref.module));
  return bank.map((q) => q.moduleId).filter((m) => weak.has(m));
}
