import type { SandboxProvider } from '../types.js';

/**
 * The scopes each provider documents (from the vendored specs' security schemes), phrased for
 * the consent page. An unknown scope is refused the way the real services refuse it.
 */
export const SCOPES: Record<SandboxProvider, Readonly<Record<string, string>>> = {
  spotify: {
    'app-remote-control': 'Communicate with the Spotify app on your device',
    'playlist-read-private': 'Access your private playlists',
    'playlist-read-collaborative': 'Access your collaborative playlists',
    'playlist-modify-public': 'Manage your public playlists',
    'playlist-modify-private': 'Manage your private playlists',
    'user-library-modify': 'Manage your saved content',
    'user-library-read': 'Access your saved content',
    'user-read-playback-position': 'Read your position in content you have played',
    'user-read-email': 'Get your real email address',
    'user-read-private': 'Access your subscription details',
    'user-read-recently-played': 'Access your recently played items',
    'user-read-playback-state': 'Read your currently playing content and Spotify Connect devices',
    'user-modify-playback-state': 'Control playback on your Spotify clients and devices',
    'user-read-currently-playing': 'Read your currently playing content',
    'user-top-read': 'Read your top artists and content',
    'user-follow-read': 'Access your followers and who you are following',
    'user-follow-modify': 'Manage who you are following',
    'ugc-image-upload': 'Upload images to Spotify on your behalf',
    streaming: 'Play content and control playback on your other devices',
  },
  tidal: {
    'collection.read': 'Read your My Collection',
    'collection.write': 'Change your My Collection',
    'entitlements.read': 'See what your subscription lets you do',
    playback: 'Play music and control playback',
    'playlists.read': 'List the playlists you made',
    'playlists.write': 'Change your playlists',
    'recommendations.read': 'Read your personal recommendations',
    'search.read': 'Read your personalised search results',
    'search.write': 'Change your search history',
    'user.read': 'Read your account information, such as country and email address',
    r_usr: 'Read all your account data',
    w_usr: 'Change your account data',
  },
};

/** Scope strings are space-separated; duplicates collapse, order is kept. */
export function parseScopes(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(/\s+/).filter(Boolean))];
}
