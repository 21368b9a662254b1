import { defineTool } from '../define-tool.js';
import { changeFollows, FOLLOW_SCOPES, followInput, followOutput } from './follow-playlists.js';

export const unfollowPlaylists = defineTool({
  name: 'spotify_unfollow_playlists',
  title: 'Unfollow playlists',
  description:
    'Stop following playlists (remove them from the library), by id or URI. The person’s own playlists cannot be unfollowed this way.',
  provider: 'spotify',
  scopes: FOLLOW_SCOPES,
  kind: 'destructive',
  idempotent: true,
  input: followInput,
  output: followOutput,
  run: ({ playlist_ids }, context) => changeFollows(context, 'DELETE', playlist_ids),
});
