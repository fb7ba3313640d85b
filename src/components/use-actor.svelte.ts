import { onDestroy } from 'svelte';

/**
 * What an island runs: a small run around a pure transition (quiz-machine's `createQuizRun`,
 * presenter-machine's `createPresenterRun`), which keeps xstate's runtime out of the pages. Only
 * this shape is used.
 */
export interface Runnable<S, E> {
  getSnapshot(): S;
  subscribe(listener: (snapshot: S) => void): { unsubscribe(): void };
  send(event: E): void;
  start(): unknown;
  stop(): unknown;
}

/**
 * The one way an island wires a machine: the run's snapshot as reactive state, `send`, and the
 * run stopped with the component. Call it while the component initialises (it uses `onDestroy`).
 * `create` makes the run (the island provides its I/O there), so how a machine is built stays
 * the island's business; `replace` swaps in a fresh run, e.g. when another tab moved an attempt on.
 */
export function useActor<S, E>(create: () => Runnable<S, E>) {
  let actor = create();
  let snapshot = $state.raw(actor.getSnapshot());
  let subscription = actor.subscribe((s) => (snapshot = s));
  actor.start();
  const stop = () => {
    subscription.unsubscribe();
    actor.stop();
  };
  onDestroy(stop);
  return {
    get snapshot(): S {
      return snapshot;
    },
    send: (event: E) => actor.send(event),
    replace(next: () => Runnable<S, E>) {
      stop();
      actor = next();
      snapshot = actor.getSnapshot();
      subscription = actor.subscribe((s) => (snapshot = s));
      actor.start();
    },
  };
}
