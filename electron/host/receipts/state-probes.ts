import { createHash } from 'node:crypto';
import type { StateProbe } from './receipt.js';

/** A GET through the host's proxy, with the person's token; the body as the provider sent it. */
export type ReadApi = (
  path: string,
  query?: Record<string, string>,
) => Promise<{ status: number; body: unknown }>;

/** The state could not be read, so TuneBridge cannot tell whether it is safe to undo. */
export class ProbeError extends Error {}

/** Pages read at most before a playlist counts as too large to snapshot (50 items each). */
const MAX_PAGES = 40;

type Probe = (read: ReadApi, params: Record<string, string>) => Promise<unknown>;

async function readOk(read: ReadApi, path: string, query?: Record<string, string>) {
  const answer = await read(path, query);
  if (answer.status < 200 || answer.status >= 300) {
    throw new ProbeError(`reading ${path} answered ${answer.status}`);
  }
  return answer.body;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** Every item URI of a Spotify playlist, in order. */
async function spotifyPlaylistItems(read: ReadApi, params: Record<string, string>) {
  const uris: string[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = record(
      await readOk(read, `/v1/playlists/${params.playlistId}/items`, {
        limit: '50',
        offset: String(page * 50),
      }),
    );
    const items = Array.isArray(body.items) ? body.items : [];
    // The first page says how long the playlist is: no need to read 40 pages to find out.
    if (typeof body.total === 'number' && body.total > MAX_PAGES * 50) break;
    for (const entry of items) {
      const item = record(record(entry).item ?? record(entry).track);
      uris.push(typeof item.uri === 'string' ? item.uri : '');
    }
    if (items.length < 50 || typeof body.next !== 'string') return uris;
  }
  throw new ProbeError('the playlist is too long to keep a copy of');
}

async function spotifyPlaylistDetails(read: ReadApi, params: Record<string, string>) {
  const body = record(await readOk(read, `/v1/playlists/${params.playlistId}`));
  return {
    name: body.name,
    description: body.description ?? '',
    public: body.public,
    collaborative: body.collaborative,
  };
}

async function spotifyPlayer(read: ReadApi, params: Record<string, string>) {
  const answer = await read('/v1/me/player');
  if (answer.status !== 200) throw new ProbeError('nothing is playing');
  const body = record(answer.body);
  switch (params.field) {
    case 'volume':
      return record(body.device).volume_percent;
    case 'shuffle':
      return body.shuffle_state;
    default:
      return body.repeat_state;
  }
}

/** Which of the URIs are saved; by reading the library where `contains` is closed (403). */
async function spotifyLibrary(read: ReadApi, params: Record<string, string>) {
  const uris = (params.uris ?? '').split(',');
  const direct = await read('/v1/me/library/contains', { uris: uris.join(',') });
  if (direct.status === 200 && Array.isArray(direct.body)) return direct.body;
  if (direct.status !== 403) throw new ProbeError(`reading the library answered ${direct.status}`);
  const saved = new Set<string>();
  for (const [kind, path] of [
    ['track', '/v1/me/tracks'],
    ['album', '/v1/me/albums'],
    ['playlist', '/v1/me/playlists'],
  ] as const) {
    if (!uris.some((uri) => uri.startsWith(`spotify:${kind}:`))) continue;
    for (let page = 0; ; page += 1) {
      if (page >= MAX_PAGES) throw new ProbeError('the library is too large to check');
      const body = record(await readOk(read, path, { limit: '50', offset: String(page * 50) }));
      const items = Array.isArray(body.items) ? body.items : [];
      for (const entry of items) {
        // Saved tracks and albums come wrapped with their added date; playlists come bare.
        const uri = kind === 'playlist' ? record(entry).uri : record(record(entry)[kind]).uri;
        if (typeof uri === 'string') saved.add(uri);
      }
      if (items.length < 50 || typeof body.next !== 'string') break;
    }
  }
  return uris.map((uri) => saved.has(uri));
}

/** The person's country: TIDAL answers playlist items only for one, as the tools ask. */
async function tidalCountry(read: ReadApi): Promise<string> {
  const body = record(await readOk(read, '/v2/users/me'));
  const country = record(record(body.data).attributes).country;
  if (typeof country !== 'string') throw new ProbeError('TIDAL did not say the account’s country');
  return country;
}

/** TIDAL playlist entries in order: the track or video and its entry id (`meta.itemId`). */
async function tidalPlaylistItems(read: ReadApi, params: Record<string, string>) {
  const entries: Array<{ id: string; type: string; itemId: string }> = [];
  const countryCode = await tidalCountry(read);
  // The playlist says how many items it holds: no need to read 40 pages to find out.
  const playlist = record(
    await readOk(read, `/v2/playlists/${params.playlistId}`, { countryCode }),
  );
  const count = record(record(playlist.data).attributes).numberOfItems;
  if (typeof count === 'number' && count > MAX_PAGES * 20)
    throw new ProbeError('the playlist is too long to keep a copy of');
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = record(
      await readOk(read, `/v2/playlists/${params.playlistId}/relationships/items`, {
        countryCode,
        ...(cursor ? { 'page[cursor]': cursor } : {}),
      }),
    );
    for (const entry of Array.isArray(body.data) ? body.data : []) {
      const item = record(entry);
      const meta = record(item.meta);
      entries.push({
        id: String(item.id),
        type: String(item.type),
        itemId: typeof meta.itemId === 'string' ? meta.itemId : '',
      });
    }
    const next = record(record(body.links).meta).nextCursor;
    if (typeof next !== 'string' || next === '') return entries;
    cursor = next;
  }
  throw new ProbeError('the playlist is too long to keep a copy of');
}

async function tidalPlaylistDetails(read: ReadApi, params: Record<string, string>) {
  const countryCode = await tidalCountry(read);
  const body = record(await readOk(read, `/v2/playlists/${params.playlistId}`, { countryCode }));
  const attributes = record(record(body.data).attributes);
  return {
    name: attributes.name,
    description: attributes.description ?? '',
    accessType: attributes.accessType,
  };
}

/** Which of the named items are in a TIDAL collection, in the order named. */
async function tidalCollection(read: ReadApi, params: Record<string, string>) {
  const held = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const body = record(
      await readOk(
        read,
        `/v2/userCollections/${params.userId}/relationships/${params.kind}`,
        cursor ? { 'page[cursor]': cursor } : undefined,
      ),
    );
    for (const entry of Array.isArray(body.data) ? body.data : [])
      held.add(String(record(entry).id));
    const next = record(record(body.links).meta).nextCursor;
    if (typeof next !== 'string' || next === '') break;
    cursor = next;
  }
  return (params.ids ?? '').split(',').map((id) => held.has(id));
}

const PROBES: Record<string, Probe> = {
  'tidal.collection': tidalCollection,
  'spotify.playlist.items': spotifyPlaylistItems,
  'spotify.playlist.details': spotifyPlaylistDetails,
  'spotify.player': spotifyPlayer,
  'spotify.library': spotifyLibrary,
  'tidal.playlist.items': tidalPlaylistItems,
  'tidal.playlist.details': tidalPlaylistDetails,
};

export function readState(read: ReadApi, probe: StateProbe): Promise<unknown> {
  const run = PROBES[probe.kind];
  if (!run) return Promise.reject(new ProbeError(`no reader for ${probe.kind}`));
  return run(read, probe.params);
}

/**
 * Stable enough for equality: the states are built above with a fixed key order. TIDAL gives a
 * re-added entry a new entry id, so only what the entries are, in order, counts.
 */
export function fingerprint(kind: string, state: unknown): string {
  const comparable =
    kind === 'tidal.playlist.items' && Array.isArray(state)
      ? state.map((entry) => [record(entry).id, record(entry).type])
      : state;
  return createHash('sha256').update(JSON.stringify(comparable)).digest('hex');
}
