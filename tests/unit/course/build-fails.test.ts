import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../helpers';

const work = mkdtempSync(join(tmpdir(), 'broken-quiz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build', () => {
  it('fails on a removed branch target, naming the file, scenario and step', () => {
    const quizzes = join(work, 'quizzes');
    cpSync(join(root, 'quizzes'), quizzes, { recursive: true });
    const file = join(quizzes, 'komunikacijas-principi.yaml');
    // Point the first branch option at a step that does not exist.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/next: ("?)([a-z0-9-]+)\1/, 'next: removed-step'));
    const build = spawnSync('npx', ['astro', 'build', '--outDir', join(work, 'dist')], {
      cwd: root,
      env: { ...process.env, COURSE_QUIZ_DIR: quizzes },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toMatch(
      /quizzes\/komunikacijas-principi\.yaml: scenario "[a-z0-9-]+" › step "[a-z0-9-]+" › option "[a-z0-9-]+" › next: "removed-step" is neither a step nor an ending/,
    );
  }, 120_000);
});
