import { describe, expect, it } from 'vitest';
import { agendaNames, distinctTitle, distinctTitles, firstWords } from '../../../src/lib/quiz/scenario-names';
import { questionOf, startOf, titleOf } from '../../../src/lib/quiz/scenario';
import type { Scenario } from '../../../src/lib/quiz/types';
import { withoutPickInstruction } from '../../../src/lib/workshop/join-question';
import { createPresenterRun, type Slide } from '../../../src/lib/workshop/presenter-machine';
import { slideView } from '../../../src/lib/workshop/slides';
import { slideTitles, summarise } from '../../../src/lib/workshop/summary';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { fixtureQuiz, root } from '../helpers';

// The trainer's projector review (issue 15): ties on the projector, the summary's story and multi rows, twin labels.
const quiz = fixtureQuiz();
const slides: Slide[] = quiz.scenarios.map((scenario, i) => ({ module: 'm', scenario, question: i }));
const story = slides[4]!; // angry-thread: first step reply (better, leads on) / delete (a mistake)
const multi = slides[2]!;

describe('the projector after a story step’s reveal', () => {
  it('names a tie at the top of the votes, and the machine’s choice is the earliest of them', () => {
    const view = slideView(story, 'first', [2, 2], true, 'lv');
    expect(view.tie).toEqual([0, 1]);
    expect(view.options.find((o) => o.picked)?.option.id).toBe(view.options[0]!.option.id);
    expect(slideView(story, 'first', [3, 2], true, 'lv').tie).toEqual([]);
    // Before the reveal nothing is said.
    expect(slideView(story, 'first', [2, 2], false, 'lv').tie).toEqual([]);
  });
});

describe('the summary', () => {
  it('marks a story step’s better options, as the reveal does, and flags multi rows as ticks', () => {
    const actor = createPresenterRun({ slides: [multi, story] }, () => () => {}).start();
    actor.send({ type: 'vote.add', option: 0 });
    actor.send({ type: 'vote.add', option: 1 });
    actor.send({ type: 'answer.reveal' });
    actor.send({ type: 'nav.next' });
    const options = story.scenario.kind === 'branching' ? story.scenario.steps[0]!.options : [];
    const better = options.findIndex((o) => !o.mistake);
    actor.send({ type: 'vote.add', option: better });
    actor.send({ type: 'answer.reveal' });
    const [multiRow, storyRow] = summarise(actor.getSnapshot().context);
    expect(multiRow!.several).toBe(true);
    expect(storyRow!.several).toBe(false);
    expect(storyRow!.steps[0]!.correct).toEqual([better]);
    expect(storyRow!.steps[0]!.chosen).toBe(options[better]!.id);
  });
});

describe('twin labels in the planner', () => {
  const base = quiz.scenarios[3]!;
  const words = 'Viens divi trīs četri pieci seši septiņi astoņi deviņi desmit';
  const twin = (id: string, rest: string, twinOf?: string) => ({ ...base, id, ...(twinOf ? { twin: twinOf } : {}), situation: { lv: `${words} ${rest}`, en: `${words} ${rest}` } }) as Scenario;

  it('adds each twin’s own words where the situations part, when the name would not show it', () => {
    const pair = [twin('a-1', 'vienpadsmit „jau publicēts” rīt.'), twin('a-2', 'trīspadsmit vēl nav publicēts rīt.', 'a-1')];
    const [one, two] = distinctTitles(pair, 'lv');
    expect(distinctTitle(pair[0]!, 'lv')).toBe(distinctTitle(pair[1]!, 'lv'));
    expect(one).not.toBe(two);
    expect(one).toBe(`${distinctTitle(pair[0]!, 'lv')} (…vienpadsmit jau publicēts rīt)`);
    expect(two).toContain('(…trīspadsmit vēl nav publicēts rīt)');
    // Never the scenario's id.
    expect(`${one} ${two}`).not.toMatch(/a-1|a-2/);
  });

  it('leaves names alone where the first words already differ, or there is no twin', () => {
    const pair = [twin('b-1', 'x'), { ...twin('b-2', 'x', 'b-1'), situation: { lv: `Cits ${words}`, en: `Other ${words}` } } as Scenario];
    expect(distinctTitles(pair, 'lv')).toEqual(pair.map((s) => distinctTitle(s, 'lv')));
    expect(distinctTitles([base], 'en')).toEqual([distinctTitle(base, 'en')]);
  });

  it('names scenarios in the printed agenda by their situation alone, twins numbered (never by the words where they part), the question kept only where the situation is the same', () => {
    const pair = [twin('c-1', 'vienpadsmit „jau publicēts” rīt.'), twin('c-2', 'trīspadsmit vēl nav publicēts rīt.', 'c-1')];
    const [one, two] = agendaNames(pair, 'lv', '{n}. variants');
    expect(one).toBe(`${firstWords(pair[0]!.situation.lv, 9)} (1. variants)`);
    expect(two).toBe(`${firstWords(pair[1]!.situation.lv, 9)} (2. variants)`);
    expect(`${one} ${two}`).not.toMatch(/vienpadsmit|trīspadsmit|publicēts/);
    expect(`${one} ${two}`).not.toContain(' — ');
    // Parting inside the name's words: only the shared words, then the number.
    const early = [twin('e-1', 'x'), { ...twin('e-2', 'x', 'e-1'), situation: { lv: 'Viens divi trīs citādi', en: 'One two three otherwise' } } as Scenario];
    early[0] = { ...early[0]!, situation: { lv: 'Viens divi trīs tā', en: 'One two three so' } } as Scenario;
    // Too few shared words to say what the pair is about (or none: another institution, another
    // person): the pair's shared question names both, never the words of one of them.
    const question = titleOf(base).en;
    expect(agendaNames(early, 'en', 'version {n}')).toEqual([`${question} (version 1)`, `${question} (version 2)`]);
    const apartFromFirst = [twin('f-1', 'x'), { ...twin('f-2', 'x', 'f-1'), situation: { lv: `Cits ${words}`, en: `Other ${words}` } } as Scenario];
    expect(agendaNames(apartFromFirst, 'lv', '{n}. variants')).toEqual([`${titleOf(base).lv} (1. variants)`, `${titleOf(base).lv} (2. variants)`]);
    // Twins asked in other words: the words their questions share, or the number alone.
    const asked = (s: Scenario, lv: string) => ({ ...s, question: { lv, en: lv } }) as Scenario;
    expect(agendaNames([asked(apartFromFirst[0]!, 'Kā rīkoties speciālistei?'), asked(apartFromFirst[1]!, 'Kā rīkoties speciālistam?')], 'lv', '{n}. variants')).toEqual(['Kā rīkoties… (1. variants)', 'Kā rīkoties… (2. variants)']);
    expect(agendaNames([asked(apartFromFirst[0]!, 'Ko darīt?'), asked(apartFromFirst[1]!, 'Kā rīkoties?')], 'lv', '{n}. variants')).toEqual(['1. variants', '2. variants']);
    expect(agendaNames([base], 'en', 'version {n}')).toEqual([firstWords(base.situation.en, 9)]);
    // One situation, two questions, no twins: the situation cannot tell them apart, so both keep their question.
    const same = [twin('d-1', 'x'), { ...twin('d-2', 'x'), question: { lv: 'Cits jautājums?', en: 'Another question?' } } as Scenario];
    expect(agendaNames(same, 'lv', '{n}. variants')).toEqual(distinctTitles(same, 'lv'));
    expect(new Set(agendaNames(same, 'lv', '{n}. variants')).size).toBe(2);
  });

  // The trainer's review: the agenda, a sheet handed to the room, named twins by their deciding facts.
  it('in every module quiz, both twins of a pair have one agenda name, never with words past where their situations part', () => {
    let checked = 0;
    for (const q of readQuizzes(root)) {
      for (const locale of ['lv', 'en'] as const) {
        const names = agendaNames(q.scenarios, locale, locale === 'lv' ? '{n}. variants' : 'version {n}');
        q.scenarios.forEach((s, i) => {
          const j = q.scenarios.findIndex((r) => ('twin' in r && r.twin === s.id) || ('twin' in s && s.twin === r.id));
          if (j < 0) return;
          const a = s.situation[locale].trim().split(/\s+/), b = q.scenarios[j]!.situation[locale].trim().split(/\s+/);
          let shared = 0;
          while (a[shared] === b[shared]) shared++;
          const where = `${q.moduleId} › ${s.id} (${locale}): ${names[i]}`;
          expect(names[i], where).toMatch(i < j ? /(^| \()(1\. variants|version 1)\)?$/ : /(^| \()(2\. variants|version 2)\)?$/);
          // Neutral: both twins have one name, apart from their number, so the sheet cannot tell which is which.
          const bare = (name: string) => name.replace(/ ?\(?(\d\. variants|version \d)\)?$/, '');
          expect(bare(names[i]!), where).toBe(bare(names[j]!));
          // Named by the words the situations share, never by those past where they part, or else by the question.
          const question = withoutPickInstruction(questionOf(s, startOf(s))[locale]);
          if (bare(names[i]!) !== question) expect(bare(names[i]!).replace(/…$/, '').split(/\s+/).length, where).toBeLessThanOrEqual(shared);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(80); // every pair, in both languages
  });
});

describe('the summary’s slide names', () => {
  const base = quiz.scenarios[3]!;
  const words = 'Viens divi trīs četri pieci seši septiņi astoņi deviņi desmit';
  const pair = [
    { ...base, id: 'e-1', situation: { lv: `${words} vienpadsmit rīt.`, en: `${words} eleven tomorrow.` } },
    { ...base, id: 'e-2', twin: 'e-1', situation: { lv: `${words} trīspadsmit rīt.`, en: `${words} thirteen tomorrow.` } },
  ] as Scenario[];
  const shown: Slide[] = [{ module: 'm', scenario: pair[1]!, question: 0 }, { module: 'other', scenario: base, question: 0 }];

  it('tells a twin apart by its module’s scenarios, in the language presented, and names a slide of a module not at hand by itself', () => {
    const [twinName, alone] = slideTitles(shown, (id) => (id === 'm' ? pair : undefined), 'en');
    expect(twinName).toBe(distinctTitles(pair, 'en')[1]);
    expect(twinName).toContain('(…thirteen tomorrow)');
    expect(alone).toBe(distinctTitle(base, 'en'));
  });
});

