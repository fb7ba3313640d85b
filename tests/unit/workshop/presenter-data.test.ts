import { describe, expect, it } from 'vitest';
import { createModuleQueue, type QueueState } from '../../../src/lib/workshop/module-queue';
import { fetchModuleData, ModuleLoadError, parseModuleData, presenterDataPath, type PresenterModuleData } from '../../../src/lib/workshop/presenter-data';
import { fixtureQuiz } from '../helpers';
import { quizForLocale } from '../../../src/lib/quiz/for-locale';

const data = (id: string): PresenterModuleData => ({
  id,
  locale: 'lv',
  title: `Modulis ${id}`,
  scenarios: quizForLocale(fixtureQuiz(), 'lv').scenarios,
  optionLabels: { 'option.official': 'Iestādes oficiālais konts' },
  outcomes: { best: 'Labākais iznākums' },
});
const respond = (body: unknown, ok = true) => Promise.resolve({ ok, json: () => (body instanceof Error ? Promise.reject(body) : Promise.resolve(body)) });

describe('presenter data files', () => {
  it('live at one address per language and module', () => {
    expect(presenterDataPath('en', 'ko-nedrikst-izpaust')).toBe('/en/presenter-data/ko-nedrikst-izpaust.json');
  });

  it('accept a file for the module and language asked for', async () => {
    const got = await fetchModuleData((url) => (expect(url).toBe('/lv/presenter-data/a.json'), respond(data('a'))), 'lv', 'a');
    expect(got.title).toBe('Modulis a');
  });

  it('refuse another module, another language or a broken shape with a reason', () => {
    expect(() => parseModuleData(data('b'), 'a', 'lv')).toThrow(ModuleLoadError);
    expect(() => parseModuleData(data('a'), 'a', 'en')).toThrow(ModuleLoadError);
    expect(() => parseModuleData({ ...data('a'), scenarios: [{}] }, 'a', 'lv')).toThrow(ModuleLoadError);
    expect(() => parseModuleData('<html>proxy error</html>', 'a', 'lv')).toThrow(ModuleLoadError);
  });

  it('say whether the network, the server or the file failed', async () => {
    const problem = (p: Promise<unknown>) => p.then(() => 'none', (e: ModuleLoadError) => e.problem);
    expect(await problem(fetchModuleData(() => Promise.reject(new TypeError('offline')), 'lv', 'a'))).toBe('network');
    expect(await problem(fetchModuleData(() => respond({}, false), 'lv', 'a'))).toBe('status');
    expect(await problem(fetchModuleData(() => respond(new SyntaxError('not json')), 'lv', 'a'))).toBe('format');
  });
});

describe('loading a plan’s modules', () => {
  function run(ids: string[], fail: Set<string>) {
    const loaded: string[] = [];
    const states: QueueState[] = [];
    const calls: string[] = [];
    const queue = createModuleQueue(ids, async (id) => {
      calls.push(id);
      if (fail.has(id)) throw new ModuleLoadError('network', id);
      return data(id);
    }, { loaded: (d, last) => loaded.push(`${d.id}${last ? '!' : ''}`), state: (s) => states.push(s) });
    return { queue, loaded, states, calls };
  }

  it('loads in plan order and marks the last', async () => {
    const r = run(['a', 'b', 'c'], new Set());
    await r.queue.start();
    expect(r.loaded).toEqual(['a', 'b', 'c!']);
    expect(r.states.at(-1)).toEqual({ status: 'done', loaded: 3, total: 3 });
  });

  it('stops at a failed module, keeps what it has, and resumes there on retry, once per call', async () => {
    const fail = new Set(['b']);
    const r = run(['a', 'b', 'c'], fail);
    await r.queue.start();
    expect(r.loaded).toEqual(['a']);
    expect(r.states.at(-1)).toMatchObject({ status: 'failed', module: 'b', loaded: 1 });
    await r.queue.retry();
    expect(r.calls).toEqual(['a', 'b', 'b']); // no loop against a dead server
    fail.clear();
    await r.queue.retry();
    expect(r.loaded).toEqual(['a', 'b', 'c!']);
    expect(r.calls).toEqual(['a', 'b', 'b', 'b', 'c']);
  });
});

describe('slides of modules that arrive one by one', () => {
  it('are the same slides, in the same option order, as building the whole plan at once', async () => {
    const { slidesFor, slidesOfItem } = await import('../../../src/lib/workshop/slides');
    const quiz = fixtureQuiz();
    const modules = [{ id: 'x', scenarios: quiz.scenarios }, { id: 'y', scenarios: quiz.scenarios.slice(0, 3) }];
    const plan = [{ module: 'y' }, { module: 'x', scenarios: [quiz.scenarios[1]!.id, quiz.scenarios[4]!.id] }];
    const whole = slidesFor(plan, modules);
    const piecewise = [...slidesOfItem(plan[1]!, modules[0]!), ...slidesOfItem(plan[0]!, modules[1]!)];
    expect(whole).toHaveLength(5);
    expect([...piecewise.slice(2), ...piecewise.slice(0, 2)]).toEqual(whole);
  });
});
