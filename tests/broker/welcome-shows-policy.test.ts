import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrokerClientError } from '../../broker-client/broker-client.js';
import { DEFAULT_ASSISTANT_POLICY, type AssistantPolicy } from '../../protocol/policy.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/** hello, whoami and doctor tell an assistant about the accounts only what its policy allows. */
describe('what the welcome and the doctor show an assistant', () => {
  let host: TestHost;
  let assistantId: string;
  let assistantKey: string;
  const setPolicy = (policy: Partial<AssistantPolicy>) =>
    host.host.assistants.setPolicy(assistantId, { ...DEFAULT_ASSISTANT_POLICY, ...policy });

  beforeEach(async () => {
    host = await startTestHost();
    await host.login('spotify');
    const issued = await host.issueAssistant('Policy test');
    assistantId = issued.assistant.assistantId;
    assistantKey = issued.assistantKey;
  });
  afterEach(async () => {
    await host.stop();
  });

  const welcome = async () => {
    const bridge = await host.bridge(assistantKey);
    const answer = await bridge.request({ type: 'whoami' });
    if (answer.type !== 'welcome') throw new Error(`whoami answered ${answer.type}`);
    return { bridge, providers: answer.providers };
  };

  it('shows the account, with scopes its groups cover, when the policy lets it read', async () => {
    const { providers } = await welcome();
    const spotify = providers.find((p) => p.provider === 'spotify');
    expect(spotify?.displayName).toBeDefined();
    expect(spotify?.scopes).not.toContain('user-modify-playback-state');
  });

  it('shows nothing about a provider its policy switches off', async () => {
    setPolicy({ providers: ['tidal'] });
    const { bridge, providers } = await welcome();
    expect(providers.map((p) => p.provider)).not.toContain('spotify');
    await expect(bridge.request({ type: 'doctor', provider: 'spotify' })).rejects.toMatchObject({
      code: 'scope_not_allowed',
    });
  });

  it('shows no identity to an assistant that may not read', async () => {
    setPolicy({ groups: ['playback'] });
    const { bridge, providers } = await welcome();
    const spotify = providers.find((p) => p.provider === 'spotify');
    expect(spotify?.status).toBe('connected');
    expect(spotify).not.toHaveProperty('displayName');
    expect(spotify).not.toHaveProperty('accountId');
    expect(spotify).not.toHaveProperty('country');
    expect(spotify?.scopes.every((s) => s.includes('playback'))).toBe(true);
    const doctor = await bridge.request({ type: 'doctor', provider: 'spotify' });
    if (doctor.type !== 'doctor.report') throw new Error(doctor.type);
    expect(JSON.stringify(doctor.report.account)).not.toMatch(/displayName|accountId|country/);
  });

  it('shows nothing at all while the assistant is paused', async () => {
    setPolicy({ paused: true });
    const { bridge, providers } = await welcome();
    expect(providers).toEqual([]);
    const refused = await bridge.request({ type: 'doctor', provider: 'spotify' }).catch((e) => e);
    expect(refused).toBeInstanceOf(BrokerClientError);
  });
});
