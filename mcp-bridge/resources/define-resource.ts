import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { BrokerClientError } from '../../broker-client/broker-client.js';
import type { BridgeContext } from '../tool-context.js';
import type { ToolDefinition } from '../tools/define-tool.js';
import { ToolError } from '../tools/tool-error.js';

/** Something registered on the SDK server that can be taken off it again. */
export interface Removable {
  remove(): void;
}

/**
 * One MCP resource or resource template. It is built on tools and listed only while the assistant
 * may use every one of them, so the policy decides resources exactly as it decides tools.
 */
export interface ResourceDefinition {
  name: string;
  /** At least one: with none it would be listed even while the assistant is paused. */
  uses: readonly [ToolDefinition, ...ToolDefinition[]];
  register(server: McpServer, context: BridgeContext): Removable;
  /**
   * Subscribable resources: a fingerprint of what matters in the content. While a client is
   * subscribed the bridge polls it and sends `notifications/resources/updated` when it changes.
   */
  watch?: { uri: string; fingerprint(context: BridgeContext): Promise<string> };
}

export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  return definition;
}

/** A JSON document as a resource's contents, with the tool's one-line summary beside it. */
export function jsonContents(uri: URL, data: unknown): ReadResourceResult {
  return {
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(data) }],
  };
}

/**
 * Runs a read and turns TuneBridge's own failures (host not running, provider not connected,
 * not allowed) into an MCP error carrying the same sentence a tool would give.
 */
export async function explained<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ToolError || error instanceof BrokerClientError) {
      throw new McpError(ErrorCode.InternalError, error.message);
    }
    throw error;
  }
}
