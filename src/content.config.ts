import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleSchema } from './lib/course/module-schema';
import { readSeeds } from './lib/course/read-sources';
import { loadQuizFile } from './lib/quiz/load-quiz-file';

const root = process.cwd();
/** Tests point this at a folder of deliberately broken quizzes to see the build fail. */
const quizDir = process.env.COURSE_QUIZ_DIR ?? join(root, 'quizzes');

/** Lesson modules: `modules/<locale>/<module-id>.md`, ids like `lv/komunikacijas-principi`. */
const modules = defineCollection({
  loader: glob({ pattern: '{lv,en}/*.md', base: './modules' }),
  schema: moduleSchema,
});

/**
 * Scenario quizzes: `quizzes/<module-id>.yaml`. Validated by the quiz engine's own validator, which
 * also checks the branching graph and the quotes, so a broken file stops the build with a message
 * naming the file, the scenario and the step or field.
 */
const quizzes = defineCollection({
  loader: {
    name: 'quiz-loader',
    load: async ({ store, generateDigest, watcher }) => {
      const dir = quizDir;
      const seeds = readSeeds(root);
      store.clear();
      for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
        const text = readFileSync(join(dir, file), 'utf8');
        const quiz = loadQuizFile(`quizzes/${file}`, text, seeds);
        store.set({ id: quiz.moduleId, data: { ...quiz }, digest: generateDigest(text) });
      }
      watcher?.add(dir);
    },
  },
});

export const collections = { modules, quizzes };
