import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuizzes, readSeeds, standardLabels } from '../../../src/lib/course/read-sources';
import { LOCALES, type Locale } from '../../../src/lib/i18n/locales';
import { blindResults, guessabilityProblems } from '../../../src/lib/quiz/guessability';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import { twinPairs } from '../../../src/lib/quiz/draw';
import { bankProblem, DEFAULT_RULES } from '../../../src/lib/final-test/draw';
import { FINAL_TEST_GAMBLER_LIMIT, finalTestGambler, finalTestGamblerProblem } from '../../../src/lib/final-test/gambler';
import { finalTestLessonReader } from '../../../src/lib/final-test/lesson-reader';
import { finalTestSkimmerProblem, finalTestSkimmers } from '../../../src/lib/final-test/skimmer';
import { lengthCue } from '../../../src/lib/final-test/local-final-test';
import type { Quiz, Scenario } from '../../../src/lib/quiz/types';
import { ALL_OF_THE_ABOVE, TU_FORMS, TU_REFLEXIVE } from '../../../src/lib/course/jus-register';
import { root } from '../helpers';

/**
 * The final test's item bank (issue 14): `quizzes/final-test/<module-id>.yaml`, one file per module,
 * never loaded by the site's build. `BANK_DIR` points the checks at another folder (a deliberately
 * broken copy, to see each assertion fail).
 */
const bankDir = process.env.BANK_DIR ?? join(root, 'quizzes', 'final-test');
const moduleIds = readdirSync(join(root, 'modules', 'lv'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''))
  .sort();
const files = readdirSync(bankDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const seeds = readSeeds(root);
const labels = standardLabels();

/** Each bank file through the project's own loader: schema, ids, branching graph, verbatim quotes. */
const loaded = files.map((f) => {
  try {
    return { file: f, quiz: loadQuizFile(`quizzes/final-test/${f}`, readFileSync(join(bankDir, f), 'utf8'), seeds), error: undefined };
  } catch (error) {
    return { file: f, quiz: undefined, error: error as Error };
  }
});
const bank: Quiz[] = loaded.flatMap((l) => (l.quiz ? [l.quiz] : []));
const items: Scenario[] = bank.flatMap((q) => q.scenarios);
const moduleQuizzes = readQuizzes(root);

/** Every string of one locale in the bank's scenarios, except source quotes (verbatim seed text). */
function texts(scenarios: readonly Scenario[], locale: Locale): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v));
    if (!value || typeof value !== 'object' || key === 'quote') return;
    const record = value as Record<string, unknown>;
    if (typeof record.lv === 'string' && typeof record.en === 'string') return void out.push(record[locale] as string);
    for (const [k, v] of Object.entries(record)) walk(v, k);
  };
  walk(scenarios);
  return out;
}

const KIND_MINIMUMS = { account: 8, disclosure: 8, branching: 8 } as const;
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

describe('final test item bank: files', () => {
  it('has one file per module, named by the module id, and nothing else', () => {
    expect(files).toEqual(moduleIds.map((id) => `${id}.yaml`));
  });

  it.each(files)('%s passes the quiz loader (schema, ids, branching graph, verbatim quotes)', (file) => {
    const entry = loaded.find((l) => l.file === file)!;
    expect(entry.error?.message).toBeUndefined();
  });

  it('has no draw rules (the server draws from the whole bank)', () => {
    for (const q of bank) expect(q.draw, q.moduleId).toBeUndefined();
  });
});

describe('final test item bank: size and kinds', () => {
  it('holds at least 40 scenarios, at least 5 per module', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    for (const id of moduleIds) expect(bank.find((q) => q.moduleId === id)?.scenarios.length ?? 0, id).toBeGreaterThanOrEqual(5);
  });

  it('has at least 8 account, 8 disclosure and 8 branching scenarios', () => {
    for (const [kind, min] of Object.entries(KIND_MINIMUMS)) expect(items.filter((s) => s.kind === kind).length, kind).toBeGreaterThanOrEqual(min);
  });

  it('tells every branching story in 2–3 steps, with the better move for a lesser ending', () => {
    for (const s of items) {
      if (s.kind !== 'branching') continue;
      expect(s.steps.length, `${s.id} › steps`).toBeGreaterThanOrEqual(2);
      expect(s.steps.length, `${s.id} › steps`).toBeLessThanOrEqual(3);
      for (const step of s.steps) for (const o of step.options) expect(typeof o.mistake, `${s.id} › ${step.id} › ${o.id} › mistake`).toBe('boolean');
      for (const locale of LOCALES) expect(s.betterMove?.[locale]?.trim().length ?? 0, `${s.id} › betterMove › ${locale}`).toBeGreaterThan(40);
    }
  });
});

describe('final test item bank: never shown in a module quiz', () => {
  it('shares no scenario id with any module quiz', () => {
    const ids = new Set(moduleQuizzes.flatMap((q) => q.scenarios.map((s) => s.id)));
    expect(items.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('has scenario ids unique across the whole bank, each starting with ft-', () => {
    const ids = items.map((s) => s.id);
    expect(ids.filter((id) => !id.startsWith('ft-'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has no situation equal to or contained in a module quiz situation (or the other way round)', () => {
    const moduleSituations = moduleQuizzes.flatMap((q) => q.scenarios.flatMap((s) => LOCALES.map((l) => normalise(s.situation[l]))));
    for (const s of items)
      for (const locale of LOCALES) {
        const mine = normalise(s.situation[locale]);
        const clash = moduleSituations.find((theirs) => theirs.includes(mine) || mine.includes(theirs));
        expect(clash, `${s.id} › situation › ${locale}`).toBeUndefined();
      }
  });
});

describe('final test item bank: twins', () => {
  it('holds enough twin pairs for the draw, and meets every draw rule', () => {
    const pairs = bank.reduce((n, q) => n + twinPairs(q.scenarios).length, 0);
    expect(pairs).toBeGreaterThanOrEqual(DEFAULT_RULES.twins);
    expect(bankProblem(bank, DEFAULT_RULES)).toBeUndefined();
  });

  // A learner who knows the lessons but ignores the situations: full points on every item but the
  // twins, one of each pair's two; on the draw that suits them best (exact), below the pass mark.
  it('keeps a learner who ignores the situations below the pass mark on the best draw for them', () => {
    const bound = finalTestLessonReader(bank, DEFAULT_RULES);
    expect(bound.passes, `${bound.percent} %`).toBe(false);
    expect(bound.percent).toBeLessThan(DEFAULT_RULES.passPercent);
  }, 60_000);

  // The same learner knowing both keys of every pair, a coin for which twin gets which: on the best
  // draw for them (exact) they pass at most FINAL_TEST_GAMBLER_LIMIT of attempts (the build's check).
  it('keeps a gambler on the twins to at most one attempt in twenty, on the best draw for them', () => {
    const g = finalTestGambler(bank, DEFAULT_RULES, 0);
    expect(g.best, `${(g.best * 100).toFixed(1)} %`).toBeLessThanOrEqual(FINAL_TEST_GAMBLER_LIMIT);
    expect(finalTestGamblerProblem(bank, DEFAULT_RULES)).toBeUndefined();
  }, 60_000);

  // The same gambler sorting each pair by a mechanical cue of the text instead of a coin (every rule
  // of twin-skim.ts, in each locale; a coin where the rule cannot tell): held to the same bound, over
  // the draws learners meet (fixed seeds, the build's check).
  it('keeps the skimmer to at most one attempt in twenty, for every cue rule in each locale', () => {
    const figures = finalTestSkimmers(bank, DEFAULT_RULES);
    expect(figures).toHaveLength(76);
    const over = figures.filter((f) => f.mean > FINAL_TEST_GAMBLER_LIMIT).map((f) => `„${f.rule}” (${f.locale}) ${(f.mean * 100).toFixed(1)} %`);
    expect(over).toEqual([]);
    expect(finalTestSkimmerProblem(bank, DEFAULT_RULES)).toBeUndefined();
  }, 60_000);
});

describe('final test item bank: cannot be passed without reading', () => {
  it('has no guessability problem taken as one quiz', () => {
    expect(guessabilityProblems({ passPercent: 80, scenarios: items }, labels).map((p) => p.key)).toEqual([]);
  }, 60_000); // every blind strategy over the whole bank: a few seconds, more on a loaded machine

  // Not passing is not enough for the item a learner meets unprepared: the best a blind strategy
  // (cue strategies included) does on the whole bank stays at half the points or below, in each locale.
  it.each(LOCALES)('in %s, no blind strategy earns more than half the points of the whole bank', (locale) => {
    const results = blindResults({ passPercent: 80, scenarios: items }, labels).filter((r) => r.locale === locale);
    const best = results.reduce((a, b) => (b.percent > a.percent ? b : a));
    expect(best.percent, best.strategy).toBeLessThanOrEqual(50);
  }, 60_000);

  // What the cue strategies found in the bank when they were added; the item-writing pass empties
  // it. Like quizzes/_known-failures.yaml, a listed problem that is gone fails too, so it only shrinks.
  const KNOWN: Record<string, string[]> = {};
  it.each(files)('%s has no guessability problem on its own (but the known ones)', (file) => {
    const quiz = bank.find((q) => `${q.moduleId}.yaml` === file);
    expect(quiz, file).toBeDefined();
    // The gambler's figure for a file read as one quiz is not what a learner meets: the final test's
    // draw takes one pair of a module at a time, and its own check (above) bounds the gambler.
    expect(guessabilityProblems(quiz!, labels).map((p) => p.key).filter((k) => !k.startsWith('gambler:'))).toEqual(KNOWN[file] ?? []);
  }, 60_000);

  for (const locale of LOCALES) {
    it(`in ${locale}, the right option is on average no longer than the others (ratio ≤ 1.0) and the strictly longest in at most a quarter of the questions`, () => {
      const { ratio, longest, questions } = lengthCue(items, locale);
      expect(questions).toBeGreaterThan(0);
      expect(ratio).toBeLessThanOrEqual(1.0);
      expect(longest / questions).toBeLessThanOrEqual(1 / 4);
    });
  }
});

describe('final test item bank: Latvian register and quotation marks', () => {
  const latvian = texts(items, 'lv');

  it('addresses the reader as jūs: no tu, tev, tavs, no singular reflexive imperatives', () => {
    expect(latvian.length).toBeGreaterThan(0);
    for (const text of latvian) {
      expect(text.match(TU_FORMS)?.[0], text).toBeUndefined();
      expect(text.match(TU_REFLEXIVE)?.[0], text).toBeUndefined();
    }
  });

  it('uses Latvian quotation marks „…”, never straight or English ones', () => {
    for (const text of latvian) {
      expect(text, text).not.toMatch(/["“«»]/);
      expect((text.match(/„/g) ?? []).length, text).toBe((text.match(/”/g) ?? []).length);
    }
  });

  it('has no "all of the above" option', () => {
    for (const locale of LOCALES)
      for (const text of texts(items, locale)) expect(text, text).not.toMatch(ALL_OF_THE_ABOVE);
  });
});
