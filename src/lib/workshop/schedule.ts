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

const HOUR_MS = 3600_000;
/** Whole hours, minutes and seconds of a duration (never negative). */
const partsOf = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { h: Math.floor(total / 3600), m: Math.floor(total / 60) % 60, s: total % 60 };
};
const two = (n: number) => String(n).padStart(2, '0');
const longForm = (ms: number) => ((p) => `${p.h}:${two(p.m)}:${two(p.s)}`)(partsOf(ms));

/** mm:ss, or h:mm:ss past an hour. */
export function clockText(ms: number): string {
  return ms >= HOUR_MS ? longForm(ms) : ((p) => `${two(p.m)}:${two(p.s)}`)(partsOf(ms));
}

/**
 * The workshop clock's two readings in one form, so they compare at a glance: h:mm:ss for both
 * once either reaches an hour („0:00:30 no 1:30:00”), otherwise mm:ss for both („00:30 no 45:00”).
 */
export function clockPair(elapsedMs: number, plannedMs: number): { elapsed: string; planned: string } {
  const write = elapsedMs >= HOUR_MS || plannedMs >= HOUR_MS ? longForm : clockText;
  return { elapsed: write(elapsedMs), planned: write(plannedMs) };
}

type Unit = 'hour' | 'minute' | 'second';
/** The formatters, made once: the clock says its time in words every second. */
const formats = new Map<string, Intl.NumberFormat>();
const unitFormat = (langTag: string, unit: Unit) => {
  const key = `${langTag} ${unit}`;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = new Intl.NumberFormat(langTag, { style: 'unit', unit, unitDisplay: 'long' })));
  return made;
};

/**
 * A duration in words, for screen readers, which read „1:30:00” digit by digit: „1 stunda 30 minūšu”,
 * "1 hour 30 minutes". `Intl` gives each language's plural forms; zero parts are left out.
 */
export function durationWords(ms: number, langTag: string): string {
  const { h, m, s } = partsOf(ms);
  const unit = (value: number, name: Unit) => unitFormat(langTag, name).format(value);
  const said = [h && unit(h, 'hour'), m && unit(m, 'minute'), s && unit(s, 'second')].filter(Boolean);
  return said.length ? said.join(' ') : unit(0, 'second');
}
