import { onDestroy } from 'svelte';
import type { Actor, AnyActorLogic, EventFrom, SnapshotFrom } from 'xstate';

/**
 * The one way an island wires a machine: the actor's snapshot as reactive state, `send`, and the
 * actor stopped with the component. Call it while the component initialises (it uses `onDestroy`).
 * `create` makes the actor (the island provides its I/O there), so how a machine is built stays
 * the island's business; `replace` swaps in a fresh actor, e.g. when another tab moved an attempt on.
 */
export function useActor<L extends AnyActorLogic>(create: () => Actor<L>) {
  let actor = create();
  let snapshot = $state.raw(actor.getSnapshot() as SnapshotFrom<L>);
  let subscription = actor.subscribe((s) => (snapshot = s as SnapshotFrom<L>));
  actor.start();
  const stop = () => {
    subscription.unsubscribe();
    actor.stop();
  };
  onDestroy(stop);
  return {
    get snapshot(): SnapshotFrom<L> {
      return snapshot;
    },
    send: (event: EventFrom<L>) => actor.send(event),
    replace(next: () => Actor<L>) {
      stop();
      actor = next();
      snapshot = actor.getSnapshot() as SnapshotFrom<L>;
      subscription = actor.subscribe((s) => (snapshot = s as SnapshotFrom<L>));
      actor.start();
    },
  };
}
