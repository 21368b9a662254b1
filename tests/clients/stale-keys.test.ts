import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

/**
 * Connecting a client again gives the same assistant a new key, retiring only the key TuneBridge
 * wrote into it before: an assistant the person named "Claude Desktop" themselves is theirs to
 * keep, and the connected one gets a name of its own.
 */
describe('retiring old keys on reconnect', () => {
  let env: TestHost;
  let home: string;
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'tb-stale-'));
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, '.config');
    env = await startTestHost();
  });
  afterAll(async () => {
    await env?.stop();
    process.env.HOME = saved.HOME;
    process.env.XDG_CONFIG_HOME = saved.XDG_CONFIG_HOME;
    await rm(home, { recursive: true, force: true });
  });

  it('keeps the connected assistant with a new key, and leaves a hand-made namesake', async () => {
    const handMade = await env.issueClient('Claude Desktop');
    const control = await env.control();
    const first = await control.request({ type: 'client.connect', mcpClient: 'claude-desktop' });
    const second = await control.request({ type: 'client.connect', mcpClient: 'claude-desktop' });
    if (first.type !== 'client.connected' || second.type !== 'client.connected') {
      throw new Error('connect did not answer client.connected');
    }
    const status = env.host.controller.status();
    const byId = new Map(status.clients.map((client) => [client.clientId, client]));
    expect(byId.get(handMade.client.clientId)?.revoked).toBe(false);
    expect(second.client.clientId).toBe(first.client.clientId);
    expect(byId.get(second.client.clientId)?.revoked).toBe(false);
    expect(byId.get(second.client.clientId)?.name).toBe('Claude Desktop (2)');
    expect(status.clients.filter((client) => !client.revoked)).toHaveLength(2);
  });
});
