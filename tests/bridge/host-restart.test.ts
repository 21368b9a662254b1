import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantPolicy } from '../../protocol/policy.js';
import { connectMcpClient, type McpClient } from '../helpers/mcp-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const ASK: AssistantPolicy = {
  groups: ['read', 'playback'],
  providers: ['spotify'],
  paused: false,
  askBeforeChanges: true,
};

/**
 * A stand-in on the broker socket that drops every connection, as a host going away does. It
 * resolves `tried` at the first connection, so a test knows the bridge has looked for the host
 * while it was down.
 */
async function standIn(socketPath: string) {
  let seen: () => void = () => undefined;
  const tried = new Promise<void>((resolve) => (seen = resolve));
  const server = createServer((socket) => {
    socket.destroy();
    seen();
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    tried,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socketPath, { force: true });
    },
  };
}

/**
 * TuneBridge restarts (an update, a crash) while an assistant works: the real bridge over stdio
 * waits for the host to come back and answers a read then; a change it had already sent is not
 * sent again, and its answer says the change may or may not have been made.
 */
describe('a call made while TuneBridge restarts', () => {
  let env: TestHost;
  let bridge: McpClient;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const issued = await env.issueAssistant('Restart assistant');
    await env.host.controller.setPolicy(issued.assistant.assistantId, ASK);
    bridge = await connectMcpClient(issued.entry, { name: 'restart-test' });
    const first = await bridge.callTool('spotify_get_playback', {});
    expect(first.isError).toBe(false);
  });
  afterAll(async () => {
    await bridge?.close();
    await env?.stop();
  });

  it('answers a read made while the host is down, once the host is back', async () => {
    let answer: ReturnType<McpClient['callTool']> | undefined;
    await env.restart(async () => {
      const down = await standIn(env.paths.brokerSocket);
      answer = bridge.callTool('spotify_get_playback', {});
      await down.tried;
      await down.close();
    });
    const result = await answer;
    expect(result?.isError).toBe(false);
    expect(result?.text).not.toMatch(/not running|closed/i);
  });

  it('does not send a change again that was sent before the host went away', async () => {
    const asked = new Promise<void>((resolve) =>
      env.host.events.once('approval.requested', () => resolve()),
    );
    const answer = bridge.callTool('spotify_pause', {});
    await asked;
    await env.restart();
    const result = await answer;
    expect(result.isError).toBe(true);
    expect(result.text).toContain('may or may not have been made');
    // Had the bridge sent the pause again, the new host would be asking about it now.
    expect(env.host.controller.pendingApprovals()).toEqual([]);
  });
});
