import * as z from 'zod';
import { AuditQuery, AuditRecord } from './audit.js';
import { AssistantSummary, McpClientId, McpServerEntry } from './assistant.js';
import {
  AssistantConnected,
  DetectedAssistant,
  HostStatus,
  PendingApprovalView,
} from './host-api.js';
import { AssistantPolicy } from './policy.js';
import { ProviderId } from './providers.js';
import { ReceiptId, ReceiptView } from './receipts.js';
import { IncidentReportResult, LockdownReport, SecurityOverview } from './security.js';
import { ExportedFile, ExportFormat, ExportSource, PlaylistChoice } from './library-export.js';

/**
 * What a person can do to the host, as one table: each operation's request and answer. The window
 * (Electron IPC, the headless `POST /api`), the tray and the CLI (the broker's control role, in an
 * `operation` frame) all send these and the host carries them out in one place
 * (electron/host/operations.ts), so a rule written for one path holds on all of them.
 */
const assistantId = z.string().min(1).max(100);
/** For the operations that only change something; a window re-reads status on events. */
const Done = z.object({ op: z.literal('done') });

function operation<Op extends string, Req extends z.ZodRawShape, Res extends z.ZodType>(
  op: Op,
  request: Req,
  response: Res,
) {
  return { request: z.object({ op: z.literal(op), ...request }), response };
}

function answer<Op extends string, Shape extends z.ZodRawShape>(op: Op, shape: Shape) {
  return z.object({ op: z.literal(op), ...shape });
}

export const OPERATIONS = {
  status: operation('status', {}, answer('status', { status: HostStatus })),
  /** Starts a login; the window hears the outcome as `login.finished`. */
  'login.start': operation(
    'login.start',
    { provider: ProviderId },
    answer('login.start', { authorizationUrl: z.string().url(), redirectUri: z.string().url() }),
  ),
  logout: operation('logout', { provider: ProviderId }, Done),
  'assistant.issue': operation(
    'assistant.issue',
    { name: z.string().trim().min(1).max(100) },
    answer('assistant.issue', {
      assistant: AssistantSummary,
      /** Shown once, to be written into the MCP client's config; the host keeps only its hash. */
      assistantKey: z.string(),
      entry: McpServerEntry,
    }),
  ),
  'assistant.revoke': operation('assistant.revoke', { assistantId }, Done),
  'assistant.policy': operation('assistant.policy', { assistantId, policy: AssistantPolicy }, Done),
  /** Pauses (or resumes) every assistant at once: the tray's "Pause all access". */
  'pause.all': operation('pause.all', { paused: z.boolean() }, Done),
  'audit.query': operation(
    'audit.query',
    { query: AuditQuery },
    answer('audit.query', { records: z.array(AuditRecord) }),
  ),
  /** Each MCP client TuneBridge knows, whether it is installed, and how our entry in it fares. */
  'assistants.detected': operation(
    'assistants.detected',
    {},
    answer('assistants.detected', { assistants: z.array(DetectedAssistant) }),
  ),
  /**
   * `config` (default) writes our entry into the client's config file and never shows the key;
   * `bundle` (Claude Desktop only) writes a `.mcpb` (to `bundlePath`, else the data folder) and
   * shows the key once, for the prompt Claude Desktop shows when it installs the bundle.
   */
  'assistant.connect': operation(
    'assistant.connect',
    {
      mcpClient: McpClientId,
      via: z.enum(['config', 'bundle']).optional(),
      bundlePath: z.string().min(1).max(4096).optional(),
    },
    answer('assistant.connect', { connected: AssistantConnected }),
  ),
  /** Removes our entry from that client's config and revokes the keys it held. */
  'assistant.disconnect': operation(
    'assistant.disconnect',
    { mcpClient: McpClientId },
    answer('assistant.disconnect', {
      mcpClient: McpClientId,
      configPath: z.string(),
      removed: z.boolean(),
      backupPath: z.string().optional(),
      revoked: z.boolean(),
    }),
  ),
  'alert.dismiss': operation('alert.dismiss', { id: z.string().min(1).max(100) }, Done),
  /** The person's answer to an "ask me" prompt. */
  'approval.respond': operation(
    'approval.respond',
    { id: z.string().min(1).max(100), allow: z.boolean() },
    Done,
  ),
  /** What waits for the person's answer ("Ask before changes"), oldest first. */
  'approvals.list': operation(
    'approvals.list',
    {},
    answer('approvals.list', { approvals: z.array(PendingApprovalView) }),
  ),
  /** The receipts of changes that passed through, newest first (Activity, `tunebridge undo`). */
  'receipts.list': operation(
    'receipts.list',
    { limit: z.number().int().positive().max(500).optional() },
    answer('receipts.list', { receipts: z.array(ReceiptView) }),
  ),
  /** The person may undo any assistant's change. */
  'receipt.undo': operation(
    'receipt.undo',
    { receiptId: ReceiptId },
    answer('receipt.undo', { receiptId: z.string(), message: z.string() }),
  ),
  /**
   * Bring your own app: the client ID from the provider's developer dashboard (checked by the
   * host with the rules in provider-setup.ts, so a wrong one gets a message, not "bad request").
   * `restartRequired`: saved, but TuneBridge must restart (to leave sandbox mode) to use it.
   */
  'provider.configure': operation(
    'provider.configure',
    {
      provider: ProviderId,
      appClientId: z.string().max(200),
      redirectPort: z.number().int().optional(),
    },
    answer('provider.configure', { restartRequired: z.boolean(), message: z.string() }),
  ),
  /**
   * A fresh one-time address for the window of a running `tunebridge serve` (`tunebridge open`):
   * works once, within 10 minutes; an earlier unused one stops working.
   */
  'window.open': operation('window.open', {}, answer('window.open', { url: z.string().url() })),
  'provider.unconfigure': operation(
    'provider.unconfigure',
    { provider: ProviderId },
    answer('provider.unconfigure', { restartRequired: z.boolean(), message: z.string() }),
  ),
  /** The Security view, the tray's line and `tunebridge security`: figures, anomalies, dates. */
  'security.overview': operation(
    'security.overview',
    {},
    answer('security.overview', { overview: SecurityOverview }),
  ),
  /** Cuts every assistant off; the person confirmed once. Every step's outcome comes back. */
  'security.lockdown': operation(
    'security.lockdown',
    { confirm: z.literal(true) },
    answer('security.lockdown', { report: LockdownReport }),
  ),
  /** Writes an incident report folder for the records since `since` (default: a week). */
  'security.incident': operation(
    'security.incident',
    { since: z.string().datetime().optional() },
    answer('security.incident', { report: IncidentReportResult }),
  ),
  /** The person's own playlists on one service, for the window's export. */
  'library.playlists': operation(
    'library.playlists',
    { provider: ProviderId },
    answer('library.playlists', {
      provider: ProviderId,
      playlists: z.array(PlaylistChoice),
      /** More playlists than the window lists; the first ones are here. */
      truncated: z.boolean(),
    }),
  ),
  /**
   * One playlist or the saved tracks as a file, read by the host with the person's own login.
   * The window saves it as a download. A large library can outgrow a broker frame (1 MiB), so the
   * command line does not offer this; the export tools serve assistants.
   */
  'library.export': operation(
    'library.export',
    { provider: ProviderId, source: ExportSource, format: ExportFormat },
    answer('library.export', { file: ExportedFile }),
  ),
} as const;

type Table = typeof OPERATIONS;
export type OperationName = keyof Table;
/** The request of one operation (or, without an argument, of any). */
export type OperationRequest<Op extends OperationName = OperationName> = Op extends Op
  ? z.infer<Table[Op]['request']>
  : never;
/** What the host answers to that operation. */
export type OperationResponse<Op extends OperationName = OperationName> = Op extends Op
  ? z.infer<Table[Op]['response']>
  : never;

const all = OPERATIONS;
export const OperationRequest = z.discriminatedUnion('op', [
  all.status.request,
  all['login.start'].request,
  all.logout.request,
  all['assistant.issue'].request,
  all['assistant.revoke'].request,
  all['assistant.policy'].request,
  all['pause.all'].request,
  all['audit.query'].request,
  all['assistants.detected'].request,
  all['assistant.connect'].request,
  all['assistant.disconnect'].request,
  all['alert.dismiss'].request,
  all['approval.respond'].request,
  all['approvals.list'].request,
  all['receipts.list'].request,
  all['receipt.undo'].request,
  all['provider.configure'].request,
  all['provider.unconfigure'].request,
  all['window.open'].request,
  all['security.overview'].request,
  all['security.lockdown'].request,
  all['security.incident'].request,
  all['library.playlists'].request,
  all['library.export'].request,
]);
export const OperationResponse = z.discriminatedUnion('op', [
  all.status.response,
  all['login.start'].response,
  all['assistant.issue'].response,
  all['audit.query'].response,
  all['assistants.detected'].response,
  all['assistant.connect'].response,
  all['assistant.disconnect'].response,
  all['approvals.list'].response,
  all['receipts.list'].response,
  all['receipt.undo'].response,
  all['provider.configure'].response,
  all['provider.unconfigure'].response,
  all['window.open'].response,
  all['security.overview'].response,
  all['security.lockdown'].response,
  all['security.incident'].response,
  all['library.playlists'].response,
  all['library.export'].response,
  Done,
]);

/** Checks an answer against the operation it answers, so callers get the exact type back. */
export function parseOperationResponse<Op extends OperationName>(
  op: Op,
  response: unknown,
): OperationResponse<Op> {
  return OPERATIONS[op].response.parse(response) as OperationResponse<Op>;
}

/** The window's names for the same table. */
export const HostApiRequest = OperationRequest;
export type HostApiRequest = OperationRequest;
export const HostApiResponse = OperationResponse;
export type HostApiResponse = z.infer<typeof OperationResponse>;

/** What the window hears when an operation fails: the host error's code and its sentence. */
export const HostApiError = z.object({ code: z.string(), message: z.string() });
export type HostApiError = z.infer<typeof HostApiError>;
