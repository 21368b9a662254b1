import * as z from 'zod';

export const CollectionKind = z.enum(['tracks', 'albums', 'artists', 'playlists']);
export type CollectionKind = z.infer<typeof CollectionKind>;

export const collectionPath = (userId: string, kind: CollectionKind) =>
  `/v2/userCollections/${userId}/relationships/${kind}`;

/** Ids for a collection change: numbers for catalog items, UUIDs for playlists. */
export const CollectionIds = z
  .array(
    z
      .string()
      .trim()
      .regex(/^(\d{1,12}|[0-9a-fA-F-]{20,40})$/, 'a TIDAL id'),
  )
  .min(1)
  .max(250);
