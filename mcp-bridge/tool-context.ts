import type { z } from 'zod';
import type { HostSession } from './host-session.js';
import type { ToolContext, ToolDefinition, ToolResult } from './tools/define-tool.js';
import { ToolError } from './tools/tool-error.js';

/** What a tool may reach while it runs: the host, with a capability for the scopes it declares. */
export function toolContextFor(tool: ToolDefinition, session: HostSession): ToolContext {
  return {
    api: (request) => session.callApi(tool.provider, tool.scopes, request),
    doctor: (provider) => session.doctor(provider),
    openLink: (provider, kind, itemId) => session.openLink(provider, kind, itemId),
    apiFor: (provider, scopes, request) => {
      const declared = provider === tool.provider ? tool.scopes : tool.otherProviders?.[provider];
      if (!declared || !scopes.every((scope) => declared.includes(scope))) {
        throw new ToolError('undeclared_scope', `${tool.name} did not declare ${provider} access.`);
      }
      return session.callApi(provider, scopes, request);
    },
  };
}

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
      return tool.run(parsed, toolContextFor(tool as unknown as ToolDefinition, session));
    },
  };
}
