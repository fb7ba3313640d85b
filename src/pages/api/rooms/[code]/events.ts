import type { APIRoute } from 'astro';
import { roomApi } from '../../../../server/rooms/room-api';

/** The live room's state as server-sent events, for a phone or the presenter (see server/rooms/room-api.ts). */
export const prerender = false;

export const GET: APIRoute = async ({ params, request, clientAddress }) => (await roomApi()).events(params.code ?? '', new URL(request.url), clientAddress ?? 'unknown', request.signal);
