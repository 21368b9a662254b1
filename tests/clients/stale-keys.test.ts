import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../helpers/test-host.js';
import { send } from '../../broker-client/send-operation.js';

/**
 * Connecting a client again retires the key TuneBridge wrote into it before, and only that one:
 * an assistant the person named "Claude Desktop" themselves is theirs to keep.
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
    const handMade = await env.issueAssistant('Claude Desktop');
    const control = await env.control();
    const { connected: first } = await send(control, {
      op: 'assistant.connect',
      mcpClient: 'claude-desktop',
    });
    const { connected: second } = await send(control, {
      op: 'assistant.connect',
      mcpClient: 'claude-desktop',
    });
    const status = env.host.controller.status();
    const byId = new Map(status.assistants.map((client) => [client.assistantId, client]));
    expect(byId.get(handMade.assistant.assistantId)?.revoked).toBe(false);
    expect(second.assistant.assistantId).toBe(first.assistant.assistantId);
    expect(byId.get(second.assistant.assistantId)?.revoked).toBe(false);
    expect(byId.get(second.assistant.assistantId)?.name).toBe('Claude Desktop (2)');
    expect(status.assistants.filter((assistant) => !assistant.revoked)).toHaveLength(2);
  });
});
