import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleHostApi } from '../../electron/host/host-api.js';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { seedSpotifyPlaylist } from '../tools/library-seed.js';

/** Longer than the 12,000 items an export reads, so the answer must say it holds the first part. */
const LONG = 12_010;

/**
 * The window's export in the host, against the sandbox: a playlist longer than TuneBridge reads
 * in one go comes back cut at 12,000 tracks and says so, and the audit record counts the
 * requests without a token in it.
 */
describe('library.export in the host', () => {
  let env: TestHost;
  let playlistId = '';

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const keys = sandboxCatalog().recordings.map((recording) => recording.key);
    const items = Array.from({ length: LONG }, (_, i) => keys[i % keys.length] ?? '');
    playlistId = await seedSpotifyPlaylist(env, 'Endless road', items);
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
  });

  it('lists the playlist with its length', async () => {
    const answer = await handleHostApi(env.host, { op: 'library.playlists', provider: 'spotify' });
    expect(answer.playlists).toContainEqual({ id: playlistId, name: 'Endless road', tracks: LONG });
    expect(answer.truncated).toBe(false);
  });

  it('cuts a longer playlist at 12,000 tracks and says so', { timeout: 60_000 }, async () => {
    const answer = await handleHostApi(env.host, {
      op: 'library.export',
      provider: 'spotify',
      source: { kind: 'playlist', id: playlistId },
      format: 'csv',
    });
    expect(answer.file).toMatchObject({
      fileName: 'Endless-road.csv',
      mimeType: 'text/csv',
      sourceName: 'Endless road',
      tracks: 12_000,
      truncated: true,
    });
    expect(answer.file.text.split('\n')).toHaveLength(12_001);

    const [record] = await env.host.controller.queryAudit({ kind: 'tool.call', limit: 1 });
    expect(record).toMatchObject({
      tool: 'library.export',
      outcome: 'ok',
      provider: 'spotify',
      assistantName: 'the person (window)',
    });
    // The playlist's name, then 240 pages of 50.
    expect(record?.message).toBe(
      'Exported 12000 tracks of “Endless road” as CSV (Endless-road.csv), only its first part: the source is longer than TuneBridge reads; 241 requests.',
    );
    const log = await Promise.all(
      (await readdir(env.paths.auditDir)).map((name) =>
        readFile(join(env.paths.auditDir, name), 'utf8'),
      ),
    );
    const tokens = env.sandbox.spotify.issuedTokens();
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(log.join('')).not.toContain(token);
  });

  it('says which playlist is gone, in a sentence, and audits the failure', async () => {
    await expect(
      handleHostApi(env.host, {
        op: 'library.export',
        provider: 'spotify',
        source: { kind: 'playlist', id: 'AAAAAAAAAAAAAAAAAAAAAA' },
        format: 'json',
      }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^Spotify could not find that playlist .*pick another one\.$/),
    });
    const [record] = await env.host.controller.queryAudit({ kind: 'tool.call', limit: 1 });
    expect(record).toMatchObject({ tool: 'library.export', outcome: 'error' });
  });
});
