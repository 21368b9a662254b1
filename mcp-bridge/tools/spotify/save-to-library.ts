import { defineTool } from '../define-tool.js';
import { changeLibrary, libraryInput, libraryOutput } from './library-change.js';

export const saveToLibrary = defineTool({
  name: 'spotify_save_to_library',
  title: 'Save to library',
  description:
    'Save tracks (Liked Songs), albums, podcast shows and episodes, and audiobooks to the person’s library. Use dry_run for large batches.',
  provider: 'spotify',
  scopes: ['user-library-modify'],
  kind: 'write',
  idempotent: true,
  input: libraryInput,
  output: libraryOutput,
  run: (input, context) => changeLibrary(context, 'PUT', input),
});
