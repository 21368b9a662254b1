import type { ProviderId } from '../../../protocol/providers.js';
import type { StateProbe, UndoStep } from './receipt.js';

/** A change as the bridge sent it (the proxy's request, without the token). */
export interface ChangeRequest {
  provider: ProviderId;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * What the host keeps to reverse one kind of change: the state to read before and after it
 * (`probe`), and the requests that put the earlier state back (`reverse`, from that state). For
 * playlist items the reverse is planned at undo time from the kept items (playlist-restore.ts).
 */
export interface Recorder {
  provider: ProviderId;
  method: ChangeRequest['method'];
  pattern: RegExp;
  describe(request: ChangeRequest, params: string[], before: unknown): string;
  probe?(request: ChangeRequest, params: string[]): StateProbe;
  reverse?(request: ChangeRequest, params: string[], before: unknown): UndoStep[];
  /** Set when the provider offers no way back; the receipt says this instead of offering undo. */
  irreversible?: string;
}

const ID = '([A-Za-z0-9_-]{1,100})';
const exact = (template: string) => new RegExp(`^${template.replaceAll('{id}', ID)}$`);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** URIs a Spotify change names, from the query (which wins, as documented) or the body. */
function spotifyUris(request: ChangeRequest): string[] {
  const fromQuery = request.query?.uris?.split(',').filter(Boolean);
  if (fromQuery?.length) return fromQuery;
  const body = record(request.body);
  if (Array.isArray(body.uris)) return body.uris.filter((u): u is string => typeof u === 'string');
  if (Array.isArray(body.items)) return body.items.map((item) => String(record(item).uri));
  return [];
}

function tidalIds(request: ChangeRequest): Array<{ id: string; type: string }> {
  const data = record(request.body).data;
  return Array.isArray(data)
    ? data.map((item) => ({ id: String(record(item).id), type: String(record(item).type) }))
    : [];
}

const spotifyItems = (params: string[]): StateProbe => ({
  kind: 'spotify.playlist.items',
  params: { playlistId: params[0] ?? '' },
});
const tidalItems = (params: string[]): StateProbe => ({
  kind: 'tidal.playlist.items',
  params: { playlistId: params[0] ?? '' },
});

/** Volume, shuffle and repeat: the earlier value goes back with the same command. */
function playerSetting(field: 'volume' | 'shuffle' | 'repeat', query: string): Recorder {
  return {
    provider: 'spotify',
    method: 'PUT',
    pattern: exact(`/v1/me/player/${field}`),
    describe: (request, _params, before) =>
      `Set ${field} to ${request.query?.[query] ?? '?'}${before === undefined ? '' : ` (was ${String(before)})`} on Spotify`,
    probe: () => ({ kind: 'spotify.player', params: { field } }),
    reverse: (request, _params, before) => [
      {
        method: 'PUT',
        path: `/v1/me/player/${field}`,
        query: {
          ...(request.query?.device_id ? { device_id: request.query.device_id } : {}),
          [query]: String(before),
        },
      },
    ],
  };
}

/** Saving to or removing from the Spotify library: only what actually changed goes back. */
function spotifyLibrary(method: 'PUT' | 'DELETE'): Recorder {
  return {
    provider: 'spotify',
    method,
    pattern: exact('/v1/me/library'),
    describe: (request) =>
      `${method === 'PUT' ? 'Saved' : 'Removed'} ${plural(spotifyUris(request).length, 'item')} ${method === 'PUT' ? 'to' : 'from'} the Spotify library`,
    probe: (request) => ({
      kind: 'spotify.library',
      params: { uris: spotifyUris(request).join(',') },
    }),
    reverse: (request, _params, before) => {
      const saved = Array.isArray(before) ? before : [];
      const changed = spotifyUris(request).filter(
        (_, i) => (method === 'PUT') !== (saved[i] === true),
      );
      if (changed.length === 0) return [];
      return [
        {
          method: method === 'PUT' ? 'DELETE' : 'PUT',
          path: '/v1/me/library',
          query: { uris: changed.join(',') },
        },
      ];
    },
  };
}

/** Adding to or removing from a TIDAL collection; `{id}` is the person's user id. */
function tidalCollection(method: 'POST' | 'DELETE'): Recorder {
  return {
    provider: 'tidal',
    method,
    pattern: exact('/v2/userCollections/{id}/relationships/(tracks|albums|artists|playlists)'),
    describe: (request, params) =>
      `${method === 'POST' ? 'Added' : 'Removed'} ${plural(tidalIds(request).length, 'item')} ${method === 'POST' ? 'to' : 'from'} TIDAL ${params[1] ?? 'collection'}`,
    probe: (request, params) => ({
      kind: 'tidal.collection',
      params: {
        userId: params[0] ?? '',
        kind: params[1] ?? '',
        ids: tidalIds(request)
          .map((item) => item.id)
          .join(','),
      },
    }),
    reverse: (request, params, before) => {
      const had = Array.isArray(before) ? before : [];
      const changed = tidalIds(request).filter((_, i) => (method === 'POST') !== (had[i] === true));
      if (changed.length === 0) return [];
      return [
        {
          method: method === 'POST' ? 'DELETE' : 'POST',
          path: `/v2/userCollections/${params[0] ?? ''}/relationships/${params[1] ?? ''}`,
          body: { data: changed },
        },
      ];
    },
  };
}

const NO_PLAYLIST_DELETE = (name: string) =>
  `${name}'s API has no way to delete a playlist, so TuneBridge can't undo this. Delete it in ${name} if you don't want it.`;

export const RECORDERS: readonly Recorder[] = [
  {
    provider: 'spotify',
    method: 'POST',
    pattern: exact('/v1/me/playlists'),
    describe: (request) => `Created the Spotify playlist “${String(record(request.body).name)}”`,
    irreversible: NO_PLAYLIST_DELETE('Spotify'),
  },
  {
    provider: 'spotify',
    method: 'PUT',
    pattern: exact('/v1/playlists/{id}'),
    describe: (_request, params) => `Changed the details of Spotify playlist ${params[0]}`,
    probe: (_request, params) => ({
      kind: 'spotify.playlist.details',
      params: { playlistId: params[0] ?? '' },
    }),
    reverse: (_request, params, before) => [
      { method: 'PUT', path: `/v1/playlists/${params[0]}`, body: before },
    ],
  },
  {
    provider: 'spotify',
    method: 'POST',
    pattern: exact('/v1/playlists/{id}/items'),
    describe: (request, params) =>
      `Added ${plural(spotifyUris(request).length, 'item')} to Spotify playlist ${params[0]}`,
    probe: (_request, params) => spotifyItems(params),
  },
  {
    provider: 'spotify',
    method: 'DELETE',
    pattern: exact('/v1/playlists/{id}/items'),
    describe: (request, params) =>
      `Removed ${plural(spotifyUris(request).length, 'item')} from Spotify playlist ${params[0]}`,
    probe: (_request, params) => spotifyItems(params),
  },
  {
    provider: 'spotify',
    method: 'PUT',
    pattern: exact('/v1/playlists/{id}/items'),
    describe: (request, params) =>
      spotifyUris(request).length > 0
        ? `Replaced the items of Spotify playlist ${params[0]}`
        : `Reordered Spotify playlist ${params[0]}`,
    probe: (_request, params) => spotifyItems(params),
  },
  spotifyLibrary('PUT'),
  spotifyLibrary('DELETE'),
  playerSetting('volume', 'volume_percent'),
  playerSetting('shuffle', 'state'),
  playerSetting('repeat', 'state'),
  {
    provider: 'tidal',
    method: 'POST',
    pattern: exact('/v2/playlists'),
    describe: (request) =>
      `Created the TIDAL playlist “${String(record(record(record(request.body).data).attributes).name)}”`,
    irreversible: NO_PLAYLIST_DELETE('TIDAL'),
  },
  {
    provider: 'tidal',
    method: 'PATCH',
    pattern: exact('/v2/playlists/{id}'),
    describe: (_request, params) => `Changed the details of TIDAL playlist ${params[0]}`,
    probe: (_request, params) => ({
      kind: 'tidal.playlist.details',
      params: { playlistId: params[0] ?? '' },
    }),
    reverse: (_request, params, before) => [
      {
        method: 'PATCH',
        path: `/v2/playlists/${params[0]}`,
        body: { data: { id: params[0], type: 'playlists', attributes: before } },
      },
    ],
  },
  {
    provider: 'tidal',
    method: 'POST',
    pattern: exact('/v2/playlists/{id}/relationships/items'),
    describe: (request, params) =>
      `Added ${plural(tidalIds(request).length, 'item')} to TIDAL playlist ${params[0]}`,
    probe: (_request, params) => tidalItems(params),
  },
  {
    provider: 'tidal',
    method: 'DELETE',
    pattern: exact('/v2/playlists/{id}/relationships/items'),
    describe: (request, params) =>
      `Removed ${plural(tidalIds(request).length, 'item')} from TIDAL playlist ${params[0]}`,
    probe: (_request, params) => tidalItems(params),
  },
  {
    provider: 'tidal',
    method: 'PATCH',
    pattern: exact('/v2/playlists/{id}/relationships/items'),
    describe: (request, params) =>
      `Moved ${plural(tidalIds(request).length, 'item')} in TIDAL playlist ${params[0]}`,
    probe: (_request, params) => tidalItems(params),
  },
  tidalCollection('POST'),
  tidalCollection('DELETE'),
];

export function findRecorder(
  request: ChangeRequest,
): { recorder: Recorder; params: string[] } | undefined {
  for (const recorder of RECORDERS) {
    if (recorder.provider !== request.provider || recorder.method !== request.method) continue;
    const match = recorder.pattern.exec(request.path);
    if (match) return { recorder, params: match.slice(1) };
  }
  return undefined;
}
