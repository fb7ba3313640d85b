import type { APIRoute, GetStaticPaths } from 'astro';
import { presenterModules } from '../../../../../data/presenter';
import { LOCALES } from '../../../../../lib/i18n/locales';
import type { JoinReveal } from '../../../../../lib/workshop/join-reveal';
import { joinReveals } from '../../../../../lib/workshop/join-reveal-files';

/**
 * One static JSON file per scenario step and language: what a phone in a live room shows after
 * that step's reveal (its options' reasoning and sources, a story's endings), and nothing else.
 */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of LOCALES)
    for (const data of await presenterModules(locale)) for (const { params, reveal } of joinReveals(data)) paths.push({ params: { locale, ...params }, props: { reveal } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ reveal: JoinReveal }> = ({ props }) =>
  new Response(JSON.stringify(props.reveal), { headers: { 'content-type': 'application/json; charset=utf-8' } });
