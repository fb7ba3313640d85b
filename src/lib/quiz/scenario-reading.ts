// What a phone in a live room needs of the scenario kinds to show a question and its reveal,
// imported by JoinView.svelte when the first question arrives. A module of its own rather than
// import('./scenario'): a dynamic import of a module inside the shared quiz chunk makes the bundler
// build that module's namespace object (and load its runtime helper) on every page with the chunk.
export { consequenceOf, correctAt, leadsOn, optionsAt, questionOf } from './scenario';
