import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { OpenLinkKind } from '../protocol/broker.js';
import type { DoctorReport } from '../protocol/doctor.js';
import type { ProviderId } from '../protocol/providers.js';
import { BrokerClientError } from '../broker-client/broker-client.js';
import type { ApiRequest, ApiResponse, HostSession } from './host-session.js';
import { ToolProgress, type ProgressUpdate } from './tool-progress.js';
import { ReceiptCollector } from './tool-receipts.js';
import type { ToolContext, ToolDefinition, ToolResult } from './tools/define-tool.js';
import { ToolError } from './tools/tool-error.js';
import { auditSummary } from './tools/unexpected-answer.js';

/** What a tool needs from the host; `HostSession` is the bridge's, tests may bring their own. */
export interface ToolHost {
  callApi(
    provider: ProviderId,
    scopes: readonly string[],
    request: ApiRequest,
  ): Promise<ApiResponse>;
  doctor(provider: ProviderId): Promise<DoctorReport>;
  openLink(
    provider: ProviderId,
    kind: OpenLinkKind,
    itemId: string,
  ): Promise<{ url: string; opened: boolean }>;
  readonly receipts: ToolContext['receipts'];
}

/**
 * What the bridge does for `tools/call`: run the tool, audit the outcome, answer MCP.
 * `notifyProgress` is set when the client sent a progress token with the call.
 */
export async function callTool(
  tool: ToolDefinition,
  args: unknown,
  session: ToolHost & Pick<HostSession, 'recordTool'>,
  notifyProgress?: (update: ProgressUpdate) => void,
): Promise<CallToolResult> {
  const started = Date.now();
  const receipts = new ReceiptCollector();
  const progress = new ToolProgress(notifyProgress);
  const outcome = await invokeTool(tool, args, contextFor(tool, session, receipts, progress));
  if (outcome.kind === 'invalid_input') return failure(outcome.text);
  const summary =
    outcome.kind === 'ok' ? (outcome.text.split('\n')[0] ?? '').slice(0, 200) : outcome.audit;
  session.recordTool({
    tool: tool.name,
    provider: tool.provider,
    summary,
    outcome: outcome.kind,
    durationMs: Date.now() - started,
  });
  if (outcome.kind !== 'ok') return failure(outcome.text);
  return receipts.attach({
    content: [
      { type: 'text', text: outcome.text },
      ...(outcome.resources ?? []).map((resource) => ({ type: 'resource' as const, resource })),
    ],
    structuredContent: outcome.structured,
  });
}

export function failure(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * How one call of a tool ended. `invalid_input` never reached the tool (nothing to audit);
 * `refused` means the host or the person said no, as opposed to something going wrong.
 */
export type ToolOutcome =
  | { kind: 'invalid_input'; text: string }
  | {
      kind: 'ok';
      text: string;
      structured: Record<string, unknown>;
      resources?: ToolResult<Record<string, unknown>>['resources'];
    }
  /** `audit` is what the audit record says: the message, plus any detail about the answer. */
  | { kind: 'error' | 'refused'; text: string; audit: string };

/**
 * The context a tool runs with: its own provider with its declared scopes, and other providers
 * only within what it declared for them, so a tool can't widen its own access.
 */
export function contextFor(
  tool: ToolDefinition,
  host: ToolHost,
  receipts = new ReceiptCollector(),
  progress = new ToolProgress(),
): ToolContext {
  return {
    api: (request) => {
      progress.requested();
      return host.callApi(tool.provider, tool.scopes, request).then(receipts.note);
    },
    receipts: host.receipts,
    progress: (message) => progress.step(message),
    doctor: (provider) => host.doctor(provider),
    openLink: (provider, kind, itemId) => host.openLink(provider, kind, itemId),
    apiFor: (provider, scopes, request) => {
      const declared = provider === tool.provider ? tool.scopes : tool.otherProviders?.[provider];
      if (!declared || !scopes.every((scope) => declared.includes(scope))) {
        throw new ToolError('undeclared_scope', `${tool.name} did not declare ${provider} access.`);
      }
      progress.requested();
      return host.callApi(provider, scopes, request).then(receipts.note);
    },
  };
}

/** Checks the arguments against the tool's input schema, runs it, and names any failure. */
export async function invokeTool(
  tool: ToolDefinition,
  args: unknown,
  context: ToolContext,
): Promise<ToolOutcome> {
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`,
    );
    return {
      kind: 'invalid_input',
      text: `The input for ${tool.name} is not valid — ${problems.join('; ')}.`,
    };
  }
  try {
    const result = await tool.run(parsed.data, context);
    // tools/list leaves output schemas out to stay small; the bridge still keeps their promise.
    if (!tool.output.safeParse(result.structured).success) {
      throw new ToolError(
        'malformed_result',
        `${tool.name} got an answer TuneBridge could not read. Try again; if it keeps happening, run the doctor tool.`,
      );
    }
    return {
      kind: 'ok',
      text: result.text,
      structured: result.structured,
      ...(result.resources ? { resources: result.resources } : {}),
    };
  } catch (error) {
    const text = messageFor(error);
    return { kind: refusal(error) ? 'refused' : 'error', text, audit: auditSummary(error, text) };
  }
}

function messageFor(error: unknown): string {
  if (error instanceof ToolError || error instanceof BrokerClientError) return error.message;
  return 'The tool failed unexpectedly inside TuneBridge. Try again; if it keeps happening, check TuneBridge’s Activity view.';
}

const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'scope_not_allowed',
  'assistant_paused',
  'assistant_revoked',
  'endpoint_not_allowed',
  'unauthorized',
  'approval_denied',
  'undo_refused',
]);

function refusal(error: unknown): boolean {
  return error instanceof BrokerClientError && REFUSAL_CODES.has(error.code);
}
