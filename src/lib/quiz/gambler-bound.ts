import { drawScenarios, twinPairs } from './draw';
import { attemptChance, meanChance, pairGamble } from './gambler';
import { bestGamblerDraw, type DrawGroup } from './gambler-best-draw';
import { leadsOn, maxPoints } from './scenario';
import type { QuizFile } from './types';

/** The gambler's figures for one quiz or test: the best draw for them, and the mean over the draws learners meet. */
export interface GamblerBound {
  /** The chance on the attempt the rules allow that suits the gambler best (exact). */
  best: number;
  /** The chance over the draw distribution (exact per attempt, averaged over `attempts` seeds), with its standard error. */
  mean: number;
  error: number;
  attempts: number;
}

/** How many seeds the mean is taken over: a standard error of well under a percentage point (it is printed). */
export const GAMBLER_SEEDS = 1000;

/**
 * A module quiz is practice with unlimited retries, so a gambler passes in the end; what matters is
 * how often. Above this chance per attempt (over the draws learners meet) the build fails: the quiz
 * rewards guessing the twins' order more than reading. The figure per quiz is in `npm run bench`.
 * 40 % since the gambler mixes coins and common answers per pair (passChance): `ikdienas-prakse`
 * (its three-point story) reaches 38 % under that model, and a module quiz is practice.
 */
export const MODULE_GAMBLER_LIMIT = 0.4;

/** The rules' groups for a module quiz: one per kind, each with its bounds, its single items and its pairs. */
function kindGroups(quiz: QuizFile): DrawGroup[] {
  const pairs = twinPairs(quiz.scenarios);
  const paired = new Set(pairs.flat());
  const kinds = [...new Set(quiz.scenarios.map((s) => s.kind))];
  return kinds.map((kind) => {
    const inPool = quiz.scenarios.filter((s) => s.kind === kind).length;
    return {
      min: (quiz.draw?.atLeast as Record<string, number | undefined> | undefined)?.[kind] ?? 0,
      max: Math.min(inPool, quiz.draw?.atMost ?? Infinity),
      singles: quiz.scenarios.filter((s, i) => s.kind === kind && !paired.has(i)).map((s) => ({ points: maxPoints(s), story: leadsOn(s) })),
      pairs: pairs.filter(([a]) => quiz.scenarios[a]!.kind === kind).map(([a, b]) => pairGamble(quiz.scenarios[a]!, quiz.scenarios[b]!)),
    };
  });
}

/** The gambler's chance on a module quiz: on its best draw, and over the draws of `attempts` seeds. */
export function quizGambler(quiz: QuizFile, attempts = GAMBLER_SEEDS): GamblerBound {
  if (!quiz.draw) {
    const chance = attemptChance(quiz.scenarios, quiz.passPercent);
    return { best: chance, mean: chance, error: 0, attempts: 1 };
  }
  const best = bestGamblerDraw(kindGroups(quiz), { count: quiz.draw.count, twins: quiz.draw.atLeast.twins ?? 0, stories: 0, passPercent: quiz.passPercent });
  // Rules no pool can meet are the validator's to report (drawRuleProblems); no attempt, no figure.
  if (!best) return { best: 0, mean: 0, error: 0, attempts: 0 };
  let chances: number[];
  try {
    chances = Array.from({ length: attempts }, (_, seed) => attemptChance(drawScenarios(quiz, seed), quiz.passPercent));
  } catch {
    return { best: best.chance, mean: 0, error: 0, attempts: 0 };
  }
  return { best: best.chance, ...meanChance(chances), attempts };
}

/** The build's check: a module quiz where the gambler passes more than MODULE_GAMBLER_LIMIT of attempts (over the draws). */
export function gamblerProblem(quiz: QuizFile): { key: string; detail: string } | undefined {
  const g = quizGambler(quiz);
  if (g.mean <= MODULE_GAMBLER_LIMIT) return undefined;
  return {
    key: `gambler: passes ${Math.round(g.mean * 100)} % of attempts`,
    detail: `a learner who knows the lessons and both keys of every twin pair, and tosses a coin for which twin gets which, passes more than ${MODULE_GAMBLER_LIMIT * 100} % of attempts (best draw ${Math.round(g.best * 100)} %): draw more pairs (\`draw.atLeast.twins\`) or fewer stories and items worth more than one point`,
  };
}
