import type { APIRoute } from 'astro';
import { roomApi } from '../../../server/rooms/room-api';

/** Opens a live workshop room: its join code and the presenter's secret. */
export const prerender = false;

export const POST: APIRoute = async ({ clientAddress }) => (await roomApi()).create(clientAddress ?? 'unknown');
