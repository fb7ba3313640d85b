import type { PresenterModuleData } from './presenter-data';
import { ModuleLoadError } from './presenter-data';

export type QueueState =
  | { status: 'loading'; module: string; loaded: number; total: number }
  | { status: 'failed'; module: string; problem: ModuleLoadError['problem']; loaded: number; total: number }
  | { status: 'done'; loaded: number; total: number };

/**
 * Loads a plan's modules one after another, in plan order, so the first slides appear as soon as
 * the first module is in and the rest follow while the trainer talks. Every loaded module stays in
 * memory: once all are in, the workshop runs without the network. A failure stops the queue at that
 * module; `retry()` resumes there (one attempt per call, so nothing loops against a dead server).
 */
export function createModuleQueue(
  ids: readonly string[],
  load: (id: string) => Promise<PresenterModuleData>,
  on: { loaded: (data: PresenterModuleData, last: boolean) => void; state: (state: QueueState) => void },
) {
  let next = 0;
  let busy = false;
  const total = ids.length;

  async function run() {
    if (busy) return;
    busy = true;
    try {
      while (next < total) {
        const id = ids[next]!;
        on.state({ status: 'loading', module: id, loaded: next, total });
        let data: PresenterModuleData;
        try {
          data = await load(id);
        } catch (error) {
          const problem = error instanceof ModuleLoadError ? error.problem : 'network';
          on.state({ status: 'failed', module: id, problem, loaded: next, total });
          return;
        }
        next += 1;
        on.loaded(data, next === total);
      }
      on.state({ status: 'done', loaded: next, total });
    } finally {
      busy = false;
    }
  }

  return { start: run, retry: run };
}
