/** Strings ModuleList.svelte shows beyond its home.* table, picked typed (pickKeys) by the home page. */
export const MODULE_LIST_KEYS = ['start.course', 'start.continue', 'start.certificate', 'start.finalTest'] as const;

export type ModuleListStrings = Record<(typeof MODULE_LIST_KEYS)[number], string>;
