import type { ApiRequest, ApiResponse } from '../server/api-types.js';
import { tidalMixId } from './ids.js';
import { tidalError, type TidalContext } from './context.js';
import type { Identifier, Mix } from './resources.js';

const MIX_LENGTH = 25;

/** The person's daily, discovery and new-release mixes, made from their collection. */
function personalMixes(c: TidalContext, request: ApiRequest) {
  const person = request.grant.person;
  const account = c.store.account(person);
  const saved = new Set(account.savedTracks.map((e) => e.recordingKey));
  const liked = new Set(
    account.savedTracks.flatMap((e) => c.catalog.recording(e.recordingKey).artistKeys),
  );
  const available = c.catalog.recordings.filter((r) => c.resources.available(r.key));
  const byPopularity = [...available].sort((a, b) => b.popularity - a.popularity);
  const make = (kind: string, name: string, description: string, keys: string[]): Mix => {
    const mix = {
      id: tidalMixId(`${person}:${kind}`),
      name,
      description,
      recordingKeys: keys.slice(0, MIX_LENGTH),
    };
    c.mixes.set(mix.id, mix);
    return mix;
  };
  const newest = [...available].sort((a, b) =>
    c.catalog.album(b.albumKey).releaseDate.localeCompare(c.catalog.album(a.albumKey).releaseDate),
  );
  return {
    myMixes: [
      make(
        'daily',
        'My Mix 1',
        'Artists you love',
        byPopularity.filter((r) => r.artistKeys.some((k) => liked.has(k))).map((r) => r.key),
      ),
    ],
    discoveryMixes: [
      make(
        'discovery',
        'My Daily Discovery',
        'New to you',
        byPopularity
          .filter((r) => !saved.has(r.key) && !r.artistKeys.some((k) => liked.has(k)))
          .map((r) => r.key),
      ),
    ],
    newArrivalMixes: [
      make(
        'new',
        'My New Arrivals',
        'Fresh releases',
        newest.map((r) => r.key),
      ),
    ],
  };
}

export function recommendationsRoute(
  c: TidalContext,
  request: ApiRequest,
  id: string,
): ApiResponse {
  if (!c.hasScope(request, 'recommendations.read'))
    return tidalError(403, 'recommendations.read scope required');
  if (!c.isSelf(request, id)) return tidalError(404, 'Resource not found', 'NOT_FOUND');
  const mixes = personalMixes(c, request);
  const ids = (list: Mix[]): Identifier[] => list.map((m) => ({ id: m.id, type: 'playlists' }));
  const self = `/userRecommendations/${id}/relationships`;
  const rel = (name: keyof typeof mixes) => ({
    data: ids(mixes[name]),
    links: { self: `${self}/${name}` },
  });
  const included = c.included(request, {
    myMixes: ids(mixes.myMixes),
    discoveryMixes: ids(mixes.discoveryMixes),
    newArrivalMixes: ids(mixes.newArrivalMixes),
  });
  return {
    status: 200,
    body: {
      data: {
        id: c.userId(request.grant.person),
        type: 'userRecommendations',
        relationships: {
          myMixes: rel('myMixes'),
          discoveryMixes: rel('discoveryMixes'),
          newArrivalMixes: rel('newArrivalMixes'),
        },
      },
      ...(included.length ? { included } : {}),
      links: { self: `/userRecommendations/${id}` },
    },
  };
}
