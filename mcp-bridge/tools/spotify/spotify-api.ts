import * as z from 'zod';
import type { ApiRequest, ApiResponse } from '../../host-session.js';
import type { ToolContext } from '../define-tool.js';
import { apiFailure, providerReason, ToolError } from '../tool-error.js';
import { UnexpectedAnswer, zodDetail } from '../unexpected-answer.js';
import type { Device } from './spotify-items.js';
import { SpotifyDeviceObject, toDevice } from './spotify-items.js';

/** Request helpers shared by the Spotify tools: status checks, parsing, players and paging. */

type Failure = (response: ApiResponse, what: string) => ToolError;

const defaultFailure: Failure = (response, what) => apiFailure('spotify', response, what);

export function isOk(response: ApiResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Sends a request; any answer but 2xx becomes a ToolError that says what to do next. */
export async function send(
  context: ToolContext,
  request: ApiRequest,
  what: string,
  failure: Failure = defaultFailure,
): Promise<ApiResponse> {
  const response = await context.api(request);
  if (isOk(response)) return response;
  throw failure(response, what);
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedAnswer('spotify', what, zodDetail(parsed.error));
  return parsed.data;
}

export async function getJson<T extends z.ZodType>(
  context: ToolContext,
  path: string,
  query: Record<string, string> | undefined,
  schema: T,
  what: string,
  failure?: Failure,
): Promise<z.infer<T>> {
  const response = await send(context, { method: 'GET', path, query }, what, failure);
  return parseBody(schema, response.body, what);
}

/** Spotify's offset paging object; items may be null where something was removed. */
export const OffsetPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item.nullable()),
    total: z.number(),
    offset: z.number().optional(),
    next: z.string().nullable().optional(),
  });

export function present<T>(items: ReadonlyArray<T | null | undefined>): T[] {
  return items.filter((item): item is T => item !== null && item !== undefined);
}

/** One page of a listing, fetched with the tool's `limit` and `offset`; null items dropped. */
export async function getOffsetPage<T extends z.ZodType>(
  context: ToolContext,
  path: string,
  { limit, offset }: { limit: number; offset: number },
  item: T,
  what: string,
): Promise<{ items: Array<z.infer<T>>; total: number }> {
  const query = { limit: String(limit), offset: String(offset) };
  const page = await getJson(context, path, query, OffsetPage(item), what);
  return { items: present<z.infer<T>>(page.items), total: page.total };
}

/** A listing's text: a heading with the total, then the items numbered from `offset + 1`. */
export function pageText<T>(
  heading: string,
  { total, offset }: { total: number; offset: number },
  items: readonly T[],
  line: (index: number, item: T) => string,
): string {
  return [
    `${heading} (${total} in all):`,
    ...items.map((item, i) => line(offset + i + 1, item)),
  ].join('\n');
}

/** Playlist changes: a 403 means the person does not own it; a 404, that it is not there. */
export const playlistFailure: Failure = (response, what) => {
  if (response.status === 403 && providerReason(response.body) === undefined) {
    return new ToolError(
      'not_owner',
      `Spotify only lets a playlist's owner (or collaborators, on a collaborative playlist) change it, so TuneBridge could not ${what}. Make your own copy with spotify_create_playlist and spotify_add_to_playlist.`,
    );
  }
  if (response.status === 404) {
    return new ToolError(
      'not_found',
      `Spotify could not find that playlist (${what}). Check its ID with spotify_list_my_playlists.`,
    );
  }
  return apiFailure('spotify', response, what);
};

/** A catalog lookup: a 404 (or Spotify's 400 for an unknown ID) names the ID to check. */
export function notFoundFailure(kind: string, id: string): Failure {
  return (response, what) =>
    response.status === 404 || response.status === 400
      ? new ToolError(
          'not_found',
          `Spotify has no ${kind} with ID ${id}. Check the ID, or find it with spotify_search.`,
        )
      : apiFailure('spotify', response, what);
}

const DevicesResponse = z.object({ devices: z.array(SpotifyDeviceObject) });

export async function listDevices(context: ToolContext): Promise<Array<z.infer<typeof Device>>> {
  const body = await getJson(
    context,
    '/v1/me/player/devices',
    undefined,
    DevicesResponse,
    'list devices',
  );
  return body.devices.map(toDevice);
}

export function deviceLine(index: number, device: z.infer<typeof Device>): string {
  const parts = [`${device.name} (${device.type})`];
  if (device.isActive) parts.push('active');
  if (device.volumePercent !== undefined) parts.push(`volume ${device.volumePercent}%`);
  parts.push(`device_id ${device.id ?? 'unavailable'}`);
  return `${index}. ${parts.join(' · ')}`;
}

/**
 * Runs a player command. Without an active device Spotify answers 404; the error then lists
 * the person's devices so the assistant can offer one and retry with its `device_id`.
 */
export async function playerCommand(
  context: ToolContext,
  request: ApiRequest,
  what: string,
): Promise<void> {
  const response = await context.api(request);
  if (isOk(response)) return;
  if (response.status === 404) {
    const noDevice = providerReason(response.body) === 'NO_ACTIVE_DEVICE';
    if (noDevice || request.query?.device_id !== undefined)
      throw await deviceError(context, noDevice);
  }
  throw apiFailure('spotify', response, what);
}

/**
 * A player command whose only argument is the device (pause, next, previous): runs it through
 * `playerCommand` and answers `{ done, deviceId }` with `done` followed by where it happened.
 */
export async function deviceOnlyCommand(
  context: ToolContext,
  request: { method: 'POST' | 'PUT'; path: string; deviceId: string | undefined },
  what: string,
  done: string,
): Promise<{ structured: { done: boolean; deviceId?: string }; text: string }> {
  const { method, path, deviceId } = request;
  const query = deviceId ? { device_id: deviceId } : undefined;
  await playerCommand(context, { method, path, query }, what);
  return {
    structured: { done: true, deviceId },
    text: `${done}${deviceId ? ` on device ${deviceId}` : ''}.`,
  };
}

async function deviceError(context: ToolContext, noDevice: boolean): Promise<ToolError> {
  const devices = await listDevices(context).catch(() => undefined);
  const problem = noDevice
    ? 'No Spotify device is active, so there is nowhere to play.'
    : 'Spotify does not know that device (it may be offline).';
  if (!devices) {
    return new ToolError(
      noDevice ? 'no_active_device' : 'device_not_found',
      `${problem} Open Spotify on a phone, computer or speaker, then try again.`,
    );
  }
  const listing =
    devices.length > 0
      ? `Available devices:\n${devices.map((device, i) => deviceLine(i + 1, device)).join('\n')}\nAsk which one to use and call the tool again with its device_id (or use spotify_transfer_playback).`
      : 'No devices are available: open Spotify on a phone, computer or speaker, then try again.';
  return new ToolError(noDevice ? 'no_active_device' : 'device_not_found', `${problem} ${listing}`);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
