import { bestRatioOver, type LessonReaderBound } from '../quiz/guessability';
import { maxPoints } from '../quiz/scenario';
import { isPass, percentOf } from '../quiz/scoring';
import { commonAnswerPoints } from '../quiz/twin';
import { bankUnits, selectUnits, type Bank, type FinalTestRules } from './draw';

/**
 * The final test against a learner who knows every lesson but does not read the situations: full
 * points on every item that is not a twin (an upper bound), on a twin pair the most one common
 * answer earns on both, on the attempt the rules allow that suits them best (exact: Dinkelbach's
 * method over the draw's own exact selection). The bank test asserts it stays below the pass mark.
 */
export function finalTestLessonReader(bank: Bank, rules: FinalTestRules): LessonReaderBound {
  const units = bankUnits(bank).map((u) => {
    const max = u.scenarios.reduce((n, s) => n + maxPoints(s), 0);
    const earned = u.scenarios.length === 2 ? commonAnswerPoints(u.scenarios[0]!, u.scenarios[1]!) : max;
    return { ...u, earned, max };
  });
  const { earned, max } = bestRatioOver(units, (value) => selectUnits(bank, rules, value, units));
  return { earned, max, percent: percentOf(earned, max), passes: isPass(earned, max, rules.passPercent) };
}
