import type { APIRoute, GetStaticPaths } from 'astro';
import { presenterModules } from '../../../data/presenter';
import { LOCALES } from '../../../lib/i18n/locales';
import { participantData, type PresenterModuleData } from '../../../lib/workshop/presenter-data';

/**
 * One static JSON file per module and language for the phones in a live room: what they show
 * while they answer, with no answer key (the key comes with the reveal; `participantData`).
 */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of LOCALES) for (const data of await presenterModules(locale)) paths.push({ params: { locale, id: data.id }, props: { data: participantData(data) } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: PresenterModuleData }> = ({ props }) =>
  new Response(JSON.stringify(props.data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
