import type { APIRoute, GetStaticPaths } from 'astro';
import { quizDataFiles } from '../../../data/pages';
import { LOCALES } from '../../../lib/i18n/locales';
import type { QuizDetails } from '../../../lib/quiz/quiz-details';

/**
 * One static JSON file per module and language: the feedback and sources of its quiz, which the
 * module page's quiz fetches at idle (`quizDataPath` gives the address; see quiz-details.ts).
 */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of LOCALES) for (const data of await quizDataFiles(locale)) paths.push({ params: { locale, id: data.moduleId }, props: { data } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: QuizDetails }> = ({ props }) =>
  new Response(JSON.stringify(props.data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
