import { defineTool } from '../define-tool.js';
import { changeLibrary, libraryInput, libraryOutput } from './library-change.js';

export const removeFromLibrary = defineTool({
  name: 'spotify_remove_from_library',
  title: 'Remove from library',
  description:
    'Remove tracks, albums, podcast shows and episodes, and audiobooks from the person’s library. Use dry_run to show what would change first.',
  provider: 'spotify',
  scopes: ['user-library-modify'],
  kind: 'destructive',
  idempotent: true,
  input: libraryInput,
  output: libraryOutput,
  run: (input, context) => changeLibrary(context, 'DELETE', input),
});
