import { describe, expect, it } from 'vitest';
import { contentPreview, PREVIEW_ENTRYPOINT } from '../../../src/dev/content-preview';
import { previewScenario } from '../../../src/lib/quiz/preview';
import { pickStrings } from '../../../src/lib/i18n/translate';
import { leadsOn } from '../../../src/lib/quiz/scenario';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { root } from '../helpers';
import { previewContact, previewHead, withContact } from '../../../src/data/preview-parts';
import { loadInstitution } from '../../../src/server/institution';

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

  it('numbers a local module as the course does and names its quiz file in the institution’s folder', () => {
    const local = { id: 'agenturas-kartiba', local: true, number: 9, title: 'Izdomātās aģentūras kārtība' };
    expect(previewHead(local, 'lv', '../izdomata/local')).toEqual({ title: '9. modulis · Izdomātās aģentūras kārtība', file: '../izdomata/local/quizzes/agenturas-kartiba.yaml' });
    expect(previewHead({ ...local, id: 'oficialais-konts', local: false, number: 2, title: 'Oficiālais konts' }, 'en', 'local').file).toBe('quizzes/oficialais-konts.yaml');
  });

  it('fills {contact} as an institution’s learners read it, and marks where it goes in the general edition', () => {
    const all = quizzes.flatMap((q) => q.scenarios);
    const withPlaceholder = all.find((s) => JSON.stringify(s).includes('{contact}'))!;
    const shown = (fill: (t: string) => string, locale: 'lv' | 'en') => JSON.stringify(withContact(previewScenario(withPlaceholder, locale, {}, (x) => x), fill));
    const ministrija = loadInstitution('tests/fixtures/institutions/ministrija/institution.yaml');
    const lv = shown(previewContact(ministrija, 'lv'), 'lv');
    expect(lv).toContain('(Jūsu iestādē: Komunikācijas nodaļa, e-pasts komunikacija@testa-ministrija.example, tālrunis +371 67 000 000');
    expect(lv).not.toContain('{contact}');
    expect(shown(previewContact(undefined, 'lv'), 'lv')).toContain(' [šeit iestādes kontakts]');
    const en = shown(previewContact(undefined, 'en'), 'en');
    expect(en).toContain(' [your institution’s contact here]');
    expect(en).not.toContain('{contact}');
  });
});
