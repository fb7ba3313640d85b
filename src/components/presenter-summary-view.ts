// The workshop summary (its view and the per-slide rows), loaded by PresenterView only when the
// summary is opened: the presenter's first load does not need it (page weight, issue 12).
export { default as PresenterSummary } from './PresenterSummary.svelte';
export { slideTitles, summarise } from '../lib/workshop/summary';
