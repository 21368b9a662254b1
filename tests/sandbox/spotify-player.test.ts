import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, specProblems, startSpotifyHarness, type SpotifyHarness } from './spotify-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Spotify sandbox player', () => {
  let h: SpotifyHarness;
  let albumId: string;
  let albumTrackUris: string[];

  beforeAll(async () => {
    h = await startSpotifyHarness();
    const found = await h.call(
      'GET',
      `/v1/search?${new URLSearchParams({ q: h.sandbox.spotify.sampleQuery, type: 'album', limit: '1' })}`,
    );
    albumId = String(field(found.body, 'albums', 'items', 0, 'id'));
    const tracks = await h.call('GET', `/v1/albums/${albumId}/tracks?limit=50`);
    albumTrackUris = (field(tracks.body, 'items') as Array<{ uri: string }>).map((t) => t.uri);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the listener’s active device and loaded track as the spec describes', async () => {
    const state = await h.call('GET', '/v1/me/player?market=GB');
    expect(state.status).toBe(200);
    expect(specProblems(state)).toEqual([]);
    expect(field(state.body, 'device', 'is_active')).toBe(true);
    expect(field(state.body, 'device', 'name')).toBe('Sandbox Laptop');
    expect(field(state.body, 'is_playing')).toBe(false);
    expect(field(state.body, 'context', 'type')).toBe('playlist');

    const devices = await h.call('GET', '/v1/me/player/devices');
    expect(specProblems(devices)).toEqual([]);
    expect(field(devices.body, 'devices', 'length')).toBe(3);

    const current = await h.call('GET', '/v1/me/player/currently-playing');
    expect(current.status).toBe(200);
    expect(specProblems(current)).toEqual([]);
  });

  it('answers 204 and NO_ACTIVE_DEVICE for a Premium person with no active device', async () => {
    const state = await h.call('GET', '/v1/me/player', { person: 'idle' });
    expect(state.status).toBe(204);
    expect(specProblems(state)).toEqual([]);
    const devices = await h.call('GET', '/v1/me/player/devices', { person: 'idle' });
    const list = field(devices.body, 'devices') as Array<{ is_active: boolean }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((device) => !device.is_active)).toBe(true);

    for (const [method, path] of [
      ['PUT', '/v1/me/player/play'],
      ['PUT', '/v1/me/player/pause'],
      ['POST', '/v1/me/player/next'],
      ['PUT', '/v1/me/player/shuffle?state=true'],
    ] as const) {
      const refused = await h.call(method, path, { person: 'idle' });
      expect(refused.requestProblems).toEqual([]);
      expect(refused.status).toBe(404);
      // 404 is not among the documented statuses; the body is the real API's error shape.
      expect(refused.body).toEqual({
        error: {
          status: 404,
          message: 'Player command failed: No active device found',
          reason: 'NO_ACTIVE_DEVICE',
        },
      });
    }
    expect(h.sandbox.spotify.state('idle').playback.deviceKey).toBeUndefined();
  });

  it('refuses player commands without Premium', async () => {
    const refused = await h.call('PUT', '/v1/me/player/pause', { person: 'free' });
    expect(refused.status).toBe(403);
    expect(specProblems(refused)).toEqual([]);
    expect(refused.body).toEqual({
      error: {
        status: 403,
        message: 'Player command failed: Premium required',
        reason: 'PREMIUM_REQUIRED',
      },
    });
    // Reading is open to everyone.
    const devices = await h.call('GET', '/v1/me/player/devices', { person: 'free' });
    expect(devices.status).toBe(200);
  });

  it('refuses a token without the operation’s scope', async () => {
    const token = await h.tokenWith('user-read-playback-state');
    const refused = await h.call('PUT', '/v1/me/player/pause', { token });
    expect(refused.status).toBe(403);
    expect(specProblems(refused)).toEqual([]);
    expect(field(refused.body, 'error', 'message')).toBe('Insufficient client scope');
    const queue = await h.call('GET', '/v1/me/player/queue', { token });
    expect(queue.status).toBe(403);
  });

  it('plays an album from an offset, and playback progresses with time', async () => {
    const body = {
      context_uri: `spotify:album:${albumId}`,
      offset: { position: 1 },
      position_ms: 1000,
    };
    const play = await h.call('PUT', '/v1/me/player/play', { body });
    expect(play.status).toBe(204);
    expect(specProblems(play)).toEqual([]);
    const first = await h.call('GET', '/v1/me/player');
    expect(specProblems(first)).toEqual([]);
    expect(field(first.body, 'is_playing')).toBe(true);
    expect(field(first.body, 'item', 'uri')).toBe(albumTrackUris[1]);
    expect(field(first.body, 'context', 'uri')).toBe(`spotify:album:${albumId}`);
    await sleep(300);
    const later = await h.call('GET', '/v1/me/player/currently-playing');
    expect(Number(field(later.body, 'progress_ms'))).toBeGreaterThanOrEqual(1250);
  });

  it('moves through the queue and the context with next and previous, recording plays', async () => {
    const queued = albumTrackUris[0] ?? '';
    const add = await h.call('POST', `/v1/me/player/queue?uri=${encodeURIComponent(queued)}`);
    expect(add.status).toBe(204);
    expect(specProblems(add)).toEqual([]);
    const queue = await h.call('GET', '/v1/me/player/queue');
    expect(specProblems(queue)).toEqual([]);
    expect(field(queue.body, 'currently_playing', 'uri')).toBe(albumTrackUris[1]);
    expect(field(queue.body, 'queue', 0, 'uri')).toBe(queued);
    expect(field(queue.body, 'queue', 1, 'uri')).toBe(albumTrackUris[2]);

    const next = await h.call('POST', '/v1/me/player/next');
    expect(next.status).toBe(204);
    expect(specProblems(next)).toEqual([]);
    expect(h.sandbox.spotify.state().playback.fromQueue).toBe(true);
    expect(field((await h.call('GET', '/v1/me/player')).body, 'item', 'uri')).toBe(queued);

    await h.call('POST', '/v1/me/player/next');
    expect(field((await h.call('GET', '/v1/me/player')).body, 'item', 'uri')).toBe(
      albumTrackUris[2],
    );
    const previous = await h.call('POST', '/v1/me/player/previous');
    expect(specProblems(previous)).toEqual([]);
    expect(field((await h.call('GET', '/v1/me/player')).body, 'item', 'uri')).toBe(
      albumTrackUris[1],
    );

    const history = await h.call('GET', '/v1/me/player/recently-played?limit=3');
    expect(history.status).toBe(200);
    expect(specProblems(history)).toEqual([]);
    const played = (field(history.body, 'items') as Array<{ track: { uri: string } }>).map(
      (item) => item.track.uri,
    );
    // Newest first: the album's third track, the queued one, then the second.
    expect(played).toEqual([albumTrackUris[2], queued, albumTrackUris[1]]);
    const before = String(field(history.body, 'cursors', 'before'));
    const older = await h.call('GET', `/v1/me/player/recently-played?before=${before}&limit=2`);
    expect(specProblems(older)).toEqual([]);
    expect(field(older.body, 'items', 'length')).toBe(2);
  });

  it('moves to the next track when one ends, and seeks', async () => {
    const state = h.sandbox.spotify.state();
    const current = state.playback.recordingKey;
    const duration = Number(
      field((await h.call('GET', '/v1/me/player')).body, 'item', 'duration_ms'),
    );
    const seek = await h.call('PUT', `/v1/me/player/seek?position_ms=${duration - 150}`);
    expect(seek.status).toBe(204);
    expect(specProblems(seek)).toEqual([]);
    await sleep(400);
    const after = h.sandbox.spotify.state();
    expect(after.playback.recordingKey).not.toBe(current);
    expect(after.recentlyPlayed[0]?.recordingKey).toBe(current);
  });

  it('pauses once, then refuses; sets shuffle, repeat and volume; transfers', async () => {
    const pause = await h.call('PUT', '/v1/me/player/pause');
    expect(pause.status).toBe(204);
    expect(specProblems(pause)).toEqual([]);
    const again = await h.call('PUT', '/v1/me/player/pause');
    expect(again.status).toBe(403);
    expect(specProblems(again)).toEqual([]);

    for (const path of [
      '/v1/me/player/shuffle?state=true',
      '/v1/me/player/repeat?state=context',
      '/v1/me/player/volume?volume_percent=42',
    ]) {
      const answer = await h.call('PUT', path);
      expect(answer.status).toBe(204);
      expect(specProblems(answer)).toEqual([]);
    }
    const state = await h.call('GET', '/v1/me/player');
    expect(field(state.body, 'shuffle_state')).toBe(true);
    expect(field(state.body, 'repeat_state')).toBe('context');
    expect(field(state.body, 'device', 'volume_percent')).toBe(42);
    const badVolume = await h.call('PUT', '/v1/me/player/volume?volume_percent=101');
    expect(badVolume.status).toBe(400);

    const devices = field((await h.call('GET', '/v1/me/player/devices')).body, 'devices') as Array<{
      id: string;
      name: string;
    }>;
    const phone = devices.find((device) => device.name === 'Pocket Phone');
    const transfer = await h.call('PUT', '/v1/me/player', {
      body: { device_ids: [phone?.id], play: true },
    });
    expect(transfer.status).toBe(204);
    expect(specProblems(transfer)).toEqual([]);
    const moved = await h.call('GET', '/v1/me/player');
    expect(field(moved.body, 'device', 'name')).toBe('Pocket Phone');
    expect(field(moved.body, 'is_playing')).toBe(true);
    // The phone cannot have its volume set remotely.
    const volume = await h.call('PUT', '/v1/me/player/volume?volume_percent=10');
    expect(volume.status).toBe(403);
    expect(field(volume.body, 'error', 'reason')).toBe('VOLUME_CONTROL_DISALLOW');
  });

  it('plays a list of uris on a named device for the idle listener', async () => {
    const devices = field(
      (await h.call('GET', '/v1/me/player/devices', { person: 'idle' })).body,
      'devices',
    ) as Array<{ id: string }>;
    const play = await h.call('PUT', `/v1/me/player/play?device_id=${devices[1]?.id ?? ''}`, {
      person: 'idle',
      body: { uris: albumTrackUris.slice(0, 2), offset: { uri: albumTrackUris[1] } },
    });
    expect(play.status).toBe(204);
    expect(specProblems(play)).toEqual([]);
    const state = await h.call('GET', '/v1/me/player', { person: 'idle' });
    expect(specProblems(state)).toEqual([]);
    expect(field(state.body, 'item', 'uri')).toBe(albumTrackUris[1]);
    expect(field(state.body, 'device', 'id')).toBe(devices[1]?.id);
    expect(state.body).not.toHaveProperty('context');
  });
});
