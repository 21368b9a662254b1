import type { ToolContext } from '../define-tool.js';
import { chunk, getDocument, ResourceIndex, type Call, type Identifier } from './tidal-api.js';
import { toTrack, type TidalTrack } from './tidal-items.js';

/** Full tracks (with artists and album) for track identifiers, 20 per `GET /tracks`. */
export async function tracksFor(
  context: ToolContext | Call,
  identifiers: readonly Identifier[],
  country: string,
  index = new ResourceIndex(),
): Promise<TidalTrack[]> {
  const trackIds = identifiers.filter((item) => item.type === 'tracks').map((item) => item.id);
  const missing = [...new Set(trackIds)].filter((id) => {
    const known = index.get('tracks', id);
    return !known || index.related(known, 'artists').length === 0;
  });
  for (const ids of chunk(missing, 20)) {
    const document = await getDocument(
      context,
      '/v2/tracks',
      { 'filter[id]': ids.join(','), countryCode: country, include: 'albums,artists' },
      'read tracks',
    );
    index.addDocument(document);
  }
  return trackIds.flatMap((id) => {
    const resource = index.get('tracks', id);
    return resource ? [toTrack(resource, index)] : [];
  });
}
