// Plain words for what the host reports. Kept free of zod so the window's bundle stays small;
// tests/ui/words.test.ts checks these against protocol/.
import type { AuditKind, AuditOutcome } from '../protocol/audit.js';
import type { EntryHealthStatus } from '../protocol/host-api.js';
import type { ExportFormat } from '../protocol/library-export.js';
import type { PermissionGroup } from '../protocol/policy.js';
import type { AccountStatus, ProviderId } from '../protocol/providers.js';

export const PROVIDERS: readonly ProviderId[] = ['spotify', 'tidal'];

export const PROVIDER_NAMES: Record<ProviderId, string> = { spotify: 'Spotify', tidal: 'TIDAL' };

export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  'read',
  'playback',
  'library-write',
  'playlists-write',
];

/** The switch names; the host's refusals quote these exactly. */
export const PERMISSION_GROUP_LABELS: Record<PermissionGroup, string> = {
  read: 'Read library and history',
  playback: 'Control playback',
  'library-write': 'Change library',
  'playlists-write': 'Change playlists',
};

export const PERMISSION_GROUP_HINTS: Record<PermissionGroup, string> = {
  read: 'Search, see your saved music, playlists, top items and what is playing.',
  playback: 'Play, pause, skip and queue on your devices.',
  'library-write': 'Save and remove tracks, albums and favourites.',
  'playlists-write': 'Create playlists and add or remove their tracks.',
};

export const STATUS_WORDS: Record<AccountStatus, string> = {
  connected: 'Connected',
  'needs-login': 'Needs login',
  disconnected: 'Not connected',
};

export const SCOPE_WORDS: Record<string, string> = {
  'user-read-private': 'See your name, country and subscription',
  'user-read-email': 'See your email address',
  'user-library-read': 'See your saved tracks and albums',
  'user-library-modify': 'Save and remove tracks and albums',
  'user-follow-read': 'See who you follow',
  'user-follow-modify': 'Follow and unfollow artists and people',
  'user-top-read': 'See your top artists and tracks',
  'user-read-recently-played': 'See what you played recently',
  'user-read-playback-position': 'See where you stopped in podcasts and audiobooks',
  'playlist-read-private': 'See your private playlists',
  'playlist-read-collaborative': 'See your collaborative playlists',
  'playlist-modify-public': 'Change your public playlists',
  'playlist-modify-private': 'Change your private playlists',
  'user-read-playback-state': 'See your devices and what is playing',
  'user-read-currently-playing': 'See what is playing now',
  'user-modify-playback-state': 'Play, pause, skip and queue',
  'user.read': 'See your profile',
  'collection.read': 'See your collection',
  'collection.write': 'Change your collection',
  'playlists.read': 'See your playlists',
  'playlists.write': 'Change your playlists',
  'search.read': 'Search the catalogue',
  'recommendations.read': 'See recommendations for you',
  'entitlements.read': 'See your subscription',
  playback: 'Control playback',
};

export function scopeWords(scope: string): string {
  return SCOPE_WORDS[scope] ?? scope;
}

export const AUDIT_KINDS: readonly AuditKind[] = [
  'tool.call',
  'api.call',
  'capability.issued',
  'capability.refused',
  'login',
  'logout',
  'token.refresh',
  'assistant.issued',
  'assistant.revoked',
  'assistant.policy',
  'broker.auth',
  'alert',
  'config.changed',
  'lockdown',
  'incident.report',
  'host.start',
  'host.stop',
];

export const KIND_WORDS: Record<AuditKind, string> = {
  'tool.call': 'Tool call',
  'api.call': 'API call',
  'capability.issued': 'Access granted',
  'capability.refused': 'Access refused',
  login: 'Login',
  logout: 'Logout',
  'token.refresh': 'Token refresh',
  'assistant.issued': 'Assistant connected',
  'assistant.revoked': 'Assistant revoked',
  'assistant.policy': 'Permissions changed',
  'broker.auth': 'Assistant sign-in',
  alert: 'Alert',
  'config.changed': 'Settings changed',
  lockdown: 'Lockdown',
  'incident.report': 'Incident report',
  'host.start': 'TuneBridge started',
  'host.stop': 'TuneBridge stopped',
};

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['ok', 'error', 'refused'];

export const OUTCOME_WORDS: Record<AuditOutcome, string> = {
  ok: 'OK',
  error: 'Error',
  refused: 'Refused',
};

/** The heading of an alert banner, by the host's alert reason. */
export const ALERT_TITLES: Record<string, string> = {
  'failed-auth': 'Repeated failed sign-ins',
  'refresh-failure': 'A login stopped working',
  'call-burst': 'Unusually many calls',
  'certificate-pin': 'Connection refused: unexpected certificate',
  'connection-flood': 'Connections without a key dropped',
  'secret-store': 'A renewed login could not be saved',
};

/** How our entry in an MCP client's config fares, in a few words. */
export const HEALTH_WORDS: Record<EntryHealthStatus, string> = {
  ok: 'Connected',
  missing: 'Not connected',
  revoked: 'Holds an old key',
  different: 'Starts TuneBridge another way',
  broken: 'Config can’t be read',
};

/** Export's file formats, in the order the window offers them, with what each is for. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'm3u8', 'xspf'];

export const EXPORT_FORMAT_WORDS: Record<ExportFormat, string> = {
  csv: 'CSV (spreadsheets)',
  json: 'JSON (programs)',
  m3u8: 'M3U8 (media players)',
  xspf: 'XSPF (playlist exchange)',
};

/** What each service calls the saved tracks; the host's export names the file the same way. */
export const LIBRARY_NAMES: Record<ProviderId, string> = {
  spotify: 'Liked Songs',
  tidal: 'Favourite tracks',
};
