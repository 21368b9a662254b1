import type { ToolContext } from '../define-tool.js';
import { loadTracks } from '../../../playlist-files/tidal-read.js';
import { jsonGet, ResourceIndex, type Call, type Identifier } from './tidal-api.js';
import { toTrack, type TidalTrack } from './tidal-items.js';

/** Full tracks (with artists and album) for track identifiers, 20 per `GET /tracks`. */
export async function tracksFor(
  context: ToolContext | Call,
  identifiers: readonly Identifier[],
  country: string,
  index = new ResourceIndex(),
): Promise<TidalTrack[]> {
  const trackIds = identifiers.filter((item) => item.type === 'tracks').map((item) => item.id);
  await loadTracks(jsonGet(context), trackIds, country, index);
  return trackIds.flatMap((id) => {
    const resource = index.get('tracks', id);
    return resource ? [toTrack(resource, index)] : [];
  });
}
