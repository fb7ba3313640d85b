/** Strings QuizPlayer.svelte shows beyond its quiz.* table, picked typed (pickKeys) by the module page. */
export const QUIZ_PLAYER_KEYS = [
  'player.errorSummary',
  'player.errorPrefix',
  'player.errorOne',
  'player.errorMany',
  'player.nextModule',
  'player.courseDone',
  'player.getCertificate',
  'player.toFinalTest',
  'player.backHome',
  'player.question',
  'player.twinHeld',
  'player.twinHeldText',
  'player.detailsLoading',
  'player.detailsError',
  'player.detailsSaved',
  'player.detailsRetry',
] as const;

export type QuizPlayerStrings = Record<(typeof QUIZ_PLAYER_KEYS)[number], string>;
