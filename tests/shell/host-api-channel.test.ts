import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleHostApi } from '../../electron/host/host-api.js';
import { BrokerError } from '../../electron/host/broker/broker-error.js';
import { createHostApiChannel } from '../../electron/shell/host-api-channel.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

describe('host-API channel (unit)', () => {
  it.each([
    ['nothing', undefined],
    ['a string', 'status'],
    ['an unknown op', { op: 'tokens.dump' }],
    ['a bad provider', { op: 'login.start', provider: 'napster' }],
    ['an empty client name', { op: 'assistant.issue', name: '   ' }],
    ['a bad audit limit', { op: 'audit.query', query: { limit: 1e9 } }],
  ])('refuses %s with a clear error and never calls the host', async (_name, payload) => {
    const handle = vi.fn();
    const result = await createHostApiChannel({ handle })(payload);
    expect(handle).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message).toMatch(/could not understand a request/);
      expect(result.error.message).toMatch(/Nothing was changed/);
    }
  });

  it('passes the host’s typed errors through with their code', async () => {
    const handle = vi
      .fn()
      .mockRejectedValue(new BrokerError('not_found', 'There is no such assistant.'));
    const result = await createHostApiChannel({ handle })({
      op: 'assistant.revoke',
      assistantId: 'x',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no such assistant.' },
    });
  });

  it('hides unexpected errors from the window and logs them', async () => {
    const log = vi.fn();
    const handle = vi.fn().mockRejectedValue(new Error('EACCES /secret/path'));
    const result = await createHostApiChannel({ handle, log })({ op: 'status' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toContain('/secret/path');
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });
});

describe('host-API channel against a real host', () => {
  let testHost: TestHost;
  let channel: ReturnType<typeof createHostApiChannel>;

  beforeAll(async () => {
    testHost = await startTestHost();
    channel = createHostApiChannel({ handle: (request) => handleHostApi(testHost.host, request) });
  });
  afterAll(async () => {
    await testHost.stop();
  });

  it('answers status', async () => {
    const result = await channel({ op: 'status' });
    expect(result.ok).toBe(true);
    if (result.ok && result.response.op === 'status') {
      expect(result.response.status.sandbox).toBe(true);
      expect(result.response.status.providers.map((p) => p.provider).sort()).toEqual([
        'spotify',
        'tidal',
      ]);
    } else {
      throw new Error(`unexpected ${JSON.stringify(result)}`);
    }
  });

  it('issues a client, pauses everyone, and reports a revoke of a missing client', async () => {
    const issued = await channel({ op: 'assistant.issue', name: 'Claude Desktop' });
    expect(issued.ok && issued.response.op).toBe('assistant.issue');
    expect(await channel({ op: 'pause.all', paused: true })).toEqual({
      ok: true,
      response: { op: 'done' },
    });
    const status = await channel({ op: 'status' });
    if (!status.ok || status.response.op !== 'status') throw new Error('no status');
    expect(status.response.status.assistants.every((client) => client.policy.paused)).toBe(true);

    const missing = await channel({ op: 'assistant.revoke', assistantId: 'no-such-client' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });

  it('ignores unknown fields and never answers with a token', async () => {
    // Unknown keys are dropped by the schema, so this is just a status request.
    const result = await channel({ op: 'status', dumpTokens: true });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toMatch(/accessToken|refreshToken/);
  });
});
