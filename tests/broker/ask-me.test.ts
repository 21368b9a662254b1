import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrokerClientError, type BrokerClient } from '../../broker-client/broker-client.js';
import { HostEvent } from '../../protocol/host-api.js';
import type { AssistantPolicy } from '../../protocol/policy.js';
import { handleHostApi, subscribeHostEvents } from '../../electron/host/host-api.js';
import type { PendingApproval } from '../../electron/host/host-controller.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const ASK: AssistantPolicy = {
  groups: ['read', 'playback'],
  providers: ['spotify', 'tidal'],
  paused: false,
  askBeforeChanges: true,
};

/**
 * The "ask me" mode through the real broker: a change (anything but GET) waits for the
 * person's answer, which the window gives with `approval.respond`; no answer in time refuses.
 */
describe('ask before changes', () => {
  let env: TestHost;
  let assistantId: string;
  let assistantKey: string;
  let bridge: BrokerClient;
  const events: HostEvent[] = [];
  let unsubscribe: () => void;
  let answer: ((approval: PendingApproval) => void) | undefined;

  beforeAll(async () => {
    env = await startTestHost({ approvalTimeoutMs: 400 });
    await env.login('spotify');
    const issued = await env.issueAssistant('Careful assistant');
    assistantId = issued.assistant.assistantId;
    assistantKey = issued.assistantKey;
    await env.host.controller.setPolicy(assistantId, ASK);
    bridge = await env.bridge(assistantKey);
    unsubscribe = subscribeHostEvents(env.host, (event) => events.push(HostEvent.parse(event)));
    env.host.events.on('approval.requested', (approval) => answer?.(approval));
  });
  afterEach(() => {
    answer = undefined;
  });
  afterAll(async () => {
    unsubscribe?.();
    await env?.stop();
  });

  async function call(method: 'GET' | 'PUT', path: string, on = bridge) {
    const grant = await on.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['user-modify-playback-state', 'user-read-playback-state'],
    });
    if (grant.type !== 'capability') throw new Error(grant.type);
    return on.request({
      type: 'api.call',
      provider: 'spotify',
      capability: grant.token,
      method,
      path,
    });
  }
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BrokerClientError);
    return error as BrokerClientError;
  };
  const latestApiCall = async (path: string) => {
    const [record] = await env.host.controller.queryAudit({ kind: 'api.call', limit: 1 });
    expect(record?.path).toBe(path);
    return record;
  };

  it('never asks about a GET', async () => {
    let asked = 0;
    answer = () => (asked += 1);
    const result = await call('GET', '/v1/me/player');
    expect(result.type).toBe('api.result');
    expect(asked).toBe(0);
  });

  it('lets the change through when the person allows it in the window', async () => {
    answer = (approval) => {
      // The window sees the question in its status and on the event stream.
      const status = handleHostApi(env.host, { op: 'status' });
      void status.then((response) => {
        if (response.op !== 'status') throw new Error(response.op);
        expect(response.status.approvals?.map((a) => a.id)).toEqual([approval.id]);
        return handleHostApi(env.host, { op: 'approval.respond', id: approval.id, allow: true });
      });
    };
    const result = await call('PUT', '/v1/me/player/pause');
    expect(result.type).toBe('api.result');
    const requested = events.find((event) => event.event === 'approval.requested');
    expect(requested).toMatchObject({
      assistantName: 'Careful assistant',
      provider: 'spotify',
      method: 'PUT',
      path: '/v1/me/player/pause',
      summary: expect.stringContaining('Control playback') as unknown,
    });
    expect(events).toContainEqual({
      event: 'approval.settled',
      id: (requested as { id: string }).id,
      outcome: 'allowed',
    });
    const record = await latestApiCall('/v1/me/player/pause');
    expect(record?.outcome).not.toBe('refused');
    expect(record?.message).toMatch(/Allowed by the person/);
    expect(env.host.controller.pendingApprovals()).toEqual([]);
  });

  it('refuses with approval_denied when the person declines, and audits it', async () => {
    answer = (approval) => env.host.controller.respondToApproval(approval.id, false);
    const error = await refusal(call('PUT', '/v1/me/player/pause'));
    expect(error.code).toBe('approval_denied');
    expect(error.message).toMatch(/declined/);
    expect(error.message).toMatch(/“Ask before changes”/);
    const record = await latestApiCall('/v1/me/player/pause');
    expect(record).toMatchObject({ outcome: 'refused', assistantName: 'Careful assistant' });
    expect(record?.message).toMatch(/declined/);
  });

  it('refuses when nobody answers in time, and the question goes away', async () => {
    const started = Date.now();
    const error = await refusal(call('PUT', '/v1/me/player/pause'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(error.code).toBe('approval_denied');
    expect(error.message).toMatch(/in time/);
    const settled = events.filter((event) => event.event === 'approval.settled').at(-1);
    expect(settled).toMatchObject({ outcome: 'timed-out' });
    expect(env.host.controller.pendingApprovals()).toEqual([]);
    expect((await latestApiCall('/v1/me/player/pause'))?.outcome).toBe('refused');
    // A late answer is told the question is gone.
    const id = (settled as { id: string }).id;
    await expect(
      handleHostApi(env.host, { op: 'approval.respond', id, allow: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('withdraws a waiting change when the assistant is paused', async () => {
    answer = () => void env.host.controller.setPolicy(assistantId, { ...ASK, paused: true });
    const error = await refusal(call('PUT', '/v1/me/player/pause'));
    expect(error.code).toBe('approval_denied');
    expect(error.message).toMatch(/paused or revoked/);
    await env.host.controller.setPolicy(assistantId, ASK);
  });

  it('shows the person what the change touches, not only its path', async () => {
    let summary = '';
    answer = (approval) => {
      summary = approval.summary;
      env.host.controller.respondToApproval(approval.id, false);
    };
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: ['user-modify-playback-state'],
    });
    if (grant.type !== 'capability') throw new Error(grant.type);
    const uris = ['1', '2', '3', '4'].map((n) => `spotify:track:${n.repeat(22)}`);
    await refusal(
      bridge.request({
        type: 'api.call',
        provider: 'spotify',
        capability: grant.token,
        method: 'PUT',
        path: '/v1/me/player/play',
        body: { uris },
      }),
    );
    expect(summary).toContain(`4 items: ${uris.slice(0, 3).join(', ')} and 1 more`);
  });

  it('does not ask once “Ask before changes” is off', async () => {
    await env.host.controller.setPolicy(assistantId, { ...ASK, askBeforeChanges: false });
    let asked = 0;
    answer = () => (asked += 1);
    const result = await call('PUT', '/v1/me/player/pause');
    expect(result.type).toBe('api.result');
    expect(asked).toBe(0);
  });
});
