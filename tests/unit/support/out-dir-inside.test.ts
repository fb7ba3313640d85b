import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outDirInsideProject, outDirProblem } from '../../../scripts/out-dir-inside.mjs';

const root = pathToFileURL('/work/course/');
const setup = (command: string, outDir: string) =>
  (outDirInsideProject().hooks['astro:config:setup'] as (o: object) => void)({ command, config: { root, outDir: pathToFileURL(outDir) } });

describe('astro build --outDir', () => {
  it('builds into any folder inside the project', () => {
    expect(outDirProblem(root, pathToFileURL('/work/course/dist/'))).toBeUndefined();
    expect(outDirProblem(root, pathToFileURL('/work/course/dist-tests/ministrija-1/'))).toBeUndefined();
    expect(() => setup('build', '/work/course/dist-edition/')).not.toThrow();
  });

  it('stops at once with a plain message when the folder is outside the project (the server would miss its packages)', () => {
    expect(() => setup('build', '/tmp/kurss/')).toThrow(/must be inside the project folder \(\/work\/course\/?\), not \/tmp\/kurss\/?: the server it builds \(dist\/server\) needs the project's node_modules/);
    expect(outDirProblem(root, pathToFileURL('/work/course-copy/dist/'))).toMatch(/must be inside the project folder/);
    expect(outDirProblem(root, pathToFileURL('/work/course/'))).toMatch(/must be inside the project folder/);
  });

  it('leaves astro dev alone', () => {
    expect(() => setup('dev', '/tmp/kurss/')).not.toThrow();
  });
});
