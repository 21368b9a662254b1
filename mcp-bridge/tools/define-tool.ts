import type { z } from 'zod';
import type { DoctorReport } from '../../protocol/doctor.js';
import type { OpenLinkKind } from '../../protocol/broker.js';
import type { ProviderId } from '../../protocol/providers.js';
import type { PermissionGroup } from '../../protocol/policy.js';
import type { ApiRequest, ApiResponse } from '../host-session.js';
import type { ReceiptRequests } from '../receipt-requests.js';

/** How a tool touches the person's account; MCP annotations are derived from it in one place. */
export type ToolKind = 'read' | 'write' | 'destructive';

export interface ToolContext {
  /** Calls the provider through the host with a capability for this tool's scopes. */
  api(request: ApiRequest): Promise<ApiResponse>;
  /**
   * For tools that work across services: calls `provider` with a capability for `scopes`, which
   * must be among those the tool declares for it in `otherProviders` (or `scopes`, for its own).
   */
  apiFor(
    provider: ProviderId,
    scopes: readonly string[],
    request: ApiRequest,
  ): Promise<ApiResponse>;
  /** The host's doctor report: account, scopes, token health, rate limit, gated endpoints. */
  doctor(provider: ProviderId): Promise<DoctorReport>;
  /**
   * Has the host open a TIDAL item on the person's computer (the host builds the link from the
   * kind and id and checks the policy); resolves with the link and whether an opener started.
   */
  openLink(
    provider: ProviderId,
    kind: OpenLinkKind,
    itemId: string,
  ): Promise<{ url: string; opened: boolean }>;
  /** This assistant's receipts, and undo (the host checks ownership and permissions). */
  receipts: ReceiptRequests;
  /**
   * Says what a long call is doing, for clients that asked for progress (`Searching TIDAL by
   * title and artist: 40 of 300`). Bulk tools call it at each step; the bridge paces the
   * notifications.
   */
  progress(message: string): void;
}

export interface ToolResult<Output> {
  structured: Output;
  /** Short, quotable text for the assistant; `structured` carries the full data. */
  text: string;
  /** Files the tool made (an export), sent as MCP embedded resources after the text. */
  resources?: Array<{ uri: string; mimeType: string; text: string }>;
}

export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
> {
  name: string;
  title: string;
  description: string;
  provider: ProviderId;
  /** Provider scopes the tool's requests need; the host refuses anything beyond them. */
  scopes: readonly string[];
  /** Cross-service tools: every scope the tool may ask of each other provider. */
  otherProviders?: Partial<Record<ProviderId, readonly string[]>>;
  kind: ToolKind;
  /** Idempotent tools can be retried by a client without changing the outcome. */
  idempotent: boolean;
  input: Input;
  output: Output;
  /**
   * A further condition for listing the tool, beyond its provider and scopes: which permission
   * groups it needs. Evaluated at build time for every set of groups, so the start-up needs none.
   */
  visibleWith?: (groups: readonly PermissionGroup[]) => boolean;
  run(input: z.infer<Input>, context: ToolContext): Promise<ToolResult<z.infer<Output>>>;
}

export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  return definition;
}

/**
 * The tool's `title` is said once, beside its name, not again here. The destructive and
 * idempotent hints only mean something for a tool that changes things (MCP says so), so a
 * read-only tool carries just `readOnlyHint`; `openWorldHint` is left to MCP's default (true:
 * every tool reaches Spotify or TIDAL). Every tool in a read-only list is a few bytes shorter.
 */
export function annotationsFor(tool: Pick<ToolDefinition, 'kind' | 'idempotent'>) {
  if (tool.kind === 'read') return { readOnlyHint: true };
  return {
    readOnlyHint: false,
    destructiveHint: tool.kind === 'destructive',
    idempotentHint: tool.idempotent,
  };
}
