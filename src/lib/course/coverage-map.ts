import type { LocalizedText } from '../i18n/locales';

export interface CoveragePoint {
  id: string;
  topic: LocalizedText;
  seed: string;
  quote: string;
  scenarios?: string[];
}

export interface CoverageFragment {
  module: string;
  points: CoveragePoint[];
}

export interface ModuleSummary {
  id: string;
  order: number;
  title: LocalizedText;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * The coverage map as Markdown: for each module in course order, every point of the guidelines it
 * teaches, the passage quoted, and the scenarios that test it. Generated, never edited by hand.
 */
export function coverageMarkdown(fragments: readonly CoverageFragment[], modules: readonly ModuleSummary[]): string {
  const lines = [
    '# Coverage map — where each point of the guidelines is taught and tested',
    '',
    'Generated from `modules/coverage/*.yaml` by `npm run coverage-map`; a test fails when this file is out of date.',
    'Seeds: `001_…` is the State Chancellery guidelines article, `000_…` the 2011 conference slides.',
    '',
  ];
  const total = fragments.reduce((n, f) => n + f.points.length, 0);
  lines.push(`${total} points in ${modules.length} modules.`, '');
  for (const module of [...modules].sort((a, b) => a.order - b.order)) {
    const fragment = fragments.find((f) => f.module === module.id);
    lines.push(`## ${module.order}. ${module.title.lv} / ${module.title.en}`, '');
    if (!fragment) {
      lines.push('_No points mapped._', '');
      continue;
    }
    lines.push('| point | seed passage | tested by |', '| --- | --- | --- |');
    for (const p of fragment.points)
      lines.push(`| ${cell(p.topic.lv)} / ${cell(p.topic.en)} | „${cell(p.quote)}” (${p.seed.slice(0, 3)}) | ${(p.scenarios ?? []).map((s) => `\`${s}\``).join(', ') || '—'} |`);
    lines.push('');
  }
  return lines.join('\n');
}
