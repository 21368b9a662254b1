import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { annotationsFor, type ToolDefinition } from './tools/define-tool.js';
import { withReceiptsField } from './tool-receipts.js';

export const BRIDGE_NAME = 'tunebridge';
export const BRIDGE_INSTRUCTIONS =
  'TuneBridge gives access to the person’s music accounts through scoped, audited tools. Spotify URIs returned by one tool can be passed to the others.';
export const BRIDGE_CAPABILITIES: ServerCapabilities = {
  tools: { listChanged: true },
  // The recent-receipts resource (resources/recent-receipts.ts).
  resources: {},
};

/**
 * Everything the bridge says before any tool runs. Written to dist/ at build time so a starting
 * bridge can answer `initialize` and `tools/list` without loading zod or the MCP SDK; the SDK
 * server builds its answers from this same function, so the two can't disagree.
 */
export interface BridgeManifest {
  serverInfo: { name: string; version: string };
  instructions: string;
  capabilities: ServerCapabilities;
  latestProtocolVersion: string;
  supportedProtocolVersions: string[];
  tools: Tool[];
}

export function describeBridge(version: string, tools: readonly ToolDefinition[]): BridgeManifest {
  return {
    serverInfo: { name: BRIDGE_NAME, version },
    instructions: BRIDGE_INSTRUCTIONS,
    capabilities: BRIDGE_CAPABILITIES,
    latestProtocolVersion: LATEST_PROTOCOL_VERSION,
    supportedProtocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
    tools: tools.map(describeTool),
  };
}

function describeTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: z.toJSONSchema(tool.input, { io: 'input' }) as Tool['inputSchema'],
    outputSchema: withReceiptsField(z.toJSONSchema(tool.output) as Tool['outputSchema'], tool.kind),
    annotations: annotationsFor(tool),
  };
}
