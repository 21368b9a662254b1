import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { getDocument, ResourceIndex, relationshipIds } from './tidal-api.js';
import { TidalPlaylist, toPlaylist } from './tidal-items.js';

const GROUPS = {
  myMixes: 'Daily mixes',
  discoveryMixes: 'Discovery mixes',
  newArrivalMixes: 'New-release mixes',
} as const;

export const getTidalMixes = defineTool({
  name: 'tidal_get_mixes',
  title: 'TIDAL mixes for you',
  description:
    'The person’s TIDAL daily, discovery and new-release mixes. Read a mix’s tracks with tidal_get_playlist and its id.',
  provider: 'tidal',
  scopes: ['recommendations.read'],
  kind: 'read',
  idempotent: true,
  input: z.object({}),
  output: z.object({
    myMixes: z.array(TidalPlaylist),
    discoveryMixes: z.array(TidalPlaylist),
    newArrivalMixes: z.array(TidalPlaylist),
  }),
  async run(_input, context) {
    const document = await getDocument(
      context,
      '/v2/userRecommendations/me',
      { include: Object.keys(GROUPS).join(',') },
      'read your mixes',
    );
    const index = new ResourceIndex().addDocument(document);
    const root = Array.isArray(document.data) ? document.data[0] : document.data;
    const group = (name: keyof typeof GROUPS) =>
      (root ? relationshipIds(root, name) : []).flatMap((identifier) => {
        const mix = index.get(identifier.type, identifier.id);
        return mix ? [toPlaylist(mix)] : [];
      });
    const out = {
      myMixes: group('myMixes'),
      discoveryMixes: group('discoveryMixes'),
      newArrivalMixes: group('newArrivalMixes'),
    };
    const text = (Object.keys(GROUPS) as Array<keyof typeof GROUPS>)
      .map(
        (name) =>
          `${GROUPS[name]}:\n${out[name].map((m, i) => `${i + 1}. ${m.name} · tidal mix ${m.id}`).join('\n') || 'none'}`,
      )
      .join('\n\n');
    return { structured: out, text };
  },
});
