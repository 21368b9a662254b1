import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createBridgeServer } from '../../mcp-bridge/bridge-server.js';
import type { ApiRequest, ApiResponse, HostSession } from '../../mcp-bridge/host-session.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import type { ProviderId } from '../../protocol/providers.js';

export type Answer = (provider: ProviderId, request: ApiRequest) => ApiResponse;

export interface ScriptedBridge {
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** What the bridge asked the host to write to the audit log, in order. */
  audited: Array<{ tool: string; summary: string; outcome: string }>;
  close(): Promise<void>;
}

/**
 * The real bridge server and tools, over MCP in memory, with the host's side replaced by a
 * script that answers each provider request: for tests of what the tools make of answers the
 * sandbox never gives (a wrong type, another item's id, every shape a spec allows).
 */
export async function scriptedBridge(answer: Answer): Promise<ScriptedBridge> {
  const audited: ScriptedBridge['audited'] = [];
  const session = {
    callApi: (provider: ProviderId, _scopes: readonly string[], request: ApiRequest) =>
      Promise.resolve(answer(provider, request)),
    doctor: () => Promise.reject(new Error('no doctor in scripted tests')),
    openLink: (_provider: ProviderId, kind: string, itemId: string) =>
      Promise.resolve({ url: `https://tidal.com/browse/${kind}/${itemId}`, opened: false }),
    recordTool: (record: { tool: string; summary: string; outcome: string }) => {
      audited.push(record);
    },
    follow: () => undefined,
    close: () => undefined,
  } as unknown as HostSession;
  const { server } = createBridgeServer({
    version: 'test',
    tools: TOOLS,
    session,
    // Every tool listed: these tests run each one, whatever a policy would allow.
    visibleNames: (items) => items.map((item) => item.name),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'scripted', version: '1' });
  await client.connect(clientSide);
  return {
    audited,
    call: async (name, args = {}) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
