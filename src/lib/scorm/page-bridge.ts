import type { Progress } from '../progress/progress-data';

/** What the SCORM launch page offers the course pages it frames (see src/scorm/launch.ts). */
export interface LaunchSession {
  update(progress: Progress): void;
}

/**
 * The launch page's session, when this page runs inside the SCORM package's frame; otherwise
 * undefined and the course behaves exactly as on the normal site.
 */
export function launchSessionOf(win: { parent?: unknown }): LaunchSession | undefined {
  try {
    const parent = win.parent as { __smkurssScorm?: LaunchSession } | undefined;
    if (!parent || parent === win) return undefined;
    const session = parent.__smkurssScorm;
    return session && typeof session.update === 'function' ? session : undefined;
  } catch {
    return undefined; // a cross-origin parent: not a launch page of ours
  }
}
