/** Files in `quizzes/` starting with `_` are about the quizzes (the known failures), not quizzes. */
export const isQuizFileName = (name: string) => /\.ya?ml$/.test(name) && !name.startsWith('_');
