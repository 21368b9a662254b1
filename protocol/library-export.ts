import * as z from 'zod';

/** Playlist files: the formats the window and the export tools write. */
export const ExportFormat = z.enum(['json', 'csv', 'm3u8', 'xspf']).describe('File format.');
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * A playlist id as both services spell them (Spotify base62, TIDAL UUID). Nothing else passes,
 * so an id can never add a path segment to the request the host builds from it.
 */
export const PlaylistRef = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** What to export: one of the person's playlists, or their saved tracks. */
export const ExportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('playlist'), id: PlaylistRef }),
  z.object({ kind: z.literal('library') }),
]);
export type ExportSource = z.infer<typeof ExportSource>;

/** One playlist the window offers to export. */
export const PlaylistChoice = z.object({
  id: z.string(),
  name: z.string(),
  /** As the service counts them; absent when it doesn't say. */
  tracks: z.number().int().nonnegative().optional(),
});
export type PlaylistChoice = z.infer<typeof PlaylistChoice>;

/** The file, as the window saves it: same bytes the export tools attach for the same source. */
export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  text: z.string(),
  /** The playlist's name, or the service's name for saved tracks. */
  sourceName: z.string(),
  tracks: z.number().int().nonnegative(),
  /** The source was longer than TuneBridge reads in one go; the file holds its first part. */
  truncated: z.boolean(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
