/** `{name}` placeholders as in the string tables. */
export type Vars = Record<string, string | number>;

/**
 * A template with `{name}` placeholders filled in; an unknown name stays as written. On its own so
 * that islands, which get their strings as props, never pull the string tables into the page.
 */
export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
