import type { APIRoute, GetStaticPaths } from 'astro';
import { presenterModules } from '../../../data/presenter';
import { LOCALES } from '../../../lib/i18n/locales';
import type { PresenterModuleData } from '../../../lib/workshop/presenter-data';

/**
 * One static JSON file per module and language, which the presenter fetches when the workshop plan
 * needs that module (`presenterDataPath` gives the address).
 */
export const getStaticPaths = (async () => {
  const paths = [];
  for (const locale of LOCALES) for (const data of await presenterModules(locale)) paths.push({ params: { locale, id: data.id }, props: { data } });
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: PresenterModuleData }> = ({ props }) =>
  new Response(JSON.stringify(props.data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
