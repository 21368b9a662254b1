import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import { loadSpecValidator } from '../helpers/openapi-validator.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

const catalog = sandboxCatalog();
const spec = loadSpecValidator('tidal');

describe('Idempotency-Key from the tool to TIDAL', () => {
  let s: TidalSession;
  let bridge: BrokerClient;
  let capability = '';
  let playlistId = '';

  /** One `api.call` as a bridge sends it, with or without a key. */
  async function addItems(trackIds: string[], idempotencyKey?: string) {
    const answer = await bridge.request({
      type: 'api.call',
      provider: 'tidal',
      capability,
      method: 'POST',
      path: `/v2/playlists/${playlistId}/relationships/items`,
      body: { data: trackIds.map((id) => ({ id, type: 'tracks' })) },
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (answer.type !== 'api.result') throw new Error(`api.call answered ${answer.type}`);
    return answer;
  }
  const entries = () =>
    s.env.sandbox.tidal.state().playlists.find((p) => s.tidal.playlistId(p.key) === playlistId)
      ?.entries ?? [];

  beforeAll(async () => {
    s = await startTidalSession();
    s.allow('playlists-write');
    const created = await s.call<{ playlist: { id: string } }>('tidal_create_playlist', {
      name: 'Idempotent',
    });
    playlistId = created.structured.playlist.id;
    const issued = await s.env.issueAssistant('Retrying bridge');
    s.env.host.assistants.setPolicy(issued.assistant.assistantId, {
      ...DEFAULT_ASSISTANT_POLICY,
      groups: ['read', 'playlists-write'],
    });
    bridge = await s.env.bridge(issued.assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'tidal',
      scopes: ['playlists.write'],
    });
    if (grant.type !== 'capability') throw new Error(`capability.request answered ${grant.type}`);
    capability = grant.token;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('sends a fresh key with every mutation a tool makes', async () => {
    const added = await s.call('tidal_add_to_playlist', {
      playlist_id: playlistId,
      track_ids: [s.tidal.trackId(catalog.recordings[0]?.key ?? '')],
    });
    expect(added.isError, added.text).toBe(false);
    const keys = s.tidal.idempotencyKeys();
    expect(keys.map((k) => k.method)).toEqual(['POST', 'POST']);
    expect(keys[1]?.path).toBe(`/v2/playlists/${playlistId}/relationships/items`);
    expect(new Set(keys.map((k) => k.key)).size).toBe(2);
    for (const k of keys) expect(k.key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds once when the same add is retried with the same key', async () => {
    const before = entries().length;
    const track = s.tidal.trackId(catalog.recordings[1]?.key ?? '');
    const first = await addItems([track], 'retry-after-lost-answer-1');
    const again = await addItems([track], 'retry-after-lost-answer-1');
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(entries()).toHaveLength(before + 1);
    // The host forwarded the bridge's key as the Idempotency-Key header, both times.
    const forwarded = s.tidal
      .idempotencyKeys()
      .filter((k) => k.key === 'retry-after-lost-answer-1');
    expect(forwarded).toHaveLength(2);
    expect(
      spec.validateResponse({ method: 'POST', path: forwarded[0]?.path ?? '', ...again }),
    ).toEqual([]);
  });

  it('refuses a reused key with another payload, and a mutation without a key', async () => {
    const before = entries().length;
    const other = s.tidal.trackId(catalog.recordings[2]?.key ?? '');
    const mismatch = await addItems([other], 'retry-after-lost-answer-1');
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({
      errors: [{ code: 'IDEMPOTENT_REQUEST_PAYLOAD_MISMATCH' }],
    });
    const path = `/v2/playlists/${playlistId}/relationships/items`;
    expect(spec.validateResponse({ method: 'POST', path, ...mismatch })).toEqual([]);
    const keyless = await addItems([other]);
    expect(keyless.status).toBe(400);
    expect(JSON.stringify(keyless.body)).toMatch(/Idempotency-Key/);
    expect(spec.validateResponse({ method: 'POST', path, ...keyless })).toEqual([]);
    expect(entries()).toHaveLength(before);
  });

  it('sent only requests the vendored specs describe', () => {
    expect(s.specProblems()).toEqual([]);
  });
});
