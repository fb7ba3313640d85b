import { describe, expect, it } from 'vitest';
import { normaliseSpace } from '../../../src/lib/quiz/validate-quiz';
import { seeds } from '../helpers';
import { coverage, notTaught, only, quizzes } from './content';

const GUIDELINES = '001_7cdec0fa160c0599.txt';
const SLIDES = '000_1633997fd070a9ff.txt';

/** The sentences of the guidelines article, from its first line to the list of materials used. */
export function guidelineSentences(): string[] {
  const text = seeds[GUIDELINES]!;
  const body = normaliseSpace(text.slice(text.indexOf('2011. gada 29. aprīlī'), text.indexOf('Raksta tapšanā')));
  return body
    .split(/(?<=[.!?;)])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ„•0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}

/** The slides' points the course must teach: why guidelines, the barriers, rules or advice. */
const SLIDE_POINTS = [
  'Viendabīgs pielietojums',
  'Iedvesmošana un iedrošināšana',
  'Robežu iezīmēšana',
  'Horizontu paplašināšana',
  'Izglītošana',
  'Daļēji vai pilnībā ir liegta pieeja sociālajām platformām',
  'Nezina, kā iesaistīties, pietrūkst prasmju',
  'Nevar paredzēt sekas, reakciju, kontrolēt',
  'Nav laika pastāvīgai komunikācijai',
  'Valsts civildienesta likums',
  'Labās prakses principi',
  'Noteikumi – tiesisks regulējums',
  'Centralizēti/ individuāli',
];

const points = coverage.flatMap((c) => c.points.map((p) => ({ ...p, file: c.file, module: c.module })));
const covers = (sentence: string, quote: string) => {
  const s = normaliseSpace(sentence);
  const q = normaliseSpace(quote);
  return s.includes(q) || q.includes(s);
};

describe('coverage map', () => {
  it.each(points.map((p) => [`${p.module}/${p.id}`, p] as const))('point %s quotes its seed and names real scenarios', (_, point) => {
    expect(normaliseSpace(seeds[point.seed] ?? ''), `${point.file}: quote not in ${point.seed}`).toContain(normaliseSpace(point.quote));
    expect(point.topic.lv.trim() && point.topic.en.trim(), `${point.file}: topic in both locales`).toBeTruthy();
    const quiz = quizzes.find((q) => q.moduleId === point.module);
    expect(quiz, `${point.file}: no quiz for module ${point.module}`).toBeDefined();
    for (const id of point.scenarios ?? []) expect(quiz!.scenarios.map((s) => s.id), `${point.file}: scenario ${id}`).toContain(id);
  });

  it('has unique point ids', () => {
    const ids = points.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  (only ? it.skip : it)('leaves no sentence of the guidelines untaught', () => {
    const untaught = guidelineSentences().filter((s) => !points.some((p) => p.seed === GUIDELINES && covers(s, p.quote)) && !notTaught.some((n) => covers(s, n.sentence)));
    expect(untaught).toEqual([]);
  });

  (only ? it.skip : it)('teaches every point of the 2011 slides the course relies on', () => {
    const missing = SLIDE_POINTS.filter((line) => !points.some((p) => p.seed === SLIDES && covers(line, p.quote)));
    expect(missing).toEqual([]);
  });

  (only ? it.skip : it)('maps every module, and every scenario tests some point', () => {
    expect(coverage.map((c) => c.module).sort()).toEqual(quizzes.map((q) => q.moduleId).sort());
    const tested = new Set(points.flatMap((p) => (p.scenarios ?? []).map((s) => `${p.module}/${s}`)));
    const untested = quizzes.flatMap((q) => q.scenarios.map((s) => `${q.moduleId}/${s.id}`)).filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
  });

  it('lists only real sentences as not taught, each with a reason', () => {
    const sentences = guidelineSentences();
    for (const n of notTaught) {
      expect(sentences.some((s) => covers(s, n.sentence)), n.sentence).toBe(true);
      expect(n.reason.trim()).not.toBe('');
    }
  });
});
