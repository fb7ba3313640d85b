import { onMount } from 'svelte';
import type { Store } from '../lib/progress/small-store';

/**
 * The one way an island reads a browser store: `fallback` (what the server rendered, since it knows
 * nothing of this browser's storage) until the island is mounted, then the store's value, followed
 * until the island goes. Hydration then matches the server's markup. Call it during initialisation.
 */
export function useHydratedStore<T, F>(store: Pick<Store<T>, 'get' | 'subscribe'>, fallback: F) {
  let mounted = $state(false);
  let value = $state.raw<T>(store.get());
  onMount(() => {
    mounted = true;
    return store.subscribe((v) => (value = v));
  });
  return {
    get current(): T | F {
      return mounted ? value : fallback;
    },
    get mounted(): boolean {
      return mounted;
    },
  };
}
