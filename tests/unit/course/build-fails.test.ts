import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { standardLabels } from '../../../src/lib/course/read-sources';
import { guessabilityProblems } from '../../../src/lib/quiz/guessability';
import { loadQuizFile } from '../../../src/lib/quiz/load-quiz-file';
import { root, seeds } from '../helpers';

const work = mkdtempSync(join(tmpdir(), 'broken-quiz-'));
// The output stays inside the project (the build refuses another place: scripts/out-dir-inside.mjs).
const out = join(root, 'dist-tests', `broken-quiz-${process.pid}`);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the build', () => {
  it('fails on a removed branch target, naming the file, scenario and step', () => {
    const quizzes = join(work, 'quizzes');
    cpSync(join(root, 'quizzes'), quizzes, { recursive: true });
    const file = join(quizzes, 'komunikacijas-principi.yaml');
    // Point the first branch option at a step that does not exist.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/next: ("?)([a-z0-9-]+)\1/, 'next: removed-step'));
    const build = spawnSync('npx', ['astro', 'build', '--outDir', join(out, 'dist')], {
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

  it('fails on a quiz where the longest option is always right, naming the file and the strategy, and warns about the known failures', () => {
    const quizzes = join(work, 'guessable');
    cpSync(join(root, 'quizzes'), quizzes, { recursive: true });
    writeFileSync(join(quizzes, 'kapec-vadlinijas.yaml'), readFileSync(join(root, 'tests/fixtures/quizzes/longest-wins.yaml'), 'utf8'));
    // A second guessable quiz whose problems are listed as known: the build warns about it instead
    // of failing, and the known list holds nothing else (the real list may be empty by now).
    const guessable = loadQuizFile('quizzes/komunikacijas-principi.yaml', readFileSync(join(root, 'tests/fixtures/quizzes/longest-wins.yaml'), 'utf8'), seeds);
    writeFileSync(join(quizzes, 'komunikacijas-principi.yaml'), readFileSync(join(root, 'tests/fixtures/quizzes/longest-wins.yaml'), 'utf8'));
    writeFileSync(join(quizzes, '_known-failures.yaml'), stringify({ 'komunikacijas-principi': guessabilityProblems(guessable, standardLabels()).map((p) => p.key) }));
    const build = spawnSync('npx', ['astro', 'build', '--outDir', join(out, 'dist-guessable')], {
      cwd: root,
      env: { ...process.env, COURSE_QUIZ_DIR: quizzes },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = build.stdout + build.stderr;
    expect(build.status).not.toBe(0);
    expect(output).toMatch(/quizzes\/kapec-vadlinijas\.yaml: blind strategy passes \(lv, 100 %\): always the longest option .*the pass mark is 80 %/);
    expect(output).toMatch(/KNOWN GUESSABILITY FAILURES/);
    expect(output).toMatch(/! quizzes\/komunikacijas-principi\.yaml: blind strategy passes/);
  }, 120_000);
});
