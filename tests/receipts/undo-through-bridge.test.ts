import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { startToolSession, type ToolSession } from '../tools/tool-session.js';

const recordings = sandboxCatalog().recordings;

interface Listed {
  playlists: Array<{ id: string; name: string }>;
}

/**
 * Receipts and undo through the real stdio bridge against a host in sandbox mode: every change
 * answers with a receipt, `undo` reverses it newest first back to exactly the playlist as it
 * was, and an undo after the playlist changed elsewhere is refused with a sentence.
 */
describe('receipts and undo through the bridge', () => {
  let s: ToolSession;
  const mcp = () => {
    if (!s.client) throw new Error('this session runs the bridge over stdio');
    return s.client;
  };
  let playlistId = '';
  const items = () =>
    s
      .state()
      .playlists.find((p) => p.name === 'Sandbox Favourites')
      ?.entries.map((entry) => entry.recordingKey) ?? [];

  beforeAll(async () => {
    s = await startToolSession({ groups: ['playlists-write', 'playback'], via: 'stdio' });
    const list = await s.call<Listed>('spotify_list_my_playlists', { limit: 10 });
    playlistId = list.structured.playlists.find((p) => p.name === 'Sandbox Favourites')?.id ?? '';
    expect(playlistId).not.toBe('');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('adds 3, removes 1, then undoes both newest first: the playlist is exactly as before', async () => {
    const before = items();
    const added = recordings.slice(40, 43).map((r) => s.uri('track', r.key));
    const add = await s.call<{ receipts?: string[] }>('spotify_add_to_playlist', {
      playlist_id: playlistId,
      uris: added,
      position: 2,
    });
    expect(add.isError).toBe(false);
    expect(add.structured.receipts).toHaveLength(1);
    expect(add.text).toMatch(/Receipt: r_/);
    // One of the playlist's own tracks goes, from the middle.
    const removedKey = before[5] ?? '';
    const remove = await s.call<{ receipts?: string[] }>('spotify_remove_from_playlist', {
      playlist_id: playlistId,
      uris: [s.uri('track', removedKey)],
    });
    expect(remove.isError).toBe(false);
    expect(items()).not.toContain(removedKey);
    expect(items()).toHaveLength(before.length + 2);

    const undoRemove = await s.call('undo', { receipt: remove.structured.receipts?.[0] });
    expect(undoRemove.isError).toBe(false);
    expect(undoRemove.text).toMatch(/^Undone: Removed 1 item/);
    const undoAdd = await s.call('undo', { receipt: add.structured.receipts?.[0] });
    expect(undoAdd.isError).toBe(false);
    expect(items()).toEqual(before);

    // An undo runs once.
    const again = await s.call('undo', { receipt: add.structured.receipts?.[0] });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/already undone/);
    const records = await s.env.host.controller.queryAudit({ kind: 'tool.call', limit: 5 });
    const host = records.find((r) => r.receiptId === add.structured.receipts?.[0]);
    expect(host).toMatchObject({ tool: 'undo', outcome: 'refused', assistantName: 'Tool tests' });
  });

  it('refuses to undo after the playlist changed elsewhere, and changes nothing', async () => {
    const add = await s.call<{ receipts?: string[] }>('spotify_add_to_playlist', {
      playlist_id: playlistId,
      uris: [s.uri('track', recordings[50]?.key ?? '')],
    });
    // Someone else (here: a second assistant) changes the playlist afterwards.
    const other = await s.env.issueAssistant('Other assistant');
    s.env.host.assistants.setPolicy(other.assistant.assistantId, {
      groups: ['read', 'playlists-write'],
      providers: ['spotify'],
      paused: false,
    });
    const bridge = await s.env.bridge(other.assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['playlist-modify-public', 'playlist-modify-private'],
    });
    if (grant.type !== 'capability') throw new Error(grant.type);
    const elsewhere = await bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method: 'POST',
      path: `/v1/playlists/${playlistId}/items`,
      body: { uris: [s.uri('track', recordings[51]?.key ?? '')] },
    });
    expect(elsewhere).toMatchObject({ type: 'api.result', status: 201 });
    const after = items();

    const undo = await s.call('undo', { receipt: add.structured.receipts?.[0] });
    expect(undo.isError).toBe(true);
    expect(undo.text).toMatch(
      /The playlist has changed since this change, so TuneBridge did not undo it/,
    );
    expect(items()).toEqual(after);

    // And an assistant may undo only its own changes.
    const receiptOfOther = (elsewhere as { receiptId?: string }).receiptId;
    expect(receiptOfOther).toMatch(/^r_/);
    const foreign = await s.call('undo', { receipt: receiptOfOther });
    expect(foreign.isError).toBe(true);
    expect(foreign.text).toMatch(/no change .* of yours/);
  });

  it('undoes a volume change back to the earlier volume', async () => {
    const device = () => s.state().devices.find((d) => d.key === s.state().playback.deviceKey);
    const was = device()?.volumePercent;
    const set = await s.call<{ receipts?: string[] }>('spotify_set_volume', {
      volume_percent: was === 20 ? 30 : 20,
    });
    expect(set.isError).toBe(false);
    expect(device()?.volumePercent).not.toBe(was);
    const undo = await s.call('undo', { receipt: set.structured.receipts?.[0] });
    expect(undo.isError).toBe(false);
    expect(device()?.volumePercent).toBe(was);
  });

  it('lists this assistant’s receipts as an MCP resource', async () => {
    const listed = await mcp().listResources();
    expect(listed.resources.map((r) => r.uri)).toContain('tunebridge://receipts/recent');
    const read = await mcp().readResource({ uri: 'tunebridge://receipts/recent' });
    const first = read.contents[0];
    const receipts = JSON.parse(first && 'text' in first ? first.text : '[]') as Array<{
      summary: string;
      assistantName: string;
    }>;
    expect(receipts[0]?.summary).toMatch(/^Set volume/);
    expect(receipts.every((r) => r.assistantName === 'Tool tests')).toBe(true);
  });
});

describe('library receipts where Spotify closed `contains`', () => {
  let s: ToolSession;
  beforeAll(async () => {
    s = await startToolSession({ groups: ['library-write'] });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('undoes a save of tracks by reading the library instead, leaving earlier saves alone', async () => {
    const savedBefore = () => s.state().savedTracks.map((t) => t.recordingKey);
    const before = savedBefore();
    const already = s.uri('track', before[0] ?? '');
    const fresh = recordings.slice(600, 602).map((r) => s.uri('track', r.key));
    const saved = await s.call<{ receipts?: string[] }>('spotify_save_to_library', {
      uris: [already, ...fresh],
    });
    expect(saved.isError, saved.text).toBe(false);
    expect(savedBefore()).toHaveLength(before.length + 2);
    const undo = await s.call('undo', { receipt: saved.structured.receipts?.[0] });
    expect(undo.isError, undo.text).toBe(false);
    expect(new Set(savedBefore())).toEqual(new Set(before));
  });
});
