import * as z from 'zod';
import { AssistantPolicy } from './policy.js';

/** The MCP clients whose config TuneBridge can write for the person. */
export const McpClientId = z.enum([
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'windsurf',
  'gemini-cli',
  'codex-cli',
  'zed',
  'lm-studio',
]);
export type McpClientId = z.infer<typeof McpClientId>;

export const McpServerEntry = z.object({
  command: z.string(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()),
});
export type McpServerEntry = z.infer<typeof McpServerEntry>;

export const AssistantSummary = z.object({
  assistantId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().optional(),
  revoked: z.boolean(),
  policy: AssistantPolicy,
});
export type AssistantSummary = z.infer<typeof AssistantSummary>;
