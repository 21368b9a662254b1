import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BrokerClientError } from '../../broker-client/broker-client.js';
import type { ApiRequest } from '../../mcp-bridge/host-session.js';
import { contextFor, invokeTool, type ToolHost } from '../../mcp-bridge/invoke-tool.js';
import { defineTool, type ToolContext } from '../../mcp-bridge/tools/define-tool.js';
import type { ProviderId } from '../../protocol/providers.js';

interface Sent {
  provider: ProviderId;
  scopes: readonly string[];
  request: ApiRequest;
}

/** A host that answers every call with 200 and keeps what it was asked, for the rules below. */
function recordingHost(): ToolHost & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    callApi: (provider, scopes, request) => {
      sent.push({ provider, scopes, request });
      return Promise.resolve({ status: 200, body: {} });
    },
    doctor: () => Promise.reject(new Error('no doctor here')),
    openLink: () => Promise.reject(new Error('no opener here')),
    receipts: {
      undo: () => Promise.reject(new Error('no receipts here')),
      list: () => Promise.resolve([]),
    },
  };
}

const copyTool = (run: (context: ToolContext) => Promise<void>) =>
  defineTool({
    name: 'test_copy',
    title: 'Copy',
    description: 'A tool for these tests.',
    provider: 'spotify',
    scopes: ['playlist-read-private'],
    otherProviders: { tidal: ['playlists.read'] },
    kind: 'read',
    idempotent: true,
    input: z.object({ count: z.number().int().min(1) }),
    output: z.object({ done: z.boolean() }),
    async run(_input, context) {
      await run(context);
      return { structured: { done: true }, text: 'Done.' };
    },
  });

describe('invokeTool and contextFor: the bridge’s path into a tool', () => {
  it('refuses invalid input before the tool runs, naming the field', async () => {
    let ran = false;
    const tool = copyTool(() => {
      ran = true;
      return Promise.resolve();
    });
    const outcome = await invokeTool(tool, { count: 0 }, contextFor(tool, recordingHost()));
    expect(outcome.kind).toBe('invalid_input');
    expect(outcome.text).toMatch(/^The input for test_copy is not valid — count: /);
    expect(ran).toBe(false);
  });

  it('calls the tool’s provider with its scopes, and others only within what it declared', async () => {
    const host = recordingHost();
    const tool = copyTool(async (context) => {
      await context.api({ method: 'GET', path: '/v1/me/playlists' });
      await context.apiFor('tidal', ['playlists.read'], { method: 'GET', path: '/v2/playlists' });
    });
    const outcome = await invokeTool(tool, { count: 1 }, contextFor(tool, host));
    expect(outcome).toEqual({ kind: 'ok', text: 'Done.', structured: { done: true } });
    expect(host.sent.map((s) => [s.provider, s.scopes])).toEqual([
      ['spotify', ['playlist-read-private']],
      ['tidal', ['playlists.read']],
    ]);

    const greedy = copyTool(async (context) => {
      await context.apiFor('tidal', ['playlists.write'], { method: 'GET', path: '/v2/playlists' });
    });
    const refused = await invokeTool(greedy, { count: 1 }, contextFor(greedy, host));
    expect(refused).toEqual({
      kind: 'error',
      text: 'test_copy did not declare tidal access.',
      audit: 'test_copy did not declare tidal access.',
    });
    expect(host.sent).toHaveLength(2);
  });

  it('tells a host refusal from a failure, and never leaks an unexpected error', async () => {
    const refusing = copyTool(() =>
      Promise.reject(new BrokerClientError('scope_not_allowed', 'Switch on Change playlists.')),
    );
    expect(await invokeTool(refusing, { count: 1 }, contextFor(refusing, recordingHost()))).toEqual(
      {
        kind: 'refused',
        text: 'Switch on Change playlists.',
        audit: 'Switch on Change playlists.',
      },
    );
    const broken = copyTool(() => Promise.reject(new Error('secret internals')));
    const outcome = await invokeTool(broken, { count: 1 }, contextFor(broken, recordingHost()));
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toMatch(/failed unexpectedly inside TuneBridge/);
    expect(outcome.text).not.toContain('secret internals');
    expect(outcome.kind === 'error' && outcome.audit).not.toContain('secret internals');
  });
});
