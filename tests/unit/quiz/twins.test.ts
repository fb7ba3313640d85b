import { describe, expect, it } from 'vitest';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { keyedAttempt } from '../../../src/lib/quiz/answer-key';
import { attemptProblem, attemptQuiz } from '../../../src/lib/quiz/attempt';
import { drawProblem, drawRuleProblems, drawScenarios, selectBest, twinPairs } from '../../../src/lib/quiz/draw';
import { guessabilityProblems, lessonReaderBound } from '../../../src/lib/quiz/guessability';
import { twinLengthProblems } from '../../../src/lib/quiz/twin';
import { regrade } from '../../../src/lib/quiz/regrade';
import type { QuizFile } from '../../../src/lib/quiz/types';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { seeds, tripledTwinData } from '../helpers';

const labels = standardLabels();

function problemsOf(data: unknown): string[] {
  const result = validateQuiz(data, seeds);
  return result.ok ? [] : result.problems;
}
function valid(data: unknown): QuizFile {
  const result = validateQuiz(data, seeds);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.quiz;
}
const flip = (options: any[], correct: string) => options.map((o: any) => ({ ...o, correct: o.id === correct }));

/**
 * The fixture tripled into a pool of 15 (ids suffixed -1, -2, -3). evening-question-2 is the twin
 * of -1 (key flipped to personal-private), letter-content-2 the twin of -1 (key: share), both
 * declared on the second; the third copies get another question so they are not look-alikes.
 */
function twinData(): any {
  const data = tripledTwinData();
  data.draw = { count: 6, atLeast: { account: 1, disclosure: 1, branching: 1, twins: 1 }, atMost: 2 };
  return data;
}

describe('twin validation (the build)', () => {
  it('accepts two marked pairs', () => {
    expect(problemsOf(twinData())).toEqual([]);
    expect(twinPairs(valid(twinData()).scenarios)).toEqual([
      [0, 5],
      [1, 6],
    ]);
  });

  it('names the scenario and field of each fault', () => {
    const cases: [(d: any) => void, string][] = [
      [(d) => (d.scenarios[5].twin = 'nowhere'), 'scenarios[5] (evening-question-2) › twin: "nowhere" is not a scenario of this pool (a twin is in the same file)'],
      [(d) => (d.scenarios[5].twin = 'evening-question-2'), 'scenarios[5] (evening-question-2) › twin: a scenario cannot be its own twin'],
      [(d) => (d.scenarios[0].twin = 'evening-question-3'), 'scenarios[0] (evening-question-1) › twin: in more than one pair ("evening-question-3", "evening-question-2"); a scenario has at most one twin'],
      [(d) => (d.scenarios[5].question.en = 'Where to answer now?'), 'scenarios[5] (evening-question-2) › twin: the question (en) differs from "evening-question-1"\'s; twins ask the same question, word for word'],
      [(d) => (d.scenarios[5].points = 2), 'scenarios[5] (evening-question-2) › twin: 2 point(s) here, 1 on "evening-question-1"; twins are worth the same'],
      [(d) => (d.scenarios[5].options = flip(d.scenarios[5].options, 'official')), 'scenarios[5] (evening-question-2) › twin: the answer official earns full points on both "evening-question-1" and "evening-question-2"; the key of twins must differ'],
      [(d) => (d.scenarios[5].twin = 'letter-content-1'), 'scenarios[1] (letter-content-1) › twin: in more than one pair'],
      [(d) => (d.scenarios[7].twin = 'angry-thread-1'), 'scenarios[7] (good-principles-2) › twin: "angry-thread-1" is a branching story; only single-question scenarios can be twins'],
      [(d) => (d.scenarios[8].twin = 'good-principles-1'), 'scenarios[8] (press-release-2) › twin: "good-principles-1" is multi and "press-release-2" is choice; twins are of one kind'],
    ];
    for (const [breakIt, expected] of cases) {
      const data = twinData();
      breakIt(data);
      const problems = problemsOf(data);
      expect(problems.some((p) => p.startsWith(expected)), `${expected}\n  got: ${problems.join('\n  ')}`).toBe(true);
    }
  });

  it('refuses the other twin naming a third scenario (the two must agree)', () => {
    const data = twinData();
    data.scenarios[0].twin = 'evening-question-3';
    expect(problemsOf(data)).toContain('scenarios[5] (evening-question-2) › twin: names "evening-question-1", but "evening-question-1" names "evening-question-3" as its twin; the two must agree');
  });

  it('compares the labels learners see: an account option given its own label differs from the standard one', () => {
    const data = twinData();
    data.scenarios[5].options[0].label = { lv: 'Iestādes kontā', en: 'On the official account' };
    expect(problemsOf(data).find((p) => p.includes('› twin: the option labels (lv) differ'))).toMatch(/^scenarios\[5\] \(evening-question-2\) › twin: the option labels \(lv\) differ from "evening-question-1"'s: „Iestādes kontā”/);
    // The standard label written out in full is the same label: no problem.
    const same = twinData();
    same.scenarios[5].options[0].label = { lv: labels.lv[`option.${same.scenarios[5].options[0].id}`], en: labels.en[`option.${same.scenarios[5].options[0].id}`] };
    expect(problemsOf(same)).toEqual([]);
  });

  it('refuses different option ids, and a multi pair where one set of options is right on both', () => {
    const ids = twinData();
    ids.scenarios[7].twin = 'good-principles-1';
    ids.scenarios[7].question = ids.scenarios[2].question;
    ids.scenarios[7].options[2].id = 'campaigning';
    expect(problemsOf(ids).some((p) => p.startsWith('scenarios[7] (good-principles-2) › twin: the option ids differ'))).toBe(true);
    const multi = twinData();
    multi.scenarios[7].twin = 'good-principles-1';
    multi.scenarios[7].question = multi.scenarios[2].question;
    expect(problemsOf(multi)).toContain('scenarios[7] (good-principles-2) › twin: the answer polite + accurate earns full points on both "good-principles-1" and "good-principles-2"; the key of twins must differ');
    // Its key changed (accurate and political right): no single set earns full points on both.
    multi.scenarios[7].options = multi.scenarios[7].options.map((o: any) => ({ ...o, correct: o.id !== 'polite' }));
    expect(problemsOf(multi)).toEqual([]);
  });

  it('refuses an atLeast.twins the pool cannot reach', () => {
    const data = twinData();
    data.draw.atLeast.twins = 3;
    expect(problemsOf(data)).toContain('draw › atLeast.twins: 3 pair(s) asked, the pool has 2');
    data.draw = { count: 3, atLeast: { twins: 2 } };
    expect(problemsOf(data)).toContain('draw › atLeast.twins: 2 pair(s) is 4 scenarios, more than the 3 of an attempt');
    const tight = valid({ ...twinData(), draw: { count: 6, atLeast: { account: 1, disclosure: 1, branching: 1 }, atMost: 2 } });
    expect(drawRuleProblems({ ...tight, draw: { ...tight.draw!, atLeast: { ...tight.draw!.atLeast, twins: 2 }, atMost: 1 } })).toEqual(['draw: no set of 6 scenarios meets the rules with 2 twin pair(s)']);
  });
});

describe('drawing twins', () => {
  const pool = valid(twinData());
  const pairOf = new Map([
    ['evening-question-1', 'evening-question-2'],
    ['evening-question-2', 'evening-question-1'],
    ['letter-content-1', 'letter-content-2'],
    ['letter-content-2', 'letter-content-1'],
  ]);

  it('never draws a twin alone, meets the twins minimum, keeps a pair side by side, and puts either twin first (500 seeds)', () => {
    const firsts = new Set<string>();
    const seen = new Set<string>();
    for (let seed = 0; seed < 500; seed++) {
      const ids = drawScenarios(pool, seed).map((s) => s.id);
      expect(ids).toHaveLength(6);
      ids.forEach((id) => seen.add(id));
      let pairs = 0;
      ids.forEach((id, i) => {
        const twin = pairOf.get(id);
        if (!twin) return;
        expect(ids.includes(twin), `seed ${seed}: ${id} without ${twin}`).toBe(true);
        expect(ids[i + 1] === twin || ids[i - 1] === twin, `seed ${seed}: ${ids.join()}`).toBe(true);
        if (ids[i + 1] === twin) {
          pairs++;
          if (id.startsWith('evening')) firsts.add(id);
        }
      });
      expect(pairs, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      expect(drawProblem(pool, ids), `seed ${seed}`).toBeUndefined();
      expect(attemptProblem(pool, { seed })).toBeUndefined();
    }
    expect(firsts).toEqual(new Set(['evening-question-1', 'evening-question-2']));
    expect(seen.size).toBe(pool.scenarios.length);
  });

  it('meets a minimum of two pairs in every attempt', () => {
    const two = valid({ ...twinData(), draw: { count: 6, atLeast: { twins: 2 } } });
    for (let seed = 0; seed < 200; seed++) {
      const ids = drawScenarios(two, seed).map((s) => s.id);
      expect(ids.filter((id) => pairOf.has(id))).toHaveLength(4);
    }
  });

  it('places a pair at its first twin’s place in the pool order', () => {
    for (let seed = 0; seed < 100; seed++) {
      const ids = drawScenarios(pool, seed).map((s) => s.id);
      const place = (id: string) => Math.min(pool.scenarios.findIndex((s) => s.id === id), pool.scenarios.findIndex((s) => s.id === (pairOf.get(id) ?? id)));
      const places = ids.map(place).filter((p, i, all) => i === 0 || p !== all[i - 1]);
      expect(places).toEqual([...places].sort((a, b) => a - b));
    }
  });

  it('refuses a lone twin, a split pair and a pair out of its place, and says which', () => {
    const ids = drawScenarios(pool, 3).map((s) => s.id);
    const pairAt = ids.findIndex((id) => pairOf.has(id));
    const [a, b] = [ids[pairAt]!, ids[pairAt + 1]!];
    const lone = ids.filter((id) => id !== b);
    expect(drawProblem(pool, [...lone.slice(0, pairAt + 1), 'press-release-3', ...lone.slice(pairAt + 1)].slice(0, 6))).toBe(`scenario "${a}" is drawn without its twin "${b}" (a pair is drawn together or not at all)`);
    const split = [...ids];
    const other = ids.findIndex((id, i) => i > pairAt + 1 && !pairOf.has(id));
    [split[pairAt + 1], split[other]] = [split[other]!, split[pairAt + 1]!];
    expect(drawProblem(pool, split)).toMatch(/^the twins "[a-z0-9-]+" and "[a-z0-9-]+" are not side by side$|^the scenarios are not in the quiz order$/);
    expect(drawProblem(pool, split)).toBe(`the twins "${a}" and "${b}" are not side by side`);
    // Both orders of the pair are accepted; the pair moved after a later scenario is not.
    const swapped = [...ids];
    [swapped[pairAt], swapped[pairAt + 1]] = [b, a];
    expect(drawProblem(pool, swapped)).toBeUndefined();
    const moved = [...ids.filter((id) => id !== a && id !== b), a, b];
    if (moved.join() !== ids.join()) expect(drawProblem(pool, moved)).toBe('the scenarios are not in the quiz order');
    const chosen = new Set(['press-release-1', 'angry-thread-1', 'angry-thread-2', 'evening-question-3', 'letter-content-3', 'good-principles-3']);
    expect(drawProblem(pool, pool.scenarios.filter((s) => chosen.has(s.id)).map((s) => s.id))).toBe('an attempt has at least 1 twin pair(s), this one 0');
  });

  it('grades an attempt with twins like any other: the answer key scores full marks, the server re-grades it', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const attempt = keyedAttempt(pool, seed);
      const graded = regrade(pool, attempt.log, attempt);
      expect(graded.ok && graded.score.percent).toBe(100);
      expect(attemptQuiz(pool, attempt).scenarios.map((s) => s.id)).toEqual(attempt.drawn);
    }
  });

  it('selects the best units exactly under the twins minimum (the pair counts two of its kind)', () => {
    const items = [
      { kind: 'account' as const, v: 5 },
      { kind: 'account' as const, v: 0 },
      { kind: 'choice' as const, v: 4 },
      { kind: 'choice' as const, v: 3 },
      { kind: 'account' as const, v: 1 },
    ];
    const pairs: [number, number][] = [[1, 4]];
    const pick = (twins: number, atMost?: number) => selectBest(items, (i) => i.v, { count: 3, atLeast: { twins }, atMost }, pairs)?.map((i) => items.indexOf(i));
    expect(pick(0)).toEqual([0, 2, 3]);
    expect(pick(1)).toEqual([0, 1, 4]);
    expect(pick(1, 2)).toEqual([1, 4, 2]);
    expect(pick(2)).toBeUndefined();
  });
});

describe('twin situations of equal length (the length must not tell twins apart)', () => {
  // Changed after validation: validation itself refuses such a pair (the last test here).
  const withSituation = (lv: string, en: string) => {
    const scenarios = [...valid(twinData()).scenarios];
    scenarios[5] = { ...scenarios[5]!, situation: { lv, en } };
    return scenarios;
  };

  it('accepts twins whose situations are within 10 % in both locales, the shorter at exactly 90 % included', () => {
    expect(twinLengthProblems(valid(twinData()).scenarios)).toEqual([]);
    const first = valid(twinData()).scenarios[0]!.situation;
    const at90 = (text: string) => text.slice(0, Math.ceil(text.trim().length * 0.9));
    expect(twinLengthProblems(withSituation(at90(first.lv), at90(first.en)))).toEqual([]);
  });

  it('names the scenario, the locale and both lengths when one twin is more than 10 % shorter or longer', () => {
    const first = valid(twinData()).scenarios[0]!.situation;
    const short = (text: string) => text.slice(0, Math.floor(text.trim().length * 0.89));
    const lvOnly = twinLengthProblems(withSituation(short(first.lv), first.en));
    expect(lvOnly).toHaveLength(1);
    expect(lvOnly[0]).toMatch(/^scenarios\[5\] \(evening-question-2\) › twin: the situation \(lv\) has \d+ characters, "evening-question-1"'s \d+ \(0\.8\d\); twins' situations are within 10 % in length/);
    const longer = twinLengthProblems(withSituation(first.lv, `${first.en} ${first.en.slice(0, Math.ceil(first.en.length * 0.12))}`));
    expect(longer.map((p) => p.match(/situation \((\w+)\)/)?.[1])).toEqual(['en']);
  });

  it('fails validation (and so the build) with the usual scenario › twin message', () => {
    const data = twinData();
    const first = valid(twinData()).scenarios[0]!.situation;
    data.scenarios[5].situation = { lv: first.lv.slice(0, Math.floor(first.lv.length * 0.8)), en: first.en };
    expect(problemsOf(data).some((p) => p.startsWith('scenarios[5] (evening-question-2) › twin: the situation (lv) has'))).toBe(true);
  });
});

describe('the lesson-reader bound (knows the lessons, ignores the situations)', () => {
  const noTwins = () => {
    const data = twinData();
    for (const s of data.scenarios) delete s.twin;
    for (const s of data.scenarios.filter((s: any) => s.id.endsWith('-2') && s.question)) s.question = { lv: `${s.question.lv} (2)`, en: `${s.question.en} (2)` };
    delete data.draw.atLeast.twins;
    return valid(data);
  };

  it('fails a pool without twins: full points on every item reaches the pass mark', () => {
    const quiz = noTwins();
    expect(lessonReaderBound(quiz)).toMatchObject({ percent: 100, passes: true });
    expect(guessabilityProblems(quiz, labels).map((p) => p.key)).toContain('lesson-reader: 100 % on the best draw');
  }, 60_000);

  it('passes a pool whose every attempt holds enough pairs, and counts one of a pair’s two on the best draw', () => {
    const quiz = valid({ ...twinData(), passPercent: 80, draw: { count: 6, atLeast: { twins: 2 } } });
    // Two pairs (4 items, 2 of 4 points) and the two best single items (branching 2 points, choice 2 points).
    expect(lessonReaderBound(quiz)).toEqual({ earned: 6, max: 8, percent: 75, passes: false });
    expect(guessabilityProblems(quiz, labels).map((p) => p.key).filter((k) => k.startsWith('lesson-reader'))).toEqual([]);
    // One pair is not enough: 7 of 8 (the pair's half, four full single items).
    const one = valid({ ...twinData(), passPercent: 80, draw: { count: 6, atLeast: { twins: 1 } } });
    expect(guessabilityProblems(one, labels).map((p) => p.key)).toContain(`lesson-reader: ${lessonReaderBound(one).percent} % on the best draw`);
  }, 60_000);

  it('reports an unmarked look-alike pair, naming the mark to add', () => {
    const data = twinData();
    delete data.scenarios[5].twin;
    delete data.draw.atLeast.twins;
    const quiz = valid(data);
    expect(guessabilityProblems(quiz, labels).map((p) => p.key)).toContain(
      'unmarked twin: "evening-question-2" looks like the twin of "evening-question-1" (same question and option labels): mark it `twin: evening-question-1`, or change the question',
    );
    expect(guessabilityProblems(valid(twinData()), labels).filter((p) => p.key.startsWith('unmarked twin'))).toEqual([]);
  }, 60_000);
});
