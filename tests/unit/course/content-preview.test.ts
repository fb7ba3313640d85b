import { describe, expect, it } from 'vitest';
import { contentPreview, PREVIEW_ENTRYPOINT } from '../../../src/dev/content-preview';
import { previewScenario } from '../../../src/lib/quiz/preview';
import { pickStrings } from '../../../src/lib/i18n/translate';
import { leadsOn } from '../../../src/lib/quiz/scenario';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { root } from '../helpers';

const quizzes = readQuizzes(root);

const injected = (command: string) => {
  const routes: unknown[] = [];
  const setup = contentPreview().hooks['astro:config:setup'] as (o: object) => void;
  setup({ command, injectRoute: (r: unknown) => routes.push(r) });
  return routes;
};

describe('the content preview', () => {
  it('is routed by astro dev only, never by a build', () => {
    expect(injected('dev')).toEqual([{ pattern: '/[locale]/[preview]', entrypoint: PREVIEW_ENTRYPOINT, prerender: true }]);
    expect(injected('build')).toEqual([]);
    expect(injected('preview')).toEqual([]);
  });

  it('shows a keyed question\'s right and wrong options and a story\'s targets and endings', () => {
    const all = quizzes.flatMap((q) => q.scenarios);
    const keyed = previewScenario(all.find((s) => !leadsOn(s))!, 'en', pickStrings('en', ['option.']), (seed) => `T:${seed}`);
    const options = keyed.steps[0]!.options;
    expect(options.some((o) => o.right === true) && options.some((o) => o.right === false)).toBe(true);
    expect(options[0]!.source.title).toMatch(/^T:.*\.txt$/);
    expect(options[0]!.source.translation).toBeTruthy();
    const story = previewScenario(all.find(leadsOn)!, 'lv', {}, (s) => s);
    const targets = story.steps.flatMap((st) => st.options.map((o) => o.target!));
    expect(targets.some((t) => t.to === 'ending') && targets.some((t) => t.to === 'step')).toBe(true);
    expect(story.steps.flatMap((st) => st.options).every((o) => o.right === undefined && typeof o.mistake === 'boolean')).toBe(true);
    expect(story.steps[0]!.options[0]!.source.translation).toBeUndefined();
  });
});
