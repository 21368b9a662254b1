import * as z from 'zod';
import { defineTool } from '../define-tool.js';
import { chunk, mutate, profile, TIDAL_WRITE_CHUNK } from './tidal-api.js';
import { CollectionIds, CollectionKind, collectionPath } from './tidal-collection.js';
import { DryRun } from '../dry-run.js';

const input = z.object({
  kind: CollectionKind,
  ids: CollectionIds.describe('TIDAL ids of the tracks, albums, artists or playlists.'),
  dry_run: DryRun,
});
const output = z.object({ kind: CollectionKind, dryRun: z.boolean(), changed: z.number() });

function changeTool(add: boolean) {
  const verb = add ? 'add' : 'remove';
  return defineTool({
    name: add ? 'tidal_add_to_collection' : 'tidal_remove_from_collection',
    title: add ? 'Add to TIDAL favourites' : 'Remove from TIDAL favourites',
    description: add
      ? 'Add tracks, albums, artists or playlists to the person’s TIDAL favourites. Use dry_run to preview.'
      : 'Remove tracks, albums, artists or playlists from the person’s TIDAL favourites. Use dry_run to preview.',
    provider: 'tidal',
    scopes: ['collection.write', 'user.read'],
    kind: add ? 'write' : 'destructive',
    idempotent: true,
    input,
    output,
    async run({ kind, ids, dry_run }, context) {
      const unique = [...new Set(ids)];
      if (dry_run) {
        return {
          structured: { kind, dryRun: true, changed: 0 },
          text: `Dry run: would ${verb} ${unique.length} ${kind} ${add ? 'to' : 'from'} your TIDAL favourites. Nothing was changed.`,
        };
      }
      const me = await profile(context);
      for (const part of chunk(unique, TIDAL_WRITE_CHUNK)) {
        await mutate(
          context,
          {
            method: add ? 'POST' : 'DELETE',
            path: collectionPath(me.id, kind),
            body: { data: part.map((id) => ({ id, type: kind })) },
          },
          `${verb} ${kind} ${add ? 'to' : 'from'} your collection`,
        );
      }
      return {
        structured: { kind, dryRun: false, changed: unique.length },
        text: `${add ? 'Added' : 'Removed'} ${unique.length} ${kind} ${add ? 'to' : 'from'} your TIDAL collection.`,
      };
    },
  });
}

export const addToTidalCollection = changeTool(true);
export const removeFromTidalCollection = changeTool(false);
