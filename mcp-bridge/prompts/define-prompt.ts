import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type { Removable } from '../resources/define-resource.js';
import type { BridgeContext } from '../tool-context.js';
import type { ToolDefinition } from '../tools/define-tool.js';

/**
 * One MCP prompt: a workflow written out for the assistant. Listed only while the assistant may
 * use every tool the workflow needs, so a read-only assistant is never offered a change.
 */
export interface PromptDefinition {
  name: string;
  /** At least one: with none it would be listed even while the assistant is paused. */
  uses: readonly [ToolDefinition, ...ToolDefinition[]];
  register(server: McpServer, context: BridgeContext): Removable;
}

export function definePrompt(definition: PromptDefinition): PromptDefinition {
  return definition;
}

/** The prompt as one user message, which is how clients put a chosen prompt into the chat. */
export function askFor(text: string): GetPromptResult {
  return { messages: [{ role: 'user', content: { type: 'text', text } }] };
}

/** Completes from a fixed list: the choices containing what was typed, any case. */
export function completeFrom(choices: readonly string[]) {
  return (typed: string | undefined): string[] => {
    const wanted = (typed ?? '').trim().toLowerCase();
    return choices.filter((choice) => choice.toLowerCase().includes(wanted));
  };
}

/** The words a person uses for Spotify's time ranges, and what the tool calls them. */
export const TIME_RANGES: Record<string, 'short_term' | 'medium_term' | 'long_term'> = {
  'last 4 weeks': 'short_term',
  'last 6 months': 'medium_term',
  'all time': 'long_term',
};
