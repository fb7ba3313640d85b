import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedTexts } from '../quiz/validate-quiz';

/**
 * Reads the seed documents in `modules/sources/`. Node file access, used only at build time and in
 * tests; the browser never needs the seeds.
 */
export function readSeeds(root: string): SeedTexts {
  const dir = join(root, 'modules', 'sources');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}
