import { scenariosIn, type PlannableModule, type WorkshopPlan } from './plan';

/**
 * The plan's minutes per slide, in presenting order: each module's facilitator minutes shared
 * equally among its scenarios (the planner's total scales the same way).
 */
export function minutesPerSlide(plan: WorkshopPlan, modules: readonly PlannableModule[]): number[] {
  return plan.flatMap((item) => {
    const known = modules.find((m) => m.id === item.module);
    if (!known || known.scenarios.length === 0) return [];
    const each = known.minutes / known.scenarios.length;
    return scenariosIn(item, modules).map(() => each);
  });
}

export type ScheduleStatus = { kind: 'on-time' } | { kind: 'behind' | 'ahead'; minutes: number };

/**
 * The workshop clock against the plan at slide `index`: behind when more time has passed than the
 * plan gives up to the end of this slide, ahead when less than up to its start; whole minutes.
 */
export function scheduleAt(perSlide: readonly number[], index: number, elapsedMs: number): ScheduleStatus {
  const before = perSlide.slice(0, index).reduce((a, b) => a + b, 0);
  const through = before + (perSlide[index] ?? 0);
  const elapsed = elapsedMs / 60000;
  if (elapsed > through + 0.5) return { kind: 'behind', minutes: Math.round(elapsed - through) || 1 };
  if (elapsed < before - 0.5) return { kind: 'ahead', minutes: Math.round(before - elapsed) || 1 };
  return { kind: 'on-time' };
}

/** mm:ss, or h:mm:ss past an hour. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
