import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startToolSession, type ToolSession } from './tool-session.js';

const TRACK_LINE = /^\d+\. .+ — .+ · \d+:\d\d · spotify:track:[0-9A-Za-z]{22}$/m;

function deviceId(person: string, device: string): string {
  return createHash('sha1').update(`${person}:${device}`).digest('hex');
}

describe('Spotify playback tools, through the bridge', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses playback control until the person switches it on', async () => {
    const refused = await s.call('spotify_pause');
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/Control playback/);
    expect(s.state().playback.isPlaying).toBe(false);
    s.allow('playback');
  });

  it('lists devices with their ids and reads the playback state', async () => {
    const devices = await s.call<{ devices: Array<{ id: string; isActive: boolean }> }>(
      'spotify_list_devices',
    );
    expect(devices.isError).toBe(false);
    expect(devices.structured.devices).toHaveLength(3);
    expect(devices.structured.devices[0]).toMatchObject({
      id: deviceId('listener', 'laptop'),
      isActive: true,
    });
    expect(devices.text).toContain('Kitchen Speaker (Speaker)');

    const playback = await s.call<{ isPlaying: boolean; track: { uri: string } }>(
      'spotify_get_playback',
    );
    expect(playback.isError).toBe(false);
    expect(playback.structured.isPlaying).toBe(false);
    const loaded = s.state().playback.recordingKey ?? '';
    expect(playback.structured.track.uri).toBe(s.uri('track', loaded));
    expect(playback.text).toMatch(TRACK_LINE);
    expect(playback.text).toMatch(/Paused on Sandbox Laptop/);
  });

  it('resumes, pauses, skips and goes back', async () => {
    expect((await s.call('spotify_play')).text).toMatch(/Resumed/);
    expect(s.state().playback.isPlaying).toBe(true);
    expect((await s.call('spotify_pause')).isError).toBe(false);
    expect(s.state().playback.isPlaying).toBe(false);

    const list = s.state().playback.list;
    expect((await s.call('spotify_next')).isError).toBe(false);
    expect(s.state().playback.recordingKey).toBe(list[1]);
    expect((await s.call('spotify_previous')).isError).toBe(false);
    expect(s.state().playback.recordingKey).toBe(list[0]);
  });

  it('seeks, sets volume, shuffle and repeat', async () => {
    expect((await s.call('spotify_seek', { position_ms: 61_000 })).text).toMatch(/1:01/);
    expect(s.state().playback.progressMs).toBe(61_000);
    expect((await s.call('spotify_set_volume', { volume_percent: 42 })).isError).toBe(false);
    expect(s.state().devices.find((d) => d.key === 'laptop')?.volumePercent).toBe(42);
    expect((await s.call('spotify_set_shuffle', { state: true })).text).toMatch(/Shuffle on/);
    expect(s.state().playback.shuffle).toBe(true);
    await s.call('spotify_set_shuffle', { state: false });
    expect((await s.call('spotify_set_repeat', { state: 'context' })).isError).toBe(false);
    expect(s.state().playback.repeat).toBe('context');
  });

  it('rejects out-of-range input before sending anything', async () => {
    const before = s.mark();
    const answers = await Promise.all([
      s.call('spotify_set_volume', { volume_percent: 101 }),
      s.call('spotify_seek', { position_ms: -1 }),
      s.call('spotify_set_repeat', { state: 'forever' }),
      s.call('spotify_add_to_queue', { uri: 'spotify:album:0000000000000000000000' }),
      s.call('spotify_play', { uris: ['spotify:track:x'] }),
      s.call('spotify_play', { query: '   ' }),
      s.call('spotify_transfer_playback', { device_id: '../../etc' }),
    ]);
    for (const answer of answers) {
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/is not valid/);
    }
    expect(s.requestsSince(before)).toEqual([]);
  });

  it('says a device cannot change volume', async () => {
    const phone = deviceId('listener', 'phone');
    const answer = await s.call('spotify_set_volume', { volume_percent: 10, device_id: phone });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/does not let Spotify change its volume/);
  });

  it('transfers playback and plays on the chosen device', async () => {
    const speaker = deviceId('listener', 'speaker');
    const moved = await s.call('spotify_transfer_playback', { device_id: speaker, play: false });
    expect(moved.isError).toBe(false);
    expect(s.state().playback.deviceKey).toBe('speaker');

    const playlistKey = s.state().playlists[1]?.key ?? '';
    const started = await s.call('spotify_play', {
      context_uri: s.uri('playlist', playlistKey),
      offset_position: 2,
      device_id: speaker,
    });
    expect(started.isError).toBe(false);
    const playback = s.state().playback;
    expect(playback).toMatchObject({ isPlaying: true, deviceKey: 'speaker', index: 2 });
    expect(playback.context).toEqual({ kind: 'playlist', key: playlistKey });
  });

  it('plays the best match for a search query', async () => {
    const answer = await s.call<{ resolved: { uri: string; name: string } }>('spotify_play', {
      query: s.env.sandbox.spotify.sampleQuery,
    });
    expect(answer.isError).toBe(false);
    expect(answer.structured.resolved.uri).toMatch(/^spotify:track:/);
    expect(answer.text).toContain('best match');
    expect(s.uri('track', s.state().playback.recordingKey ?? '')).toBe(
      answer.structured.resolved.uri,
    );

    const nothing = await s.call('spotify_play', { query: 'zzzzqqqxxy nothing like this' });
    expect(nothing.isError).toBe(true);
    expect(nothing.text).toMatch(/found no track/);
  });

  it('queues a track and shows the queue', async () => {
    const key = s.state().savedTracks[0]?.recordingKey ?? '';
    const queued = await s.call('spotify_add_to_queue', { uri: s.uri('track', key) });
    expect(queued.isError).toBe(false);
    expect(s.state().playback.queue).toContain(key);

    const queue = await s.call<{ current: { uri: string }; queue: Array<{ uri: string }> }>(
      'spotify_get_queue',
    );
    expect(queue.isError).toBe(false);
    expect(queue.structured.queue[0]?.uri).toBe(s.uri('track', key));
    expect(queue.text).toMatch(/Up next:\n1\. /);
  });

  it('names the devices when asked for one that does not exist', async () => {
    const answer = await s.call('spotify_pause', { device_id: 'f'.repeat(40) });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/does not know that device/);
    expect(answer.text).toContain(deviceId('listener', 'laptop'));
  });

  it('sent only requests the Spotify spec documents', () => {
    expect(s.specProblems()).toEqual([]);
  });
});

describe('Spotify playback with no active device', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession({ person: 'idle', groups: ['playback'] });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reports nothing playing, then lists the devices to pick from', async () => {
    const playback = await s.call<{ active: boolean }>('spotify_get_playback');
    expect(playback.isError).toBe(false);
    expect(playback.structured.active).toBe(false);
    expect(playback.text).toMatch(/Nothing is playing/);

    const answer = await s.call('spotify_next');
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/No Spotify device is active/);
    expect(answer.text).toMatch(/1\. Sandbox Laptop \(Computer\) · .*device_id [0-9a-f]{40}/);
    expect(answer.text).toMatch(/device_id/);

    const queue = await s.call<{ queue: unknown[] }>('spotify_get_queue');
    expect(queue.structured.queue).toEqual([]);
    expect(s.specProblems()).toEqual([]);
  });
});

describe('Spotify playback on a free account', () => {
  let s: ToolSession;

  beforeAll(async () => {
    s = await startToolSession({ person: 'free', groups: ['playback'] });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says Premium is required', async () => {
    const answer = await s.call('spotify_play');
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/Premium/);
    expect(s.specProblems()).toEqual([]);
  });
});
