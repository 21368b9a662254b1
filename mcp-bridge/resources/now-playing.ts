import { getPlayback } from '../tools/spotify/get-playback.js';
import { defineResource, explained, jsonContents } from './define-resource.js';

export const NOW_PLAYING_URI = 'spotify://me/now-playing';

/** What Spotify plays now; subscribe to hear when the track changes or playback stops. */
export const nowPlaying = defineResource({
  name: 'spotify-now-playing',
  uses: [getPlayback],
  register: (server, context) =>
    server.registerResource(
      'spotify-now-playing',
      NOW_PLAYING_URI,
      {
        title: 'Now playing on Spotify',
        description: 'Track, device and progress. Subscribe for a notice when the track changes.',
        mimeType: 'application/json',
      },
      (uri) =>
        explained(async () => jsonContents(uri, (await context.run(getPlayback, {})).structured)),
    ),
  watch: {
    uri: NOW_PLAYING_URI,
    async fingerprint(context) {
      const { structured } = await context.run(getPlayback, {});
      return `${structured.track?.uri ?? 'nothing'}|${structured.isPlaying ? 'playing' : 'paused'}`;
    },
  },
});
