import { parse } from 'yaml';

/** The YAML frontmatter of a Markdown file, as Astro's loader reads it. */
export default function frontmatter(text: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? parse(match[1]!) : {};
}
