import type { AuditEvent } from '../../../protocol/audit.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import { exportFile } from '../../../playlist-files/export-file.js';
import { TuneBridgeError, HostError } from '../errors.js';
import type { Handlers, OperationHost, OperationOrigin } from '../operations.js';
import { providerGet, type ProviderGet } from './provider-get.js';
import { readSpotifySource, spotifyPlaylistChoices } from './spotify-library.js';
import { readTidalSource, tidalPlaylistChoices } from './tidal-library.js';

type LibraryOp = 'library.playlists' | 'library.export';

/**
 * The window's export: the host reads the person's playlists and tracks itself, with their own
 * login, as the person (never as an assistant, so no assistant policy applies), and writes the
 * file with the same serialisers as the export tools.
 */
export const LIBRARY_HANDLERS: Pick<Handlers, LibraryOp> = {
  'library.playlists': (host, { provider }, origin) =>
    audited(host, origin, provider, 'library.playlists', async (get) => {
      const listed =
        provider === 'spotify'
          ? await spotifyPlaylistChoices(get)
          : await tidalPlaylistChoices(get);
      return {
        answer: { op: 'library.playlists' as const, provider, ...listed },
        summary: `Listed ${listed.playlists.length} ${PROVIDER_NAMES[provider]} playlists`,
      };
    }),
  'library.export': (host, { provider, source, format }, origin) =>
    audited(host, origin, provider, 'library.export', async (get) => {
      const read =
        provider === 'spotify'
          ? await readSpotifySource(get, source)
          : await readTidalSource(get, source);
      const file = exportFile(provider, read.name, read.entries, format);
      return {
        answer: {
          op: 'library.export' as const,
          file: {
            ...file,
            sourceName: read.name,
            tracks: read.entries.length,
            truncated: read.truncated,
          },
        },
        summary:
          `Exported ${read.entries.length} tracks of “${read.name}” as ${format.toUpperCase()} (${file.fileName})` +
          (read.truncated
            ? ', only its first part: the source is longer than TuneBridge reads'
            : ''),
      };
    }),
};

/**
 * Checks the account, runs the reads and writes one audit record for the whole action: a
 * 12,000-track export is 240 requests, which would bury the Activity view if each had its own
 * line, so the record counts them instead. Names and counts only; the token never leaves the
 * proxy, and the log redacts anyway.
 */
async function audited<Answer>(
  host: OperationHost,
  origin: OperationOrigin,
  provider: ProviderId,
  tool: LibraryOp,
  run: (get: ProviderGet) => Promise<{ answer: Answer; summary: string }>,
): Promise<Answer> {
  const started = performance.now();
  const counter = { requests: 0 };
  const base: AuditEvent = {
    kind: 'tool.call',
    outcome: 'ok',
    tool,
    provider,
    assistantName: `the person (${origin})`,
  };
  const took = () => ({
    durationMs: Math.max(0, performance.now() - started),
  });
  const requests = () => `${counter.requests} request${counter.requests === 1 ? '' : 's'}`;
  try {
    requireConnected(host, provider, origin);
    const done = await run(providerGet(host.providerApi, provider, counter));
    await host.record({ ...base, ...took(), message: `${done.summary}; ${requests()}.` });
    return done.answer;
  } catch (error) {
    // An error, not a refusal: the Security view counts refusals of assistants, not the person's.
    await host.record({
      ...base,
      ...took(),
      outcome: 'error',
      message: error instanceof TuneBridgeError ? error.message : `Failed after ${requests()}.`,
    });
    throw error;
  }
}

/** Says where to connect, before any request, instead of a token error from deep inside. */
function requireConnected(host: OperationHost, provider: ProviderId, origin: OperationOrigin) {
  const name = PROVIDER_NAMES[provider];
  const account = host.accounts.summaries().find((summary) => summary.provider === provider);
  const where = origin === 'window' ? `in Accounts` : `with \`tunebridge login ${provider}\``;
  if (!account || account.status === 'disconnected') {
    throw new HostError(
      'provider_not_connected',
      `${name} isn’t connected, so TuneBridge can’t read your playlists there. Connect ${name} ${where}, then export again.`,
    );
  }
  if (account.status === 'needs-login') {
    throw new HostError(
      'needs_login',
      `${name} no longer accepts TuneBridge’s login. Log in to ${name} again ${where}, then export again.`,
    );
  }
}
