// What the quiz needs only for an answer's feedback: the feedback and result views, the loader of the
// module's data file and the merge that puts each option's feedback and source back into the attempt. QuizPlayer imports this module dynamically,
// at idle together with the module's data file, so it is not parsed before the quiz is usable.
export { default as QuizFeedback } from "./QuizFeedback.svelte";
export { default as QuizResult } from "./QuizResult.svelte";
export { fetchDetails, withDetails } from "../lib/quiz/quiz-details";
