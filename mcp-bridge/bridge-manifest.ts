import {
  LATEST_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  type Implementation,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { PermissionGroup, scopesAllowedBy } from '../protocol/policy.js';
import type { ToolAccess } from './tool-visibility.js';
import { SERVER_ICON, SERVICE_ICONS } from './bridge-icons.js';
import { annotationsFor, type ToolDefinition } from './tools/define-tool.js';

export const BRIDGE_NAME = 'tunebridge';
export const BRIDGE_INSTRUCTIONS =
  'TuneBridge gives access to the person’s music accounts through scoped, audited tools. Spotify URIs returned by one tool can be passed to the others.';
export const BRIDGE_CAPABILITIES: ServerCapabilities = {
  tools: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  prompts: { listChanged: true },
  completions: {},
};

/**
 * Everything the bridge says before any tool runs. Written to dist/ at build time so a starting
 * bridge can answer `initialize` and `tools/list` without loading zod or the MCP SDK; the SDK
 * server builds its answers from this same function, so the two can't disagree.
 */
export interface BridgeManifest {
  serverInfo: Implementation;
  instructions: string;
  capabilities: ServerCapabilities;
  latestProtocolVersion: string;
  supportedProtocolVersions: string[];
  tools: Tool[];
  /** What decides who sees each tool, so the fast start can filter without the tool table. */
  access: ToolAccess[];
}

export function describeBridge(version: string, tools: readonly ToolDefinition[]): BridgeManifest {
  return {
    serverInfo: { name: BRIDGE_NAME, title: 'TuneBridge', version, icons: [SERVER_ICON] },
    instructions: BRIDGE_INSTRUCTIONS,
    capabilities: BRIDGE_CAPABILITIES,
    latestProtocolVersion: LATEST_PROTOCOL_VERSION,
    supportedProtocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
    tools: tools.map(describeTool),
    access: tools.map(toolAccess),
  };
}

export function toolAccess(tool: ToolDefinition): ToolAccess {
  let coveredBy = 0;
  for (let index = 0; index < 16; index++) {
    // Bit n of a set's number is PermissionGroup.options[n], as in tool-visibility.ts.
    const groups = PermissionGroup.options.filter((_, bit) => index & (1 << bit));
    const allowed = scopesAllowedBy(tool.provider, groups);
    const covered = tool.scopes.every((scope) => allowed.has(scope));
    if (covered && (tool.visibleWith?.(groups) ?? true)) coveredBy |= 1 << index;
  }
  return { name: tool.name, provider: tool.provider, readOnly: tool.kind === 'read', coveredBy };
}

/**
 * A tool as `tools/list` shows it. Output schemas are left out: they were most of the list's
 * size (a read-only assistant's list was 39 KB with them), and results still carry
 * `structuredContent` with the shape each tool's file declares.
 */
function describeTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: compactSchema(z.toJSONSchema(tool.input, { io: 'input' })) as Tool['inputSchema'],
    annotations: annotationsFor(tool),
    icons: [SERVICE_ICONS[tool.otherProviders ? 'cross-service' : tool.provider]],
  };
}

/** Drops what zod adds that tells a client nothing: `$schema`, and ±2^53 bounds on integers. */
function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    compact[key] = compactSchema(value);
  }
  return compact;
}
