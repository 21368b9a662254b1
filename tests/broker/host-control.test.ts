import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSISTANT_POLICY } from '../../protocol/policy.js';
import { BrokerClientError, type BrokerClient } from '../../broker-client/broker-client.js';
import { getThroughBroker, startTestHost, type TestHost } from '../helpers/test-host.js';
import { send } from '../../broker-client/send-operation.js';

async function refusal(promise: Promise<unknown>): Promise<BrokerClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BrokerClientError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** What the person does from the CLI, tray or window takes effect on the very next call. */
describe('host control', () => {
  let env: TestHost;
  let control: BrokerClient;
  let bridge: BrokerClient;
  let assistantId: string;
  let capability: string;

  beforeEach(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const issued = await env.issueAssistant('Assistant under control');
    assistantId = issued.assistant.assistantId;
    bridge = await env.bridge(issued.assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');
    capability = grant.token;
    control = await env.control();
  });
  afterEach(() => env?.stop());

  const callWith = (token: string) =>
    bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: token,
      method: 'GET',
      path: '/v1/search',
      query: { q: 'a', type: 'track' },
    });

  it('revoking an assistant cuts its bridges off and its key stops working', async () => {
    const closed = new Promise<void>((resolve) => bridge.onClose(resolve));
    await send(control, { op: 'assistant.revoke', assistantId });
    await closed;
    const { status } = await send(control, { op: 'status' });
    expect(status.assistants.find((c) => c.assistantId === assistantId)?.revoked).toBe(true);
    const [audit] = await env.host.audit.query({ kind: 'assistant.revoked' });
    expect(audit?.assistantId).toBe(assistantId);
  });

  it('a policy change kills capabilities already handed out', async () => {
    await send(control, {
      op: 'assistant.policy',
      assistantId,
      policy: { ...DEFAULT_ASSISTANT_POLICY, groups: ['read', 'playback'] },
    });
    expect((await refusal(callWith(capability))).code).toBe('capability_invalid');
    // A fresh capability under the new policy works, and may now carry playback scopes.
    const answer = await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' }, [
      'user-modify-playback-state',
    ]);
    expect(answer.status).toBe(200);
  });

  it('pausing everyone refuses the next call and resuming restores access', async () => {
    await send(control, { op: 'pause.all', paused: true });
    const paused = await refusal(callWith(capability));
    expect(paused.code).toBe('assistant_paused');
    expect(paused.message).toMatch(/paused in TuneBridge/);

    await send(control, { op: 'pause.all', paused: false });
    const answer = await getThroughBroker(bridge, '/v1/search', { q: 'a', type: 'track' });
    expect(answer.status).toBe(200);
  });

  it('logging out erases the tokens and refuses calls until the next login', async () => {
    await send(control, { op: 'logout', provider: 'spotify' });
    expect(env.host.accounts.summary('spotify').status).toBe('disconnected');
    expect((await refusal(callWith(capability))).code).toBe('capability_invalid');
    const again = await refusal(
      bridge.request({ type: 'capability.request', provider: 'spotify', scopes: [] }),
    );
    expect(again.code).toBe('provider_not_connected');
    const [logout] = await env.host.audit.query({ kind: 'logout' });
    expect(logout?.message).toMatch(/erased its tokens/);
  });

  it('answers audit queries for the control connection only', async () => {
    const answer = await send(control, { op: 'audit.query', query: { kind: 'login' } });
    expect(answer.records.length).toBeGreaterThan(0);
    const denied = await refusal(
      bridge.request({ type: 'operation', request: { op: 'audit.query', query: {} } }),
    );
    expect(denied.code).toBe('not_authenticated');
  });
});
