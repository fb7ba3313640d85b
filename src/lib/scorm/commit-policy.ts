/**
 * When the launch page commits to the LMS. SetValue only changes the LMS API's copy in the page,
 * but Commit is a round trip, and a blocking one in Moodle (its request.js sends a synchronous
 * XHR, about 21 per module when every answer committed; ../shared/reviews/moodle.md). So values
 * are set on every change and committed only when losing them would matter: a module passed (the
 * course completing is the last one), every few changes, the page hidden, and leaving.
 */

/** Changed reports that are committed together at most; a lost browser loses fewer answers than this (and the browser keeps them too). */
export const COMMIT_EVERY = 5;

export interface CommitState {
  /** Changed reports set since the last commit. */
  pending: number;
  /** Modules passed in what the LMS last committed. */
  committedPassed: number;
}

export type CommitReason = 'module-passed' | 'every-few-changes' | 'page-hidden' | 'leaving';

export interface CommitDecision {
  state: CommitState;
  /** Why to commit now; undefined: not yet. */
  commit: CommitReason | undefined;
}

/** The LMS holds `passedModules` passed at launch (0 without suspend data); nothing is pending. */
export function initialCommitState(passedModules = 0): CommitState {
  return { pending: 0, committedPassed: passedModules };
}

/** A changed report has just been set. */
export function afterReport(state: CommitState, passedModules: number): CommitDecision {
  const pending = state.pending + 1;
  const reason: CommitReason | undefined = passedModules !== state.committedPassed ? 'module-passed' : pending >= COMMIT_EVERY ? 'every-few-changes' : undefined;
  return reason ? { state: { pending: 0, committedPassed: passedModules }, commit: reason } : { state: { ...state, pending }, commit: undefined };
}

/** The page was hidden (tab switched, window minimised, a phone locked): commit what is pending. */
export function whenHidden(state: CommitState): CommitDecision {
  return state.pending > 0 ? { state: { ...state, pending: 0 }, commit: 'page-hidden' } : { state, commit: undefined };
}

/** Leaving: always commit, since session time and exit are set just before. */
export function whenLeaving(state: CommitState): CommitDecision {
  return { state: { ...state, pending: 0 }, commit: 'leaving' };
}
