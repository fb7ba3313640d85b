import { describe, expect, it } from 'vitest';
import { createPresenterRun, majority, presenterTransition, savedRunOf, type PresenterEvent, type PresenterInput, type Slide, type Ticker } from '../../../src/lib/workshop/presenter-machine';
import { parseSavedRun } from '../../../src/lib/workshop/saved-run';
import { hardest, summarise } from '../../../src/lib/workshop/summary';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { quizForLocale } from '../../../src/lib/quiz/for-locale';
import { printedScenario } from '../../../src/lib/quiz/print-order';
import { startOf } from '../../../src/lib/quiz/scenario';
import type { BranchingScenario } from '../../../src/lib/quiz/types';
import { optionsOf } from '../../../src/lib/workshop/presenter-machine';
import { participantData } from '../../../src/lib/workshop/presenter-data';
import { slideView } from '../../../src/lib/workshop/slides';
import { fixtureQuiz, root } from '../helpers';

const quiz = fixtureQuiz();
const slides: Slide[] = quiz.scenarios.map((scenario, i) => ({ module: 'm', scenario, question: i }));
// The fixture: 0 account (official right), 1 disclosure (withhold = option 1), 2 multi, 3 choice, 4 branching.

/** A clock the test drives: each start of the ticker is one entry; `live` says whether it still runs. */
function testTicker() {
  const started: { tick: (ms: number) => void; live: boolean }[] = [];
  const ticker: Ticker = (tick) => {
    const entry = { tick, live: true };
    started.push(entry);
    return () => void (entry.live = false);
  };
  return { ticker, started };
}

function start(withSlides = slides) {
  const { ticker, started } = testTicker();
  const actor = createPresenterRun({ slides: withSlides }, ticker).start();
  const send = (...events: PresenterEvent[]) => events.forEach((e) => actor.send(e));
  return { actor, send, started, tick: (ms: number) => started.at(-1)!.tick(ms), snap: () => actor.getSnapshot() };
}

/** A run whose clock never ticks. */
const quiet = (input: PresenterInput) => createPresenterRun(input, () => () => {}).start();

describe('presenter machine', () => {
  it('moves through scenarios: reveal, then next; back undoes', () => {
    const p = start();
    expect(p.snap().matches({ presenting: 'voting' })).toBe(true);
    p.send({ type: 'answer.reveal' });
    expect(p.snap().matches({ presenting: 'revealed' })).toBe(true);
    p.send({ type: 'nav.next' });
    expect(p.snap().context.index).toBe(1);
    expect(p.snap().matches({ presenting: 'voting' })).toBe(true);
    p.send({ type: 'nav.back' });
    expect(p.snap().context.index).toBe(0);
    expect(p.snap().matches({ presenting: 'revealed' })).toBe(true);
    p.send({ type: 'nav.back' });
    expect(p.snap().matches({ presenting: 'voting' })).toBe(true);
  });

  it('counts votes per option only before the reveal, and never below zero', () => {
    const p = start();
    p.send({ type: 'vote.add', option: 0 }, { type: 'vote.add', option: 0 }, { type: 'vote.add', option: 1 }, { type: 'vote.remove', option: 1 }, { type: 'vote.remove', option: 1 });
    expect(p.snap().context.votes['0:']).toEqual([2, 0]);
    expect(p.snap().can({ type: 'vote.add', option: 7 })).toBe(false);
    p.send({ type: 'answer.reveal' });
    expect(p.snap().can({ type: 'vote.add', option: 0 })).toBe(false);
  });

  it('follows a branching scenario by the room’s majority and needs votes to reveal', () => {
    const p = start(slides.slice(4));
    expect(p.snap().context.step).toBe('first');
    expect(p.snap().can({ type: 'answer.reveal' })).toBe(false);
    p.send({ type: 'vote.add', option: 0 }, { type: 'vote.add', option: 1 }, { type: 'vote.add', option: 0 }); // reply wins
    p.send({ type: 'answer.reveal' }, { type: 'nav.next' });
    expect(p.snap().context.step).toBe('second');
    p.send({ type: 'vote.add', option: 1 }, { type: 'answer.reveal' }, { type: 'nav.next' }); // argue → third
    expect(p.snap().context.step).toBe('third');
    p.send({ type: 'nav.back' });
    expect(p.snap().context.step).toBe('second');
    expect(p.snap().matches({ presenting: 'revealed' })).toBe(true);
    p.send({ type: 'nav.next' }, { type: 'vote.add', option: 0 }, { type: 'answer.reveal' }, { type: 'nav.next' }); // apologise → recovered, last slide
    expect(p.snap().value).toBe('summary');
    expect(summarise(p.snap().context)[0]).toMatchObject({ scenario: 'angry-thread', ending: { id: 'recovered' }, score: 0.5 });
  });

  it('breaks ties towards the earlier option', () => {
    expect(majority([2, 2, 1])).toBe(0);
    expect(majority([0, 0])).toBeUndefined();
  });

  it('times each scenario with a replaceable clock, resetting on the next one', () => {
    const p = start();
    p.tick(1000);
    expect(p.snap().context.timer.elapsedMs).toBe(0); // not running yet
    p.send({ type: 'timer.toggle' });
    p.tick(1000);
    p.tick(1000);
    expect(p.snap().context.timer).toEqual({ running: true, elapsedMs: 2000 });
    p.send({ type: 'timer.toggle' });
    p.tick(1000);
    expect(p.snap().context.timer.elapsedMs).toBe(2000);
    p.send({ type: 'timer.reset' });
    expect(p.snap().context.timer).toEqual({ running: false, elapsedMs: 0 });
    // A new slide starts its own timer at zero, still running.
    p.send({ type: 'timer.toggle' });
    p.tick(3000);
    p.send({ type: 'answer.reveal' }, { type: 'nav.next' });
    expect(p.snap().context.timer).toEqual({ running: true, elapsedMs: 0 });
  });

  it('keeps the workshop clock running across slides until it is reset', () => {
    const p = start();
    p.send({ type: 'timer.toggle' });
    p.tick(60_000);
    p.send({ type: 'answer.reveal' }, { type: 'nav.next' });
    p.tick(30_000);
    expect(p.snap().context.clockMs).toBe(90_000);
    expect(p.snap().context.timer.elapsedMs).toBe(30_000);
    p.send({ type: 'nav.back' }, { type: 'nav.back' });
    p.tick(1000);
    expect(p.snap().context.clockMs).toBe(91_000);
    p.send({ type: 'timer.reset' });
    expect(p.snap().context.clockMs).toBe(91_000); // the scenario timer only
    p.send({ type: 'clock.reset' });
    expect(p.snap().context.clockMs).toBe(0);
    p.tick(1000);
    // The scenario timer is stopped now; the workshop clock runs on (a trainer who never starts
    // the timer still sees the workshop's time, not 00:00).
    expect(p.snap().context.timer).toEqual({ running: false, elapsedMs: 0 });
    expect(p.snap().context.clockMs).toBe(1000);
  });

  it('runs the workshop clock from the first slide even when the scenario timer never starts', () => {
    const p = start();
    p.tick(5000);
    expect(p.snap().context.timer.elapsedMs).toBe(0);
    expect(p.snap().context.clockMs).toBe(5000);
  });

  it('summarises votes against the right answers and finds the hardest scenarios', () => {
    const p = start(slides.slice(0, 2));
    p.send({ type: 'vote.add', option: 0 }, { type: 'vote.add', option: 1 }, { type: 'vote.add', option: 1 }, { type: 'vote.add', option: 1 });
    p.send({ type: 'answer.reveal' }, { type: 'nav.next' });
    p.send({ type: 'vote.add', option: 1 }, { type: 'vote.add', option: 1 }, { type: 'answer.reveal' }, { type: 'nav.next' });
    expect(p.snap().value).toBe('summary');
    const summary = summarise(p.snap().context);
    expect(summary.map((s) => [s.scenario, s.score])).toEqual([
      ['evening-question', 0.25],
      ['letter-content', 1],
    ]);
    expect(summary[0]!.steps[0]).toEqual({ votes: [1, 3], correct: [0] });
    expect(hardest(summary).map((s) => s.scenario)).toEqual(['evening-question']);
    p.send({ type: 'summary.close' });
    expect(p.snap().matches({ presenting: 'revealed' })).toBe(true);
  });

  it('has nothing to present for an empty plan', () => {
    expect(start([]).snap().value).toBe('empty');
  });

  it('waits for a plan whose modules are still loading, and presents as their slides arrive', () => {
    const actor = quiet({ slides: [], complete: false });
    expect(actor.getSnapshot().value).toBe('loading');
    actor.send({ type: 'slides.add', slides: slides.slice(0, 1), complete: false });
    expect(actor.getSnapshot().matches({ presenting: 'voting' })).toBe(true);
    expect(actor.getSnapshot().context.index).toBe(0);
    // The last slide so far, more to come: next stays on the reveal instead of ending the workshop.
    actor.send({ type: 'answer.reveal' });
    actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().matches({ presenting: 'revealed' })).toBe(true);
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'slides.add', slides: slides.slice(1, 2), complete: true });
    actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: 'answer.reveal' });
    actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().value).toBe('summary');
  });

  it('keeps slides that arrive while the summary is open', () => {
    const actor = quiet({ slides: slides.slice(0, 1), complete: false });
    actor.send({ type: 'summary.open' });
    actor.send({ type: 'slides.add', slides: slides.slice(1, 3), complete: true });
    expect(actor.getSnapshot().context.slides).toHaveLength(3);
    actor.send({ type: 'summary.close' });
    expect(actor.getSnapshot().matches({ presenting: 'voting' })).toBe(true);
  });
});

describe('a story on the last slide loaded so far', () => {
  it('still continues before the presenter waits for the next module', () => {
    const actor = quiet({ slides: slides.slice(4), complete: false });
    actor.send({ type: 'vote.add', option: 0 });
    actor.send({ type: 'answer.reveal' });
    actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().context.step).toBe('second');
    expect(actor.getSnapshot().matches({ presenting: 'voting' })).toBe(true);
  });
});

describe('the real ticker', () => {
  it('reports the time really passed, also when the browser delayed its interval', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const actor = createPresenterRun({ slides }).start();
      actor.send({ type: 'timer.toggle' });
      vi.advanceTimersByTime(3000);
      expect(actor.getSnapshot().context.clockMs).toBe(3000);
      // A background tab: the next interval fires only after ten minutes.
      vi.setSystemTime(Date.now() + 10 * 60_000);
      vi.advanceTimersByTime(1000);
      expect(actor.getSnapshot().context.clockMs).toBeGreaterThanOrEqual(10 * 60_000 + 3000);
      actor.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the clock and the summary', () => {
  it('stops the clock while the summary is open and ignores the timer keys there', () => {
    const p = start();
    p.send({ type: 'timer.toggle' });
    p.tick(1000);
    p.send({ type: 'summary.open' });
    expect(p.started.at(-1)!.live).toBe(false);
    expect(p.snap().can({ type: 'timer.toggle' })).toBe(false);
    p.send({ type: 'timer.reset' });
    expect(p.snap().context.timer).toEqual({ running: true, elapsedMs: 1000 });
    // Back to the slide it was opened from (still voting), with a fresh clock that counts on.
    p.send({ type: 'summary.close' });
    expect(p.started).toHaveLength(2);
    expect(p.started.at(-1)!.live).toBe(true);
    expect(p.snap().matches({ presenting: 'voting' })).toBe(true);
    p.tick(500);
    expect(p.snap().context.clockMs).toBe(1500);
  });

  it('stops the clock when the run stops, and takes no events after', () => {
    const p = start();
    p.actor.stop();
    expect(p.started.at(-1)!.live).toBe(false);
    p.send({ type: 'answer.reveal' });
    expect(p.snap().matches({ presenting: 'voting' })).toBe(true);
  });

  it('starts no clock before there are slides, and one when the first arrive', () => {
    const { ticker, started } = testTicker();
    const run = createPresenterRun({ slides: [], complete: false }, ticker).start();
    expect(started).toHaveLength(0);
    run.send({ type: 'slides.add', slides: [], complete: false });
    expect(run.getSnapshot().value).toBe('loading');
    run.send({ type: 'slides.add', slides: slides.slice(0, 2), complete: true });
    expect(started).toHaveLength(1);
    expect(run.getSnapshot().matches('presenting')).toBe(true);
  });

  it('ends in an empty presenter when the plan completes without slides', () => {
    const run = quiet({ slides: [], complete: false });
    run.send({ type: 'slides.add', slides: [], complete: true });
    expect(run.getSnapshot().value).toBe('empty');
  });
});

describe('the transition', () => {
  it('is pure: the snapshot it is given is left as it was', () => {
    const run = quiet({ slides });
    const before = run.getSnapshot();
    const frozen = JSON.stringify(before.context);
    const step = presenterTransition(before, { type: 'vote.add', option: 0 });
    expect(step?.snapshot.context.votes['0:']).toEqual([1, 0]);
    expect(JSON.stringify(before.context)).toBe(frozen);
  });

  it('changes nothing for an event the state does not take', () => {
    const run = quiet({ slides });
    const before = run.getSnapshot();
    expect(presenterTransition(before, { type: 'nav.back' })).toBeUndefined(); // first slide, nothing earlier
    expect(presenterTransition(before, { type: 'summary.close' })).toBeUndefined();
    expect(presenterTransition(before, { type: 'timer.tick', ms: 1000 })?.snapshot.context.timer.elapsedMs).toBe(0); // the timer is not running: only the clock counts
    run.send({ type: 'nav.back' });
    expect(run.getSnapshot()).toBe(before);
  });
});

describe('resuming after a reload (B1)', () => {
  it('comes back to the same slide, step, reveal, votes and story path', () => {
    const p = start();
    p.send({ type: 'vote.add', option: 1 }, { type: 'answer.reveal' }, { type: 'nav.next' }, { type: 'vote.add', option: 0 }, { type: 'answer.reveal' });
    p.tick(4000);
    const saved = savedRunOf(p.snap())!;
    expect(saved).toMatchObject({ index: 1, phase: 'revealed', clockMs: 4000 });
    // The reload: a new run, the same slides (loaded again), then the saved run from storage.
    const again = start();
    again.send({ type: 'run.restore', saved: parseSavedRun(JSON.parse(JSON.stringify(saved)))! });
    expect(again.snap().context.index).toBe(1);
    expect(again.snap().matches({ presenting: 'revealed' })).toBe(true);
    expect(again.snap().context.votes).toEqual(p.snap().context.votes);
    expect(again.snap().context.clockMs).toBe(4000);
  });

  it('keeps a story’s step and path', () => {
    const p = start(slides.slice(4));
    p.send({ type: 'vote.add', option: 0 }, { type: 'answer.reveal' }, { type: 'nav.next' });
    const saved = savedRunOf(p.snap())!;
    expect(saved.step).not.toBe('first');
    const again = start(slides.slice(4));
    again.send({ type: 'run.restore', saved });
    expect(again.snap().context.step).toBe(saved.step);
    expect(again.snap().context.path).toEqual(p.snap().context.path);
    // Back walks the restored path to the first step, revealed.
    again.send({ type: 'nav.back' }, { type: 'nav.back' });
    expect(again.snap().context.step).toBe('first');
  });

  it('comes back to the summary once every slide is in, and closing it returns to the slide it was opened from', () => {
    const p = start();
    p.send({ type: 'vote.add', option: 1 }, { type: 'answer.reveal' }, { type: 'summary.open' });
    const saved = parseSavedRun(JSON.parse(JSON.stringify(savedRunOf(p.snap()))))!;
    expect(saved).toMatchObject({ index: 0, phase: 'revealed', summary: true });
    const again = start();
    again.send({ type: 'run.restore', saved });
    expect(again.snap().matches('summary')).toBe(true);
    expect(again.snap().context.votes).toEqual(p.snap().context.votes);
    again.send({ type: 'summary.close' });
    expect(again.snap().matches({ presenting: 'revealed' })).toBe(true);
    // While later modules are still loading the summary would be partial: not yet.
    const partial = createPresenterRun({ slides: slides.slice(0, 2), complete: false }).start();
    const before = partial.getSnapshot();
    partial.send({ type: 'run.restore', saved });
    expect(partial.getSnapshot()).toBe(before);
    expect(parseSavedRun({ ...saved, summary: 'yes' })).toBeUndefined();
  });

  it('refuses a saved run that does not fit the slides or is malformed', () => {
    expect(parseSavedRun(null)).toBeUndefined();
    expect(parseSavedRun({ index: -1, phase: 'voting', votes: {}, path: {}, clockMs: 0 })).toBeUndefined();
    expect(parseSavedRun({ index: 0, phase: 'over', votes: {}, path: {}, clockMs: 0 })).toBeUndefined();
    expect(parseSavedRun({ index: 0, phase: 'voting', votes: { '0:': ['x'] }, path: {}, clockMs: 0 })).toBeUndefined();
    const p = start(slides.slice(0, 2));
    const before = p.snap();
    p.send({ type: 'run.restore', saved: { index: 5, step: undefined, phase: 'revealed', votes: {}, path: {}, clockMs: 0 } });
    p.send({ type: 'run.restore', saved: { index: 0, step: 'nowhere', phase: 'revealed', votes: {}, path: {}, clockMs: 0 } });
    expect(p.snap()).toBe(before);
  });
});

describe('the key for the phones', () => {
  it('names the right options, or a story step’s better ones (none when every option is as good)', async () => {
    const { revealKey } = await import('../../../src/lib/workshop/reveal-key');
    const { correctAt, optionsAt, startOf } = await import('../../../src/lib/quiz/scenario');
    for (const s of quiz.scenarios) {
      const step = startOf(s);
      const key = revealKey(s, step);
      if (s.kind !== 'branching') expect(key).toEqual({ right: correctAt(s, step), story: false });
      else {
        const options = optionsAt(s, step) as readonly { id: string; mistake: boolean }[];
        const better = options.filter((o) => !o.mistake).map((o) => o.id);
        expect(key).toEqual({ right: better.length === options.length ? [] : better, story: true });
        expect(key.right.length).toBeLessThan(options.length);
      }
    }
  });

  it('gives the phones a data file without any key, feedback or source', async () => {
    const { participantData, KEY_FIELDS } = await import('../../../src/lib/workshop/presenter-data');
    const data = participantData({ id: 'm', locale: 'lv', title: 'T', scenarios: quiz.scenarios, optionLabels: {}, outcomes: { best: 'x' } });
    const text = JSON.stringify(data);
    for (const field of KEY_FIELDS) expect(text).not.toContain(`"${field}"`);
    expect(data.scenarios.map((s) => s.id)).toEqual(quiz.scenarios.map((s) => s.id));
    expect(text).toContain(JSON.stringify(quiz.scenarios[0]!.situation.lv));
    // The original is untouched (the presenter's file still has its key).
    expect(JSON.stringify(quiz.scenarios)).toContain('"correct":true');
  });
});

describe('the discussion question', () => {
  // The course's own quizzes, as the presenter's data files give them: one locale, the printed order.
  const course = readQuizzes(root);
  const slidesIn = (lang: 'lv' | 'en'): Slide[] =>
    course.flatMap((q) => quizForLocale(q, lang).scenarios.map((s, i) => ({ module: q.moduleId, scenario: printedScenario(s), question: i })));
  const authored = new Map(course.flatMap((q) => q.scenarios.map((s) => [s.id, s] as const)));
  /** Votes for the option at `index` of a step (one vote, so the room's choice is that option). */
  const voteFor = (slide: Slide, step: string | undefined, index: number) => optionsOf(slide, step).map((_, i) => (i === index ? 1 : 0));

  it('is the scenario’s own authored question after the reveal, the same scenario in lv and en', () => {
    const [lv, en] = [slidesIn('lv'), slidesIn('en')];
    expect(lv.length).toBe(148);
    lv.forEach((lvSlide, i) => {
      const enSlide = en[i]!;
      expect(enSlide.scenario.id).toBe(lvSlide.scenario.id);
      const own = authored.get(lvSlide.scenario.id)!.discussion!;
      expect(own.lv).not.toBe(own.en);
      for (const [slide, lang] of [[lvSlide, 'lv'], [enSlide, 'en']] as const) {
        // Not before the reveal: the room votes first.
        expect(slideView(slide, startOf(slide.scenario), [], false, lang).discussion).toBeUndefined();
        if (slide.scenario.kind === 'branching') continue;
        expect(slideView(slide, undefined, [], true, lang).discussion).toBe(own[lang]);
      }
    });
  });

  it('comes with a story’s ending, not at a step that leads on', () => {
    const stories = slidesIn('en').filter((s) => s.scenario.kind === 'branching');
    expect(stories.length).toBe(16);
    for (const slide of stories) {
      const s = slide.scenario as BranchingScenario;
      const own = authored.get(s.id)!.discussion!.en;
      const endings = new Set(s.endings.map((e) => e.id));
      const start = optionsOf(slide, s.start);
      const onward = start.findIndex((o) => 'next' in o && !endings.has(o.next));
      expect(slideView(slide, s.start, voteFor(slide, s.start, onward), true, 'en').discussion).toBeUndefined();
      const last = s.steps.find((st) => st.options.some((o) => endings.has(o.next)))!;
      const ends = last.options.findIndex((o) => endings.has(o.next));
      // The printed order may move the option: vote for it where the slide shows it.
      const at = optionsOf(slide, last.id).findIndex((o) => o.id === last.options[ends]!.id);
      const view = slideView(slide, last.id, voteFor(slide, last.id, at), true, 'en');
      expect(view.ending).toBeDefined();
      expect(view.discussion).toBe(own);
    }
  });

  it('never reaches the phones', () => {
    const data = participantData({ id: 'm', locale: 'lv', title: 'T', scenarios: course[0]!.scenarios, optionLabels: {}, outcomes: {} });
    expect(JSON.stringify(course[0]!.scenarios)).toContain('"discussion"');
    expect(JSON.stringify(data)).not.toContain('"discussion"');
  });
});
