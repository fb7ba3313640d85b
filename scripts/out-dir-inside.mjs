// @ts-check
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `astro build --outDir` may write: inside the project. The server half (dist/server) loads its
 * packages from the project's node_modules by walking up from its own folder, so a build written
 * elsewhere ends, after the whole build, in `Cannot find package '@oslojs/encoding'`. Said at once instead.
 * @param {URL} root @param {URL} outDir
 * @returns {string | undefined} the problem, or nothing when outDir is inside root
 */
export function outDirProblem(root, outDir) {
  const inside = relative(fileURLToPath(root), fileURLToPath(outDir));
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return undefined;
  return (
    `The build's output folder must be inside the project folder (${fileURLToPath(root)}), not ${fileURLToPath(outDir)}: ` +
    'the server it builds (dist/server) needs the project\'s node_modules next to it. ' +
    'Leave --outDir out (dist/) or name a folder inside the project (e.g. --outDir dist-edition); for static hosting alone, copy its client folder afterwards.'
  );
}

/** @returns {import('astro').AstroIntegration} */
export function outDirInsideProject() {
  return {
    name: 'out-dir-inside-project',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        const problem = command === 'build' ? outDirProblem(config.root, config.outDir) : undefined;
        if (problem) throw new Error(problem);
      },
    },
  };
}
