import type { Entry } from '../../../playlist-files/entry.js';
import type { ExportSource, PlaylistChoice } from '../../../protocol/library-export.js';
import { HostError } from '../errors.js';
import type { ProviderGet } from './provider-get.js';

const NOT_YET =
  'Exporting from TIDAL in the window is not ready yet. Ask an assistant to use tidal_export, which writes the same file.';

export async function tidalPlaylistChoices(
  _get: ProviderGet,
): Promise<{ playlists: PlaylistChoice[]; truncated: boolean }> {
  throw new HostError('not_found', NOT_YET);
}

export async function readTidalSource(
  _get: ProviderGet,
  _source: ExportSource,
): Promise<{ name: string; entries: Entry[]; truncated: boolean }> {
  throw new HostError('not_found', NOT_YET);
}
