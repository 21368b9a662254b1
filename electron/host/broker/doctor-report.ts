import {
  REFRESH_WARNING_DAYS,
  refreshTokenExpiry,
  type DoctorReport,
  type GatedProbe,
  type GroupScopes,
} from '../../../protocol/doctor.js';
import {
  PERMISSION_GROUP_LABELS,
  PermissionGroup,
  SCOPES_BY_GROUP,
} from '../../../protocol/policy.js';
import {
  PROVIDER_NAMES,
  type AccountSummary,
  type ProviderId,
} from '../../../protocol/providers.js';
import { SPOTIFY_SCOPES_BY_TOOL_GROUP } from '../providers/spotify/spotify-provider.js';
import type { ApiResult } from './api-proxy.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ProbeCall {
  method: 'GET';
  path: string;
  query: Record<string, string>;
}

/** A probe sent through the broker's own checks, or the reason it was not sent. */
export type ProbeAnswer = ApiResult | { skipped: string };

export interface DoctorSources {
  summary: AccountSummary;
  /** The scopes the provider's login asks for (narrowed by `providers.<id>.groups`). */
  loginScopes: readonly string[];
  /** When the provider's shared 429 cool-down ends (epoch ms), if one is running. */
  rateLimitedUntil: number | undefined;
  /** Sends one GET through the endpoint table, scope checks, proxy and audit. */
  probe: (call: ProbeCall) => Promise<ProbeAnswer>;
  now: number;
}

interface GatedFamily {
  family: string;
  label: string;
  /** Path template, as the endpoint table has it. */
  path: string;
  call: (sample: Sample) => ProbeCall;
  fallback: string;
}

interface Sample {
  trackId: string;
  albumId: string;
  artistId: string;
}

/**
 * The endpoint families Spotify closes to apps registered in 2026 that the tools try first.
 * (`/users/*`, `/browse/*`, `/markets` and `/recommendations` are closed too, but TuneBridge's
 * endpoint table never lets a request reach them, so there is nothing to probe.)
 */
const SPOTIFY_GATED: readonly GatedFamily[] = [
  {
    family: 'batch-tracks',
    label: 'Several tracks at once',
    path: '/v1/tracks',
    call: (s) => get('/v1/tracks', { ids: s.trackId }),
    fallback: 'tools read tracks one at a time instead',
  },
  {
    family: 'batch-albums',
    label: 'Several albums at once',
    path: '/v1/albums',
    call: (s) => get('/v1/albums', { ids: s.albumId }),
    fallback: 'tools read albums one at a time instead',
  },
  {
    family: 'batch-artists',
    label: 'Several artists at once',
    path: '/v1/artists',
    call: (s) => get('/v1/artists', { ids: s.artistId }),
    fallback: 'tools read artists one at a time instead',
  },
  {
    family: 'artist-top-tracks',
    label: 'Artist top tracks',
    path: '/v1/artists/{id}/top-tracks',
    call: (s) => get(`/v1/artists/${s.artistId}/top-tracks`, {}),
    fallback: 'tools use the best search matches for the artist instead',
  },
  {
    family: 'library-contains',
    label: 'Is it in my library',
    path: '/v1/me/library/contains',
    call: (s) => get('/v1/me/library/contains', { uris: `spotify:track:${s.trackId}` }),
    fallback: 'tools read the library instead',
  },
];

/** Builds the report from what the host knows, probing each gated family once. */
export async function buildDoctorReport(
  provider: ProviderId,
  sources: DoctorSources,
): Promise<DoctorReport> {
  const { summary, now } = sources;
  const name = PROVIDER_NAMES[provider];
  const connected = summary.status === 'connected';
  const advice: string[] = [];

  const granted = new Set(summary.scopes);
  const requested = new Set(sources.loginScopes);
  const groups: GroupScopes[] = PermissionGroup.options.map((group) => {
    const needed = [...neededScopes(provider)[group]];
    return {
      group,
      needed,
      missing: needed.filter((scope) => !granted.has(scope)),
      requested: needed.every((scope) => requested.has(scope)),
    };
  });
  if (connected) {
    const short = groups.filter((group) => group.requested && group.missing.length > 0);
    if (short.length > 0) {
      const labels = short.map((group) => `“${PERMISSION_GROUP_LABELS[group.group]}”`).join(', ');
      advice.push(
        `${name} has not granted every scope ${labels} need${short.length > 1 ? '' : 's'}: log in again from TuneBridge (or run \`tunebridge login ${provider}\`) and approve them.`,
      );
    }
  }

  const token = tokenHealth(provider, summary, now);
  if (summary.status === 'disconnected') {
    advice.push(
      `${name} is not connected: open TuneBridge and connect ${name}, or run \`tunebridge login ${provider}\`.`,
    );
  } else if (token.state === 'needs-login' || token.state === 'expired') {
    advice.push(
      `${name} no longer accepts TuneBridge's login: log in again from TuneBridge (or run \`tunebridge login ${provider}\`).`,
    );
  } else if (token.state === 'expiring-soon') {
    advice.push(
      `${name} ends this login on ${token.refreshTokenExpiresAt?.slice(0, 10)} (${name} logins last 6 months, however often they refresh): log in again before then to keep assistants working.`,
    );
  }

  const premium =
    summary.product === undefined ? undefined : summary.product.toLowerCase() === 'premium';
  if (connected && provider === 'spotify' && premium === false) {
    advice.push(
      'This Spotify account is not Premium, so playback control (play, pause, skip, volume, queue) will be refused; reading and playlists work.',
    );
  }

  const until = sources.rateLimitedUntil;
  const rateLimit =
    until === undefined
      ? { coolingDown: false }
      : {
          coolingDown: true,
          until: new Date(until).toISOString(),
          retryAfterSeconds: Math.ceil((until - now) / 1000),
        };
  if (rateLimit.coolingDown) {
    advice.push(
      `${name} is rate limiting TuneBridge; calls fail fast until ${rateLimit.until}. Try again then.`,
    );
  }

  const gated =
    provider === 'spotify'
      ? await probeSpotify(sources, connected, rateLimit.coolingDown)
      : ([] as GatedProbe[]);

  return {
    provider,
    checkedAt: new Date(now).toISOString(),
    account: {
      status: summary.status,
      accountId: summary.accountId,
      displayName: summary.displayName,
      product: summary.product,
      country: summary.country,
      premium,
    },
    scopes: { granted: [...summary.scopes], groups },
    token,
    rateLimit,
    gated,
    advice,
  };
}

function neededScopes(provider: ProviderId): Record<PermissionGroup, readonly string[]> {
  return provider === 'spotify' ? SPOTIFY_SCOPES_BY_TOOL_GROUP : SCOPES_BY_GROUP[provider];
}

function tokenHealth(
  provider: ProviderId,
  summary: AccountSummary,
  now: number,
): DoctorReport['token'] {
  const { connectedAt, lastRefreshAt } = summary;
  if (summary.status === 'disconnected') return { state: 'not-connected' };
  const expiry = connectedAt ? refreshTokenExpiry(provider, connectedAt) : undefined;
  const base = {
    connectedAt,
    lastRefreshAt,
    refreshTokenExpiresAt: expiry?.toISOString(),
    daysLeft: expiry ? Math.floor((expiry.getTime() - now) / DAY_MS) : undefined,
  };
  if (summary.status === 'needs-login') return { state: 'needs-login', ...base };
  if (!expiry) return { state: 'ok', ...base };
  const left = expiry.getTime() - now;
  if (left <= 0) return { state: 'expired', ...base, daysLeft: 0 };
  return { state: left <= REFRESH_WARNING_DAYS * DAY_MS ? 'expiring-soon' : 'ok', ...base };
}

async function probeSpotify(
  sources: DoctorSources,
  connected: boolean,
  coolingDown: boolean,
): Promise<GatedProbe[]> {
  const skipAll = (outcome: 'skipped' | 'rate-limited', note: string) =>
    SPOTIFY_GATED.map((family) => describe(family, outcome, undefined, note));
  if (!connected) return skipAll('skipped', 'not connected');
  if (coolingDown) return skipAll('rate-limited', 'Spotify asked TuneBridge to wait');

  // One cheap search finds real IDs, so a closed family's 403 can't be mistaken for a bad ID.
  const search = await sources.probe(get('/v1/search', { q: 'a', type: 'track', limit: '1' }));
  if ('skipped' in search) return skipAll('skipped', search.skipped);
  if (search.status === 429) return skipAll('rate-limited', 'Spotify asked TuneBridge to wait');
  const sample = sampleFrom(search.body);
  if (search.status !== 200 || !sample) {
    return skipAll('skipped', `the search for a sample track failed (HTTP ${search.status})`);
  }

  const probes: GatedProbe[] = [];
  let limited = false;
  for (const family of SPOTIFY_GATED) {
    if (limited) {
      probes.push(describe(family, 'rate-limited', undefined, 'Spotify asked TuneBridge to wait'));
      continue;
    }
    const answer = await sources.probe(family.call(sample));
    if ('skipped' in answer) {
      probes.push(describe(family, 'skipped', undefined, answer.skipped));
      continue;
    }
    const outcome = outcomeOf(answer.status);
    limited = outcome === 'rate-limited';
    const note =
      outcome === 'forbidden' || outcome === 'not-found'
        ? family.fallback
        : outcome === 'rate-limited'
          ? 'Spotify asked TuneBridge to wait'
          : undefined;
    probes.push(describe(family, outcome, answer.status, note));
  }
  return probes;
}

function outcomeOf(status: number): GatedProbe['outcome'] {
  if (status >= 200 && status < 300) return 'reachable';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  return 'error';
}

function describe(
  family: GatedFamily,
  outcome: GatedProbe['outcome'],
  status: number | undefined,
  note: string | undefined,
): GatedProbe {
  return {
    family: family.family,
    label: family.label,
    method: 'GET',
    path: family.path,
    outcome,
    ...(status !== undefined ? { status } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

function get(path: string, query: Record<string, string>): ProbeCall {
  return { method: 'GET', path, query };
}

/** The first track of a search answer, with its album and first artist. */
function sampleFrom(body: unknown): Sample | undefined {
  const items = (body as { tracks?: { items?: unknown[] } } | null)?.tracks?.items;
  const track = items?.[0] as
    { id?: unknown; album?: { id?: unknown }; artists?: Array<{ id?: unknown }> } | undefined;
  const trackId = track?.id;
  const albumId = track?.album?.id;
  const artistId = track?.artists?.[0]?.id;
  if (typeof trackId !== 'string' || typeof albumId !== 'string' || typeof artistId !== 'string')
    return undefined;
  return { trackId, albumId, artistId };
}
