import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermissionGroup } from '../../protocol/policy.js';
import { connectMcpClient, type McpClient } from '../helpers/mcp-client.js';
import { send } from '../../broker-client/send-operation.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const EVERYTHING: PermissionGroup[] = ['read', 'playback', 'library-write', 'playlists-write'];

/**
 * Resources, templates, prompts and completions through the real stdio bridge, against a host
 * in sandbox mode with Spotify connected and TIDAL not: they follow the policy like the tools,
 * and a subscription to "now playing" hears about a skip made elsewhere.
 */
describe('resources, prompts and completions', () => {
  let env: TestHost;
  let mcp: McpClient;
  const updates: string[] = [];
  const updateWaiters: Array<() => void> = [];
  const resourceListWaiters: Array<() => void> = [];
  const promptListWaiters: Array<() => void> = [];

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const issued = await env.issueAssistant('Resource assistant');
    const control = await env.control();
    await send(control, {
      op: 'assistant.policy',
      assistantId: issued.assistant.assistantId,
      policy: { groups: EVERYTHING, providers: ['spotify', 'tidal'], paused: false },
    });
    mcp = await connectMcpClient(issued.entry);
    mcp.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notice) => {
      updates.push(notice.params.uri);
      for (const resolve of updateWaiters.splice(0)) resolve();
    });
    mcp.client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      for (const resolve of resourceListWaiters.splice(0)) resolve();
    });
    mcp.client.setNotificationHandler(PromptListChangedNotificationSchema, () => {
      for (const resolve of promptListWaiters.splice(0)) resolve();
    });
  });
  afterAll(async () => {
    await mcp?.close();
    await env?.stop();
  });

  it('advertises resources with subscribe, prompts and completions', () => {
    expect(mcp.client.getServerCapabilities()).toMatchObject({
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
  });

  it('lists the Spotify resources and templates, and none of TIDAL’s while it is disconnected', async () => {
    const { resources } = await mcp.client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual([
      'spotify://me/library',
      'spotify://me/now-playing',
      'spotify://me/playlists',
      // This assistant may change things, so it may undo them and sees its receipts.
      'tunebridge://receipts/recent',
    ]);
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['spotify://playlist/{id}']);
  });

  it('reads the playlists and the library summary', async () => {
    const playlists = await mcp.client.readResource({ uri: 'spotify://me/playlists' });
    const [content] = playlists.contents;
    const parsed = JSON.parse(String(content && 'text' in content ? content.text : '')) as {
      playlists: Array<{ id: string; name: string }>;
    };
    expect(parsed.playlists.length).toBeGreaterThan(0);
    const library = await mcp.client.readResource({ uri: 'spotify://me/library' });
    const [summary] = library.contents;
    expect(JSON.parse(String(summary && 'text' in summary ? summary.text : ''))).toMatchObject({
      savedTracks: expect.any(Number),
      savedAlbums: expect.any(Number),
      playlists: parsed.playlists.length >= 1 ? expect.any(Number) : 0,
    });
  });

  it('completes a playlist template from the person’s playlist names and reads by name', async () => {
    const playlists = await mcp.client.readResource({ uri: 'spotify://me/playlists' });
    const [content] = playlists.contents;
    const { playlists: mine } = JSON.parse(
      String(content && 'text' in content ? content.text : ''),
    ) as { playlists: Array<{ id: string; name: string }> };
    const first = mine[0]!;
    const typed = first.name.slice(0, 3).toLowerCase();
    const completion = await mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'spotify://playlist/{id}' },
      argument: { name: 'id', value: typed },
    });
    expect(completion.completion.values).toContain(first.name);
    const byName = await mcp.client.readResource({
      uri: `spotify://playlist/${encodeURIComponent(first.name)}`,
    });
    const [read] = byName.contents;
    const playlist = JSON.parse(String(read && 'text' in read ? read.text : '')) as {
      playlist: { id: string };
    };
    expect(playlist.playlist.id).toBe(first.id);
  });

  it('adds TIDAL’s templates and prompts once TIDAL is connected', async () => {
    const changed = new Promise<void>((resolve) => resourceListWaiters.push(resolve));
    await env.login('tidal');
    await changed;
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      'spotify://playlist/{id}',
      'tidal://playlist/{id}',
    ]);
    const { resources } = await mcp.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining(['tidal://me/playlists', 'tidal://me/library']),
    );
    const library = await mcp.client.readResource({ uri: 'tidal://me/library' });
    const [summary] = library.contents;
    expect(JSON.parse(String(summary && 'text' in summary ? summary.text : ''))).toMatchObject({
      latestTracks: expect.any(Array),
      latestAlbums: expect.any(Array),
      latestArtists: expect.any(Array),
    });
  });

  it('offers at least eight prompts, with completions for their arguments', async () => {
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.length).toBeGreaterThanOrEqual(8);
    expect(prompts.map((p) => p.name)).toContain('copy_playlist_to_other_service');
    expect(prompts.map((p) => p.name)).toContain('playlist_from_top_tracks');
    const period = await mcp.client.complete({
      ref: { type: 'ref/prompt', name: 'playlist_from_top_tracks' },
      argument: { name: 'period', value: 'all' },
    });
    expect(period.completion.values).toEqual(['all time']);
    const activity = await mcp.client.complete({
      ref: { type: 'ref/prompt', name: 'mix_for_an_activity' },
      argument: { name: 'activity', value: 'run' },
    });
    expect(activity.completion.values).toContain('running');
    const mine = await mcp.client.readResource({ uri: 'spotify://me/playlists' });
    const [listed] = mine.contents;
    const { playlists } = JSON.parse(String(listed && 'text' in listed ? listed.text : '')) as {
      playlists: Array<{ name: string }>;
    };
    const playlist = await mcp.client.complete({
      ref: { type: 'ref/prompt', name: 'copy_playlist_to_other_service' },
      argument: { name: 'playlist', value: '' },
      context: { arguments: { from: 'spotify' } },
    });
    const names = [...new Set(playlists.map((p) => p.name))];
    expect(playlist.completion.values).toEqual(names.slice(0, 20));
    const prompt = await mcp.client.getPrompt({
      name: 'playlist_from_top_tracks',
      arguments: { period: 'last 4 weeks' },
    });
    const [message] = prompt.messages;
    expect(message?.content).toMatchObject({ type: 'text' });
    expect(JSON.stringify(message?.content)).toContain('short_term');
  });

  it('notifies a subscriber to now playing when the track changes', async () => {
    await mcp.client.subscribeResource({ uri: 'spotify://me/now-playing' });
    // Skipped by someone else (another assistant), so only the bridge's polling can notice.
    const other = await env.issueAssistant('Other assistant');
    const control = await env.control();
    await send(control, {
      op: 'assistant.policy',
      assistantId: other.assistant.assistantId,
      policy: { groups: ['read', 'playback'], providers: ['spotify'], paused: false },
    });
    const bridge = await env.bridge(other.assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['user-modify-playback-state'],
    });
    if (grant.type !== 'capability') throw new Error(`capability.request answered ${grant.type}`);
    const updated = new Promise<void>((resolve) => updateWaiters.push(resolve));
    const skipped = await bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method: 'POST',
      path: '/v1/me/player/next',
    });
    expect(skipped).toMatchObject({ type: 'api.result' });
    await updated;
    expect(updates).toContain('spotify://me/now-playing');
    await mcp.client.unsubscribeResource({ uri: 'spotify://me/now-playing' });
  });

  it('hides resources and prompts the policy no longer allows', async () => {
    const changed = new Promise<void>((resolve) => promptListWaiters.push(resolve));
    const control = await env.control();
    const id = env.host.assistants.list().find((c) => c.name === 'Resource assistant')!.assistantId;
    await send(control, {
      op: 'assistant.policy',
      assistantId: id,
      policy: { groups: ['read'], providers: ['spotify', 'tidal'], paused: false },
    });
    await changed;
    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => p.name)).not.toContain('playlist_from_top_tracks');
    expect(prompts.map((p) => p.name)).toContain('describe_my_taste');
  });
});
