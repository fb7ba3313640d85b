// `npm run coverage-map`: regenerates modules/COVERAGE.md from modules/coverage/*.yaml.
import { writeFileSync } from 'node:fs';
import { coverageMarkdown } from '../lib/course/coverage-map';
import { loadCoverageInputs } from './coverage-inputs';

const { fragments, modules } = loadCoverageInputs(process.cwd());
writeFileSync('modules/COVERAGE.md', coverageMarkdown(fragments, modules));
console.log(`modules/COVERAGE.md: ${fragments.reduce((n, f) => n + f.points.length, 0)} points in ${modules.length} modules.`);
