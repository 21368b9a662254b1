import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import * as z from 'zod';
import { HostSession } from '../../mcp-bridge/host-session.js';
import { callTool, failure } from '../../mcp-bridge/invoke-tool.js';
import { withReceiptsField } from '../../mcp-bridge/tool-receipts.js';
import type { ToolDefinition } from '../../mcp-bridge/tools/define-tool.js';
import { TOOLS } from '../../mcp-bridge/tools/index.js';
import { VERSION } from '../../protocol/version.js';
import type { ToolAnswer } from './mcp-client.js';

export interface InMemoryBridge {
  /** Calls a tool as `tools/call` would, and checks the answer as an MCP client does. */
  call<S = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<ToolAnswer<S>>;
  close(): void;
}

/**
 * The bridge's tools run in the test process: the bridge's own input check, tool code, host
 * session (capabilities and api.call over the host's real broker socket) and audit record, then
 * the output-schema check the MCP SDK client makes. Only the bridge process and stdio are left
 * out, so a test file pays for neither; one stdio test per provider keeps those covered.
 */
export function inMemoryBridge(options: {
  /** The in-process host's broker socket (`TestHost.paths.brokerSocket`). */
  socketPath: string;
  assistantKey: string;
  tools?: readonly ToolDefinition[];
}): InMemoryBridge {
  const tools = options.tools ?? TOOLS;
  const session = new HostSession({
    socketPath: options.socketPath,
    assistantKey: options.assistantKey,
    // As the stdio bridge introduces itself (bridge-runtime.ts).
    client: { name: 'tunebridge-bridge', version: VERSION },
  });
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const ajv = new AjvJsonSchemaValidator();
  // tools/list leaves output schemas out; each tool's own (plus receipts) is what it promises.
  const outputChecks = new Map(
    tools.map((tool) => [
      tool.name,
      ajv.getValidator<unknown>(
        withReceiptsField(z.toJSONSchema(tool.output) as never, tool.kind) as JsonSchemaType,
      ),
    ]),
  );

  return {
    async call<S>(name: string, args: Record<string, unknown> = {}) {
      const tool = byName.get(name);
      const raw = tool
        ? await callTool(tool, args, session)
        : failure(`There is no tool called "${name}".`);
      checkOutput(name, raw, outputChecks.get(name));
      const text = raw.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
      return {
        isError: raw.isError === true,
        text,
        structured: (raw.structuredContent ?? {}) as S,
        raw,
      };
    },
    close: () => session.close(),
  };
}

/** What the SDK's `Client.callTool` refuses: a successful result missing or breaking its schema. */
function checkOutput(
  name: string,
  result: CallToolResult,
  check: JsonSchemaValidator<unknown> | undefined,
): void {
  if (!check || result.isError) return;
  if (!result.structuredContent) {
    throw new Error(`Tool ${name} has an output schema but did not return structured content`);
  }
  const verdict = check(result.structuredContent);
  if (!verdict.valid) {
    throw new Error(
      `Structured content of ${name} breaks its output schema: ${verdict.errorMessage}`,
    );
  }
}
