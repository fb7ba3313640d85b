import { z } from 'zod';
import { moduleSchema } from './course/module-schema.ts';
import { institutionSchema } from './institution/schema.ts';
import { moduleQuizFileSchema, quizFileSchema } from './quiz/schema.ts';

/**
 * JSON Schemas generated from the content's zod schemas, for editors (a YAML editor with the
 * yaml-language-server reads `# yaml-language-server: $schema=…` and autocompletes and underlines
 * mistakes). `npm run schemas` writes them into schemas/; a unit test fails when a committed one is
 * out of date. They describe what a file may hold (zod's input side: defaults optional); the build's
 * own checks (quotes, contrast, the logo's bytes, twins, …) still decide.
 */
export const JSON_SCHEMAS = [
  { file: 'institution.schema.json', title: 'Institution file (INSTITUTION_FILE)', schema: institutionSchema },
  { file: 'module.schema.json', title: 'Module front matter (modules/<locale>/<id>.md)', schema: moduleSchema },
  { file: 'quiz.schema.json', title: 'Scenario quiz (quizzes/<id>.yaml)', schema: moduleQuizFileSchema },
  // The final test's bank: the same scenarios without the room's discussion question (no room discusses them).
  { file: 'final-test.schema.json', title: 'Final-test item bank (quizzes/final-test/<id>.yaml)', schema: quizFileSchema },
] as const;

/** The schema file's text, as committed. */
export function jsonSchemaText(entry: (typeof JSON_SCHEMAS)[number]): string {
  const schema = z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
  return `${JSON.stringify({ ...schema, title: entry.title }, null, 2)}\n`;
}
