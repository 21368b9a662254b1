import type { Account, AccountStore } from '../accounts/index.js';
import type { ApiResponse } from '../server/api-types.js';
import { pageQuery } from './params.js';
import { shapedPage } from './paging.js';
import { isResponse, spotifyError, type Call, type Route } from './route.js';

const PAGE_LIMIT = { min: 1, max: 50, default: 20 };
const TIME_RANGES = ['short_term', 'medium_term', 'long_term'] as const;
type TimeRange = (typeof TIME_RANGES)[number];

export const personalRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/me/top/tracks',
    scopes: ['user-top-read'],
    handle: (call) =>
      top(
        call,
        'tracks',
        (keys) => keys,
        (key) => call.services.objects.trackByKey(key, undefined),
      ),
  },
  {
    method: 'GET',
    path: '/me/top/artists',
    scopes: ['user-top-read'],
    handle: (call) =>
      top(
        call,
        'artists',
        (keys) => [
          ...new Set(keys.flatMap((key) => call.services.store.catalog.recording(key).artistKeys)),
        ],
        (key) => call.services.objects.artist(call.services.store.catalog.artist(key)),
      ),
  },
];

function top(
  call: Call,
  type: 'tracks' | 'artists',
  from: (recordingKeys: string[]) => string[],
  shape: (key: string) => unknown,
): ApiResponse {
  const range = call.query.get('time_range') ?? 'medium_term';
  if (!(TIME_RANGES as readonly string[]).includes(range)) {
    return spotifyError(400, 'Invalid time range');
  }
  const paging = pageQuery(call.query, PAGE_LIMIT);
  if (isResponse(paging)) return paging;
  const { limit, offset } = paging;
  const keys = from(topRecordings(call.services.store, call.account, range as TimeRange));
  const page = shapedPage(
    keys,
    {
      url: `${call.services.apiBaseUrl}/v1/me/top/${type}`,
      limit,
      offset,
      extra: { time_range: range },
    },
    shape,
  );
  return { status: 200, body: page };
}

/**
 * What a person "listens to most", from what the sandbox knows of them: recent plays weigh
 * most over the short term, saved tracks over the medium term, and everything in their own
 * playlists, most popular first, over the long term.
 */
function topRecordings(store: AccountStore, account: Account, range: TimeRange): string[] {
  const recent = account.recentlyPlayed.map((entry) => entry.recordingKey);
  const saved = account.savedTracks.map((entry) => entry.recordingKey);
  const inPlaylists = account.playlistKeys
    .map((key) => store.playlist(key))
    .filter((playlist) => playlist?.ownerKey === account.person.key)
    .flatMap((playlist) => playlist?.entries.map((entry) => entry.recordingKey) ?? []);
  const byPopularity = (keys: string[]) =>
    [...keys].sort(
      (a, b) => store.catalog.recording(b).popularity - store.catalog.recording(a).popularity,
    );
  const ordered =
    range === 'short_term'
      ? [...recent, ...saved]
      : range === 'medium_term'
        ? [...saved, ...recent]
        : byPopularity([...saved, ...inPlaylists, ...recent]);
  return [...new Set(ordered)];
}
