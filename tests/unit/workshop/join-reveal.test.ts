import { describe, expect, it } from 'vitest';
import { quizForLocale } from '../../../src/lib/quiz/for-locale';
import { endingReached, leadsOn, optionsAt, stepsOf } from '../../../src/lib/quiz/scenario';
import { joinRevealPath, parseJoinReveal } from '../../../src/lib/workshop/join-reveal';
import { joinReveals } from '../../../src/lib/workshop/join-reveal-files';
import type { PresenterModuleData } from '../../../src/lib/workshop/presenter-data';
import { fixtureQuiz } from '../helpers';

const data: PresenterModuleData = {
  id: 'm',
  locale: 'lv',
  title: 'Modulis',
  scenarios: quizForLocale(fixtureQuiz(), 'lv').scenarios,
  optionLabels: {},
  outcomes: { best: 'Labākais iznākums', acceptable: 'Pieņemams iznākums', poor: 'Vājš iznākums' },
};
const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : []);

describe('a phone’s reveal file holds one step’s reasoning and nothing of any other', () => {
  const files = joinReveals(data);

  it('has one file per scenario step, at its own address', () => {
    expect(files.length).toBe(data.scenarios.reduce((n, s) => n + stepsOf(s).length, 0));
    expect(joinRevealPath('en', 'm', 's1', undefined)).toBe('/en/join-reveal/m/s1/_.json');
    expect(joinRevealPath('lv', 'm', 'story', 'start')).toBe('/lv/join-reveal/m/story/start.json');
  });

  it('holds no text (feedback, source, ending) of another scenario or step, and no link on or points', () => {
    for (const { reveal } of files) {
      const own = JSON.stringify(reveal);
      expect(own).not.toMatch(/"(next|points|correct|mistake)"/);
      for (const other of data.scenarios)
        for (const step of stepsOf(other)) {
          if (other.id === reveal.scenario && (step ?? null) === reveal.step) continue;
          for (const o of optionsAt(other, step))
            for (const text of texts(o.feedback).filter((t) => t.length > 30 && !texts(optionsAt(data.scenarios.find((s) => s.id === reveal.scenario)!, reveal.step ?? undefined)).includes(t)))
              expect(own, `${reveal.scenario}/${reveal.step} holds ${other.id}/${step}`).not.toContain(text);
        }
    }
  });

  it('names the ending a story option leads to, with its outcome in the file’s language', () => {
    const story = data.scenarios.find((s) => leadsOn(s))!;
    const withEnding = files.find((f) => f.reveal.scenario === story.id && Object.keys(f.reveal.endings).length)!;
    const [option, ending] = Object.entries(withEnding.reveal.endings)[0]!;
    const reached = endingReached(story, [{ scenario: story.id, step: withEnding.reveal.step ?? undefined, choice: [option] }])!;
    expect(ending).toEqual({ outcome: data.outcomes[reached.outcome], text: reached.text.lv });
  });

  it('is refused for another step, language or a broken shape', () => {
    const { reveal } = files[0]!;
    const asked = { module: 'm', scenario: reveal.scenario, step: reveal.step ?? undefined, locale: 'lv' as const };
    expect(parseJoinReveal(JSON.parse(JSON.stringify(reveal)), asked)).toEqual(reveal);
    expect(parseJoinReveal(reveal, { ...asked, locale: 'en' })).toBeUndefined();
    expect(parseJoinReveal(reveal, { ...asked, scenario: 'other' })).toBeUndefined();
    expect(parseJoinReveal('<html>proxy error</html>', asked)).toBeUndefined();
    expect(parseJoinReveal({ ...reveal, endings: { a: { outcome: 1 } } }, asked)).toBeUndefined();
  });
});
