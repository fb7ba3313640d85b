import type { APIRoute } from 'astro';
import { roomApi } from '../../../../server/rooms/room-api';

/** The live room's join (see server/rooms/room-api.ts). */
export const prerender = false;

export const POST: APIRoute = async ({ params, request, clientAddress }) => (await roomApi()).join(params.code ?? '', request, clientAddress ?? 'unknown');
