import { spotifyId } from '../../sandbox/spotify/ids.js';
import type { TestHost } from '../helpers/test-host.js';

/** Seeding for the library tool tests: playlists made directly with the listener's token. */

export function resourceText(raw: { content: unknown[] }): { uri: string; text: string } {
  for (const part of raw.content as Array<{
    type: string;
    resource?: { uri: string; text?: string };
  }>) {
    if (part.type === 'resource' && part.resource?.text !== undefined)
      return { uri: part.resource.uri, text: part.resource.text };
  }
  throw new Error('no embedded resource in the result');
}

/** Makes a Spotify playlist holding `recordingKeys` in order; resolves with its id. */
export async function seedSpotifyPlaylist(
  env: TestHost,
  name: string,
  recordingKeys: readonly string[],
): Promise<string> {
  const spotify = env.sandbox.spotify;
  const token = spotify.issuedTokens().findLast((t) => t.includes('-at-')) ?? '';
  const api = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${spotify.apiBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { id?: string };
  };
  const created = await api('POST', '/v1/me/playlists', { name, public: false });
  const id = created.id ?? '';
  for (let i = 0; i < recordingKeys.length; i += 100) {
    const uris = recordingKeys
      .slice(i, i + 100)
      .map((key) => `spotify:track:${spotifyId('track', key)}`);
    await api('POST', `/v1/playlists/${id}/items`, { uris });
  }
  return id;
}
