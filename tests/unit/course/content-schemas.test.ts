import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isQuizFileName } from '../../../src/lib/course/read-sources';

const root = process.cwd();
const ajv = new Ajv({ allErrors: true, strict: false });
const schema = (file: string) => ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')));
const quizSchema = schema('quiz.schema.json');
const bankSchema = schema('final-test.schema.json');
const moduleSchema = schema('module.schema.json');

/** Every content file an editor opens, with the `$schema=` path its first line must carry (relative to the file). */
const quizFiles = [
  ...readdirSync(join(root, 'quizzes')).filter(isQuizFileName).map((f) => [`quizzes/${f}`, '../schemas/quiz.schema.json'] as const),
  ...readdirSync(join(root, 'quizzes/final-test')).filter(isQuizFileName).map((f) => [`quizzes/final-test/${f}`, '../../schemas/final-test.schema.json'] as const),
];
const moduleFiles = ['lv', 'en'].flatMap((l) => readdirSync(join(root, 'modules', l)).filter((f) => f.endsWith('.md')).map((f) => `modules/${l}/${f}`));
const errorsOf = (validate: typeof quizSchema) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

describe('the content files and their JSON Schemas (editors autocomplete and underline from these)', () => {
  it('finds the course\'s quizzes and the final-test bank', () => {
    expect(quizFiles.filter(([f]) => f.startsWith('quizzes/final-test/')).length).toBeGreaterThanOrEqual(8);
    expect(quizFiles.length).toBeGreaterThanOrEqual(16);
  });

  it.each(quizFiles)('%s names its schema on its first line and validates against it', (file, path) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text.split('\n')[0], `${file} › line 1`).toBe(`# yaml-language-server: $schema=${path}`);
    const validate = path.endsWith('final-test.schema.json') ? bankSchema : quizSchema;
    expect(validate(parse(text)), `${file}: ${errorsOf(validate)}`).toBe(true);
  });

  it('a module quiz without a scenario\'s question for the room is underlined; a bank item needs none', () => {
    const quiz = parse(readFileSync(join(root, quizFiles[0]![0]), 'utf8'));
    delete quiz.scenarios[0].discussion;
    expect(quizSchema(quiz)).toBe(false);
    expect(bankSchema(quiz)).toBe(true);
  });

  it.each(moduleFiles)('%s front matter validates against the module schema', (file) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, file), 'utf8'))?.[1];
    expect(front, `${file}: no front matter`).toBeDefined();
    expect(moduleSchema(parse(front!)), `${file}: ${errorsOf(moduleSchema)}`).toBe(true);
  });

  it('rejects a quiz the build rejects in its shape (a misspelt field, a missing locale)', () => {
    const quiz = parse(readFileSync(join(root, quizFiles[0]![0]), 'utf8'));
    quiz.scenarios[0].situaton = quiz.scenarios[0].situation;
    delete quiz.scenarios[0].situation;
    expect(quizSchema(quiz)).toBe(false);
    const other = parse(readFileSync(join(root, quizFiles[0]![0]), 'utf8'));
    delete other.scenarios[0].question.en;
    expect(quizSchema(other)).toBe(false);
  });
});
