import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantPolicy } from '../../protocol/policy.js';
import { runCli } from '../helpers/cli-process.js';
import { callTool, connectMcpClient, type McpClient } from '../helpers/mcp-client.js';
import { startTestHost, type TestHost } from '../helpers/test-host.js';

const ASK: AssistantPolicy = {
  groups: ['read', 'playback'],
  providers: ['spotify'],
  paused: false,
  askBeforeChanges: true,
};

/**
 * "Ask before changes" with no window: an MCP client that declared elicitation gets the question
 * in the chat (accept lets the change through, decline refuses it, both audited with the
 * channel); a client without it waits for `tunebridge approve <id>` from the command line.
 */
describe('ask before changes, answered in the chat or the terminal', () => {
  let env: TestHost;
  let chat: Client;
  let plain: McpClient;
  let reply: ElicitResult['action'] = 'accept';
  let initial: number | undefined;
  let receipt = '';
  const asked: string[] = [];
  const volume = () =>
    env.sandbox.spotify
      .state()
      .devices.find((d) => d.key === env.sandbox.spotify.state().playback.deviceKey)?.volumePercent;

  beforeAll(async () => {
    env = await startTestHost();
    await env.login('spotify');
    const withChat = await env.issueAssistant('Chatty assistant');
    const withoutChat = await env.issueAssistant('Plain assistant');
    await env.host.controller.setPolicy(withChat.assistant.assistantId, ASK);
    await env.host.controller.setPolicy(withoutChat.assistant.assistantId, ASK);

    const transport = new StdioClientTransport({
      command: withChat.entry.command,
      args: withChat.entry.args,
      env: withChat.entry.env,
      cwd: '/',
      stderr: 'pipe',
    });
    chat = new Client(
      { name: 'chat-client', version: '1.0.0' },
      { capabilities: { elicitation: {} } },
    );
    chat.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request.params.message);
      return { action: reply, ...(reply === 'accept' ? { content: {} } : {}) };
    });
    await chat.connect(transport);
    await chat.listTools();
    plain = await connectMcpClient(withoutChat.entry, { name: 'plain-client' });
  });
  afterAll(async () => {
    await chat?.close();
    await plain?.close();
    await env?.stop();
  });

  const lastApiCall = async () =>
    (await env.host.controller.queryAudit({ kind: 'api.call', limit: 1 }))[0];

  it('asks in the chat; accepting lets the change through, audited with the channel', async () => {
    reply = 'accept';
    initial = volume();
    expect(initial).not.toBe(33);
    const result = await callTool<{ receipts?: string[] }>(chat, 'spotify_set_volume', {
      volume_percent: 33,
    });
    expect(result.isError).toBe(false);
    receipt = result.structured.receipts?.[0] ?? '';
    expect(volume()).toBe(33);
    expect(asked.at(-1)).toMatch(
      /^Chatty assistant wants to make a change through TuneBridge: Set volume to 33 on Spotify\. Allow it\?$/,
    );
    const record = await lastApiCall();
    expect(record).toMatchObject({ path: '/v1/me/player/volume', outcome: 'ok' });
    expect(record?.message).toBe('Allowed by the person in the chat (Ask before changes)');
  });

  it('asks before an undo too, and the accepted undo puts the volume back', async () => {
    reply = 'accept';
    const undo = await callTool(chat, 'undo', { receipt });
    expect(undo.isError, undo.text).toBe(false);
    expect(asked.at(-1)).toMatch(
      /^Chatty assistant wants to undo a change through TuneBridge: Set volume/,
    );
    expect(volume()).toBe(initial);
  });

  it('declining in the chat refuses the change, and it is audited', async () => {
    reply = 'decline';
    const result = await callTool(chat, 'spotify_set_volume', { volume_percent: 44 });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/declined/);
    expect(volume()).toBe(initial);
    const record = await lastApiCall();
    expect(record).toMatchObject({ path: '/v1/me/player/volume', outcome: 'refused' });
    expect(record?.message).toMatch(/\(Answered in the chat\.\)$/);
    expect(env.host.controller.pendingApprovals()).toEqual([]);
  });

  it('without elicitation, `tunebridge approve <id>` lets it through', async () => {
    const cliEnv = { ...process.env, TUNEBRIDGE_HOME: env.home };
    const pending = new Promise<string>((resolve) =>
      env.host.events.once('approval.requested', (approval) => resolve(approval.id)),
    );
    const call = plain.callTool('spotify_set_volume', { volume_percent: 55 });
    const id = await pending;
    const listed = await runCli(['approvals'], cliEnv);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain(`tunebridge approve ${id}`);
    const approved = await runCli(['approve', id], cliEnv);
    expect(approved.code).toBe(0);
    const result = await call;
    expect(result.isError).toBe(false);
    expect(volume()).toBe(55);
    expect((await lastApiCall())?.message).toBe(
      'Allowed by the person on the command line (Ask before changes)',
    );
  });

  it('`tunebridge deny <id>` refuses it; a second answer finds nothing waiting', async () => {
    const cliEnv = { ...process.env, TUNEBRIDGE_HOME: env.home };
    const pending = new Promise<string>((resolve) =>
      env.host.events.once('approval.requested', (approval) => resolve(approval.id)),
    );
    const call = plain.callTool('spotify_set_volume', { volume_percent: 66 });
    const id = await pending;
    expect((await runCli(['deny', id], cliEnv)).code).toBe(0);
    const result = await call;
    expect(result.isError).toBe(true);
    expect(volume()).toBe(55);
    const late = await runCli(['approve', id], cliEnv);
    expect(late.code).not.toBe(0);
    expect(late.stderr).toMatch(/No change waits under that id/);
  });
});
