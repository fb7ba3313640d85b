import { parse } from 'yaml';
import type { Quiz } from './types';
import { validateQuiz, type QuizKindOptions, type SeedTexts } from './validate-quiz';

/** A quiz file that cannot be used; the message names the file and every problem in it. */
export class QuizFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid quiz file ${file}:\n${problems.map((p) => `  - ${file}: ${p}`).join('\n')}`);
    this.name = 'QuizFileError';
  }
}

/**
 * Parses and validates one `quizzes/<module-id>.yaml` (with `{ module: true }`, which requires the
 * scenarios' discussion questions) or a final-test file; throws QuizFileError naming what is wrong.
 */
export function loadQuizFile(file: string, text: string, seeds?: SeedTexts, options: QuizKindOptions = {}): Quiz {
  const moduleId = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new QuizFileError(file, [`YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = validateQuiz(data, seeds, options);
  if (!result.ok) throw new QuizFileError(file, result.problems);
  return { ...result.quiz, moduleId };
}
