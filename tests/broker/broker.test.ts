import { stat } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_PROTOCOL_VERSION, MAX_FRAME_BYTES } from '../../protocol/broker.js';
import { BrokerClientError, type BrokerClient } from '../../broker-client/broker-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/** What a raw peer sees: every frame the host sent, and whether it hung up. */
interface RawPeer {
  socket: Socket;
  frames: Array<Record<string, unknown>>;
  closed: Promise<void>;
}

function rawPeer(socketPath: string): Promise<RawPeer> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    const frames: Array<Record<string, unknown>> = [];
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) !== -1) {
        frames.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
        buffered = buffered.slice(newline + 1);
      }
    });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('connect', () => resolve({ socket, frames, closed }));
    socket.once('error', reject);
  });
}

async function rejection(promise: Promise<unknown>): Promise<BrokerClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BrokerClientError) return error;
    throw error;
  }
  throw new Error('expected the broker to refuse');
}

describe('broker', () => {
  let env: TestHost;
  let assistantKey: string;
  let bridge: BrokerClient;

  beforeAll(async () => {
    env = await startTestHost({ capabilityTtlMs: 400 });
    await env.login('spotify');
    assistantKey = (await env.issueAssistant('Well-behaved assistant')).assistantKey;
    bridge = await env.bridge(assistantKey);
  });
  afterAll(() => env?.stop());

  async function capability(scopes: string[]): Promise<string> {
    const answer = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes,
    });
    if (answer.type !== 'capability') throw new Error(`unexpected ${answer.type}`);
    return answer.token;
  }

  async function search(token: string) {
    return bridge.request({
      type: 'api.call',
      provider: 'spotify',
      capability: token,
      method: 'GET',
      path: '/v1/search',
      query: { q: env.sandbox.spotify.sampleQuery, type: 'track', limit: '3' },
    });
  }

  it('keeps its socket 0600 inside a 0700 directory', async () => {
    expect((await stat(env.paths.brokerSocket)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(env.paths.brokerSocket))).mode & 0o777).toBe(0o700);
  });

  it('answers an in-scope call with the provider’s data and no token', async () => {
    const answer = await search(await capability([]));
    expect(answer.type).toBe('api.result');
    if (answer.type !== 'api.result') return;
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer)).not.toMatch(/access_token|Bearer/);
    for (const token of env.sandbox.spotify.issuedTokens())
      expect(JSON.stringify(answer)).not.toContain(token);
  });

  it.each([
    ['a line that is not JSON', 'this is not json\n', 'bad_frame'],
    ['JSON that is not a broker message', '{"type":"launch-missiles","id":1}\n', 'bad_frame'],
    ['a frame over the size limit', `"${'x'.repeat(MAX_FRAME_BYTES + 10)}`, 'frame_too_large'],
    [
      'a call before hello',
      `${JSON.stringify({ type: 'capability.request', id: 1, provider: 'spotify', scopes: [] })}\n`,
      'not_authenticated',
    ],
    [
      'a hello with a wrong client key',
      `${JSON.stringify({
        type: 'hello',
        id: 1,
        protocol: BROKER_PROTOCOL_VERSION,
        assistantKey: 'tbk_not-a-real-key',
        mcpClient: { name: 'intruder', version: '1' },
      })}\n`,
      'unauthorized',
    ],
  ])('closes the connection that sends %s, and only that one', async (_, bytes, code) => {
    const peer = await rawPeer(env.paths.brokerSocket);
    peer.socket.write(bytes);
    await peer.closed;
    expect(peer.frames.at(-1)).toMatchObject({ type: 'error', code });
    expect(String(peer.frames.at(-1)?.message)).not.toMatch(/tbk_not-a-real-key/);

    // The well-behaved bridge on its own connection carries on as if nothing happened.
    const answer = await search(await capability([]));
    expect(answer.type).toBe('api.result');
  });

  it('audits a wrong client key as a refused authentication', async () => {
    const refusals = await env.host.audit.query({ kind: 'broker.auth', outcome: 'refused' });
    expect(refusals.length).toBeGreaterThan(0);
    expect(JSON.stringify(refusals)).not.toContain('tbk_not-a-real-key');
  });

  it('refuses a capability the assistant’s policy does not allow, naming the switch', async () => {
    const error = await rejection(
      bridge.request({
        type: 'capability.request',
        provider: 'spotify',
        scopes: ['user-modify-playback-state'],
      }),
    );
    expect(error.code).toBe('scope_not_allowed');
    expect(error.message).toMatch(/Control playback/);
  });

  it('refuses an endpoint outside the reviewed table', async () => {
    const error = await rejection(
      bridge.request({
        type: 'api.call',
        provider: 'spotify',
        capability: await capability([]),
        method: 'DELETE',
        path: '/v1/me/tracks',
      }),
    );
    expect(error.code).toBe('endpoint_not_allowed');
  });

  it('refuses an endpoint whose scope the capability does not carry', async () => {
    const error = await rejection(
      bridge.request({
        type: 'api.call',
        provider: 'spotify',
        capability: await capability([]),
        method: 'GET',
        path: '/v1/me',
      }),
    );
    expect(error.code).toBe('scope_not_allowed');
    expect(error.message).toMatch(/user-read-private/);
  });

  it('refuses a forged capability and one issued to another assistant', async () => {
    const forged = await rejection(search('tbc_forged'));
    expect(forged.code).toBe('capability_invalid');

    const other = await env.bridge((await env.issueAssistant('Other assistant')).assistantKey);
    const theirs = await other.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (theirs.type !== 'capability') throw new Error('no capability');
    const stolen = await rejection(search(theirs.token));
    expect(stolen.code).toBe('capability_invalid');
  });

  it('refuses an expired capability and audits the refusal', async () => {
    const token = await capability([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const error = await rejection(search(token));
    expect(error.code).toBe('capability_expired');
    const [refused] = await env.host.audit.query({ kind: 'api.call', outcome: 'refused' });
    expect(refused?.message).toMatch(/expired/);
  });
});

describe('broker when the provider takes access back', () => {
  let env: TestHost;
  afterAll(() => env?.stop());

  it('marks the account “needs login” after a failed refresh and stops asking', async () => {
    env = await startTestHost();
    await env.login('spotify');
    const bridge = await env.bridge((await env.issueAssistant()).assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');

    env.sandbox.spotify.revokeAll();
    const call = () =>
      bridge.request({
        type: 'api.call',
        provider: 'spotify',
        capability: grant.token,
        method: 'GET',
        path: '/v1/search',
        query: { q: 'a', type: 'track' },
      });
    const error = await rejection(call());
    expect(error.code).toBe('needs_login');
    expect(error.message).toMatch(/log in/i);
    expect(env.host.accounts.summary('spotify').status).toBe('needs-login');

    // No loop: the host does not hammer the token endpoint once it knows the grant is gone.
    const refreshesBefore = env.sandbox.spotify.requests.filter((r) => r.path === '/api/token');
    const again = await rejection(
      bridge.request({ type: 'capability.request', provider: 'spotify', scopes: [] }),
    );
    expect(again.code).toBe('needs_login');
    const refreshesAfter = env.sandbox.spotify.requests.filter((r) => r.path === '/api/token');
    expect(refreshesAfter.length).toBe(refreshesBefore.length);
  });
});
