import type { z } from 'zod';
import type { HostSession } from './host-session.js';
import { contextFor } from './invoke-tool.js';
import type { ToolDefinition, ToolResult } from './tools/define-tool.js';

/**
 * What resources and prompts build on: a tool's own logic, run with that tool's scopes, so a
 * resource reads exactly what the tool would and is allowed exactly when the tool is.
 */
export interface BridgeContext {
  /** For a resource about TuneBridge itself rather than a provider: ask the host directly. */
  session: HostSession;
  run<Input extends z.ZodObject, Output extends z.ZodObject>(
    tool: ToolDefinition<Input, Output>,
    input: z.input<Input>,
  ): Promise<ToolResult<z.infer<Output>>>;
}

export function bridgeContextFor(session: HostSession): BridgeContext {
  return {
    session,
    async run(tool, input) {
      const parsed = tool.input.parse(input);
      return tool.run(parsed, contextFor(tool as unknown as ToolDefinition, session));
    },
  };
}
