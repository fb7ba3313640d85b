/** A workshop plan: modules in the trainer's order, each with all or some of its scenarios. */
export interface PlanItem {
  module: string;
  /** Scenario ids to present, in quiz order; undefined means all. */
  scenarios?: string[];
}
export type WorkshopPlan = PlanItem[];

export interface PlannableModule {
  id: string;
  scenarios: string[];
  /** Workshop minutes, from the module's facilitator timing. */
  minutes: number;
}

const ID = /^[a-z0-9-]+$/;

/** A module's workshop length: the sum of its facilitator timing rows. */
export function workshopMinutes(timing: readonly { minutes: number }[]): number {
  return timing.reduce((sum, row) => sum + row.minutes, 0);
}

/**
 * The plan as one URL query value, so a link carries it without a server:
 * `kapec-vadlinijas,komunikacijas-principi:scenario-a.scenario-b`.
 */
export function encodePlan(plan: WorkshopPlan): string {
  return plan.map((p) => (p.scenarios ? `${p.module}:${p.scenarios.join('.')}` : p.module)).join(',');
}

/** Reads a plan from a link, dropping whatever the course does not have (links outlive content). */
export function decodePlan(value: string | null | undefined, modules: readonly PlannableModule[]): WorkshopPlan {
  if (!value) return [];
  const plan: WorkshopPlan = [];
  for (const part of value.split(',').slice(0, 50)) {
    const [module, list] = part.split(':');
    const known = modules.find((m) => m.id === module);
    if (!known || !ID.test(module!) || plan.some((p) => p.module === module)) continue;
    if (list === undefined) {
      plan.push({ module: known.id });
      continue;
    }
    const chosen = known.scenarios.filter((s) => list.split('.').includes(s));
    if (chosen.length) plan.push({ module: known.id, scenarios: chosen });
  }
  return plan;
}

export function scenariosIn(item: PlanItem, modules: readonly PlannableModule[]): string[] {
  const known = modules.find((m) => m.id === item.module);
  return item.scenarios ?? known?.scenarios ?? [];
}

/** Total workshop minutes: each module's facilitator timing, scaled to the share of its scenarios shown. */
export function planMinutes(plan: WorkshopPlan, modules: readonly PlannableModule[]): number {
  return plan.reduce((sum, item) => {
    const known = modules.find((m) => m.id === item.module);
    if (!known) return sum;
    const share = item.scenarios ? item.scenarios.length / known.scenarios.length : 1;
    return sum + Math.round(known.minutes * share);
  }, 0);
}

export function moveItem(plan: WorkshopPlan, index: number, by: -1 | 1): WorkshopPlan {
  const to = index + by;
  if (to < 0 || to >= plan.length) return plan;
  const next = [...plan];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
