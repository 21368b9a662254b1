import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCatalog } from '../../sandbox/catalog/index.js';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import { BrokerClientError } from '../../broker-client/broker-client.js';
import { startTidalSession, type TidalSession } from './tidal-session.js';

const catalog = sandboxCatalog();

describe('tidal_open: the host opens a TIDAL link it builds itself', () => {
  let s: TidalSession;
  const opened: string[] = [];
  let openerWorks = true;

  beforeAll(async () => {
    s = await startTidalSession({
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve(openerWorks);
      },
    });
    // Opening the TIDAL app acts on the person's device, so it sits with playback.
    s.allow('playback');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('opens a listen.tidal.com link as a tidal.com link, and says there is no remote playback', async () => {
    const albumId = s.tidal.albumId(catalog.albums[0]?.key ?? '');
    const answer = await s.call<{ url: string; opened: boolean; kind: string }>('tidal_open', {
      item: `https://listen.tidal.com/album/${albumId}`,
    });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured).toMatchObject({
      kind: 'album',
      url: `https://tidal.com/browse/album/${albumId}`,
      opened: true,
    });
    expect(opened).toEqual([`https://tidal.com/browse/album/${albumId}`]);
    expect(answer.text).toMatch(/no remote playback control/);
  });

  it('opens an id with its kind, and gives the link when no opener starts', async () => {
    openerWorks = false;
    const trackId = s.tidal.trackId(catalog.recordings[0]?.key ?? '');
    const answer = await s.call<{ opened: boolean }>('tidal_open', {
      item: trackId,
      kind: 'track',
    });
    openerWorks = true;
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.structured.opened).toBe(false);
    expect(answer.text).toContain(
      `Open this link yourself: https://tidal.com/browse/track/${trackId}`,
    );
  });

  it('refuses what is not a TIDAL item, without asking the host', async () => {
    const before = opened.length;
    for (const args of [
      { item: '12345' },
      { item: 'https://evil.example/track/1', kind: 'track' },
      { item: 'not-a-number', kind: 'album' },
      { item: 'https://tidal.com/browse/track/1', kind: 'album' },
    ]) {
      const answer = await s.call('tidal_open', args);
      expect(answer.isError, JSON.stringify(args)).toBe(true);
      expect(answer.text).toMatch(/TIDAL/);
    }
    expect(opened).toHaveLength(before);
  });

  it('checks the policy, audits every open, and never opens a URL a bridge sends', async () => {
    const issued = await s.env.issueAssistant('Direct bridge');
    const bridge = await s.env.bridge(issued.assistantKey);
    // A new assistant is read-only: it may not put windows on the person's screen.
    await expect(
      bridge.request({ type: 'open.link', provider: 'tidal', kind: 'track', itemId: '1' }),
    ).rejects.toMatchObject({ code: 'scope_not_allowed', message: /Control playback/ });
    s.env.host.assistants.setPolicy(issued.assistant.assistantId, {
      ...DEFAULT_ASSISTANT_POLICY,
      groups: ['read', 'playback'],
    });
    const answer = await bridge.request({
      type: 'open.link',
      provider: 'tidal',
      kind: 'playlist',
      itemId: '0f8a3c1e-1111-4222-a333-444455556666',
    });
    expect(answer).toMatchObject({
      type: 'link.opened',
      url: 'https://tidal.com/browse/playlist/0f8a3c1e-1111-4222-a333-444455556666',
    });
    await expect(
      bridge.request({ type: 'open.link', provider: 'spotify', kind: 'track', itemId: '1' }),
    ).rejects.toMatchObject({ code: 'endpoint_not_allowed' });

    s.env.host.assistants.setPolicy(issued.assistant.assistantId, {
      ...DEFAULT_ASSISTANT_POLICY,
      groups: ['read', 'playback'],
      providers: ['spotify'],
    });
    const before = opened.length;
    const refused = await bridge
      .request({ type: 'open.link', provider: 'tidal', kind: 'track', itemId: '1' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BrokerClientError);
    expect((refused as BrokerClientError).message).toMatch(/TIDAL is switched off/);
    expect(opened).toHaveLength(before);

    // A URL in place of the id does not pass the contract: the frame is refused outright.
    const sneaky = await s.env.bridge((await s.env.issueAssistant('Sneaky')).assistantKey);
    await expect(
      sneaky.request({
        type: 'open.link',
        provider: 'tidal',
        kind: 'track',
        itemId: 'https://evil.example/',
      }),
    ).rejects.toBeInstanceOf(Error);
    expect(opened).toHaveLength(before);

    const records = await s.env.host.controller.queryAudit({ kind: 'tool.call', limit: 50 });
    const opens = records.filter((r) => r.tool === 'open.link');
    expect(opens.map((r) => r.outcome)).toEqual(expect.arrayContaining(['ok', 'error', 'refused']));
    expect(
      opens.find((r) => r.outcome === 'refused' && r.assistantName === 'Direct bridge'),
    ).toBeTruthy();
  });

  it('opens at most five links a minute for one assistant', async () => {
    const issued = await s.env.issueAssistant('Eager bridge');
    s.env.host.assistants.setPolicy(issued.assistant.assistantId, {
      ...DEFAULT_ASSISTANT_POLICY,
      groups: ['read', 'playback'],
    });
    const bridge = await s.env.bridge(issued.assistantKey);
    const open = () =>
      bridge.request({ type: 'open.link', provider: 'tidal', kind: 'track', itemId: '42' });
    for (let i = 0; i < 5; i += 1) await open();
    await expect(open()).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
