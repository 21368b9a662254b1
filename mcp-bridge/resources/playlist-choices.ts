import type { ProviderId } from '../../protocol/providers.js';
import type { BridgeContext } from '../tool-context.js';
import { listMyPlaylists } from '../tools/spotify/list-my-playlists.js';
import { listMyTidalPlaylists } from '../tools/tidal/list-my-playlists.js';

export interface PlaylistChoice {
  id: string;
  name: string;
}

// Completion asks on every keystroke; the person's playlists don't change that fast.
const CACHE_MS = 30_000;
const MAX_SUGGESTIONS = 20;
const cache = new WeakMap<BridgeContext, Map<ProviderId, { at: number; list: PlaylistChoice[] }>>();

/** The person's playlists on a service (first 50), kept for half a minute per bridge. */
export async function playlistChoices(
  context: BridgeContext,
  provider: ProviderId,
): Promise<PlaylistChoice[]> {
  const perProvider = cache.get(context) ?? new Map();
  cache.set(context, perProvider);
  const held = perProvider.get(provider);
  if (held && Date.now() - held.at < CACHE_MS) return held.list;
  const list =
    provider === 'spotify'
      ? (await context.run(listMyPlaylists, { limit: 50 })).structured.playlists
      : (await context.run(listMyTidalPlaylists, { limit: 50 })).structured.playlists;
  const choices = list.map(({ id, name }) => ({ id, name }));
  perProvider.set(provider, { at: Date.now(), list: choices });
  return choices;
}

/**
 * Playlist names containing what the person typed (any case), for completions. Completion is
 * a convenience: when the host can't answer it offers nothing rather than failing.
 */
export async function completePlaylistName(
  context: BridgeContext,
  providers: readonly ProviderId[],
  typed: string,
): Promise<string[]> {
  const wanted = typed.trim().toLowerCase();
  const names: string[] = [];
  for (const provider of providers) {
    const choices = await playlistChoices(context, provider).catch(() => []);
    for (const { name } of choices) {
      if (name.toLowerCase().includes(wanted) && !names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, MAX_SUGGESTIONS);
}

/** A template variable is an id, or a name picked from the completions: find the id. */
export async function resolvePlaylistId(
  context: BridgeContext,
  provider: ProviderId,
  idOrName: string,
): Promise<string> {
  const value = safeDecode(idOrName).trim();
  const choices = await playlistChoices(context, provider).catch(() => []);
  const byName = choices.find(
    (choice) => choice.id === value || choice.name.toLowerCase() === value.toLowerCase(),
  );
  return byName?.id ?? value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
