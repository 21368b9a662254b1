import { z } from 'zod';
import { AccountSummary, ProviderId } from './providers.js';
import { ClientPolicy } from './policy.js';
import { AuditOutcome, AuditQuery, AuditRecord } from './audit.js';
import { DoctorReport } from './doctor.js';
import * as Approvals from './approvals.js';
import * as Window from './window-address.js';
import * as Receipts from './receipts.js';

/**
 * The bridge ↔ host and CLI ↔ host contract. One JSON object per line (JSON.stringify never
 * emits a raw newline), at most MAX_FRAME_BYTES per line. Requests carry an `id`; the answer
 * repeats it. Pushed events carry none.
 */
export const BROKER_PROTOCOL_VERSION = 1;
export const MAX_FRAME_BYTES = 1024 * 1024;

export const BrokerErrorCode = z.enum([
  'bad_frame',
  'frame_too_large',
  'unsupported_protocol',
  'unauthorized',
  'not_authenticated',
  'client_paused',
  'client_revoked',
  'provider_not_connected',
  'needs_login',
  'scope_not_allowed',
  'capability_invalid',
  'capability_expired',
  'endpoint_not_allowed',
  'rate_limited',
  'upstream_unavailable',
  'login_failed',
  'login_in_progress',
  'not_found',
  'internal',
  /** An MCP client's config file could not be changed safely; the message says what to do. */
  'client_config',
  /** "Ask me" mode: the person declined the change, or didn't answer before the timeout. */
  'approval_denied',
  /** An undo TuneBridge won't run: already undone, changed since, or not this assistant's. */
  'undo_refused',
]);
export type BrokerErrorCode = z.infer<typeof BrokerErrorCode>;

const id = z.number().int().positive();
const ClientInfo = z.object({ name: z.string().min(1).max(100), version: z.string().max(50) });
const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

// Bridge requests
export const HelloRequest = z.object({
  type: z.literal('hello'),
  id,
  protocol: z.number().int(),
  clientKey: z.string().min(1).max(200),
  client: ClientInfo,
});
export const CapabilityRequest = z.object({
  type: z.literal('capability.request'),
  id,
  provider: ProviderId,
  scopes: z.array(z.string().max(100)).max(50),
});
export const ApiCallRequest = z.object({
  type: z.literal('api.call'),
  id,
  capability: z.string().min(1).max(200),
  provider: ProviderId,
  method: HttpMethod,
  path: z.string().startsWith('/').max(2048),
  query: z.record(z.string(), z.string().max(4096)).optional(),
  body: z.unknown().optional(),
  /** Sent with mutations so that a retry after a lost answer never applies twice (TIDAL). */
  idempotencyKey: z.string().max(100).optional(),
  /** The bridge's MCP client can ask the person in the chat (elicitation) if the host must ask. */
  elicitation: z.boolean().optional(),
});
export const AuditRecordRequest = z.object({
  type: z.literal('audit.record'),
  id,
  tool: z.string().min(1).max(100),
  provider: ProviderId.optional(),
  summary: z.string().max(500),
  outcome: AuditOutcome,
  durationMs: z.number().nonnegative(),
});
export const WatchRequest = z.object({ type: z.literal('watch'), id });
/** Re-reads this bridge's own policy and the providers, e.g. after a `policy.changed` event. */
export const WhoamiRequest = z.object({ type: z.literal('whoami'), id });

// CLI (control) requests: authenticated with the control key the host writes 0600 into its run dir.
export const ControlHelloRequest = z.object({
  type: z.literal('control.hello'),
  id,
  protocol: z.number().int(),
  controlKey: z.string().min(1).max(200),
});
export const LoginStartRequest = z.object({
  type: z.literal('login.start'),
  id,
  provider: ProviderId,
});
export const ClientIssueRequest = z.object({
  type: z.literal('client.issue'),
  id,
  name: z.string().trim().min(1).max(100),
});
export const StatusRequest = z.object({ type: z.literal('status'), id });
export const ClientRevokeRequest = z.object({
  type: z.literal('client.revoke'),
  id,
  clientId: z.string().min(1).max(100),
});
export const ClientPolicyRequest = z.object({
  type: z.literal('client.policy'),
  id,
  clientId: z.string().min(1).max(100),
  policy: ClientPolicy,
});
/** Pauses (or resumes) every assistant at once: the tray's "Pause all access". */
export const PauseAllRequest = z.object({ type: z.literal('pause.all'), id, paused: z.boolean() });
export const LogoutRequest = z.object({ type: z.literal('logout'), id, provider: ProviderId });
export const AuditQueryRequest = z.object({
  type: z.literal('audit.query'),
  id,
  query: AuditQuery,
});

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
/** Issues a key and writes the `tunebridge` entry into that client's config (issue 6). */
export const ClientConnectRequest = z.object({
  type: z.literal('client.connect'),
  id,
  mcpClient: McpClientId,
});
/** Removes our entry from that client's config and revokes the key it held. */
export const ClientDisconnectRequest = z.object({
  type: z.literal('client.disconnect'),
  id,
  mcpClient: McpClientId,
});

/** Account, scopes, token health, rate limit and gated endpoints: bridge and control roles. */
export const DoctorRequest = z.object({ type: z.literal('doctor'), id, provider: ProviderId });

/** What `open.link` can open: the host builds the link from these, never from a bridge's URL. */
export const OpenLinkKind = z.enum(['track', 'album', 'playlist']);
export type OpenLinkKind = z.infer<typeof OpenLinkKind>;
/**
 * Opens a TIDAL track, album or playlist in the TIDAL app or site on the person's computer
 * (TIDAL's API has no remote playback control). `itemId` because `id` is the request's own.
 */
export const OpenLinkRequest = z.object({
  type: z.literal('open.link'),
  id,
  provider: ProviderId,
  kind: OpenLinkKind,
  itemId: z.string().regex(/^(\d{1,12}|[0-9a-fA-F-]{20,40})$/),
});

export const BrokerRequest = z.discriminatedUnion('type', [
  HelloRequest,
  CapabilityRequest,
  ApiCallRequest,
  AuditRecordRequest,
  WatchRequest,
  WhoamiRequest,
  ControlHelloRequest,
  LoginStartRequest,
  ClientIssueRequest,
  StatusRequest,
  ClientRevokeRequest,
  ClientPolicyRequest,
  PauseAllRequest,
  LogoutRequest,
  AuditQueryRequest,
  ClientConnectRequest,
  ClientDisconnectRequest,
  DoctorRequest,
  OpenLinkRequest,
  Approvals.ApprovalAnswerRequest,
  Approvals.ApprovalsListRequest,
  Approvals.ApprovalRespondRequest,
  Receipts.UndoRequest,
  Receipts.ReceiptsListRequest,
  Window.WindowOpenRequest,
]);
export type BrokerRequest = z.infer<typeof BrokerRequest>;
export type BrokerRequestType = BrokerRequest['type'];

// Answers
export const McpServerEntry = z.object({
  command: z.string(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()),
});
export type McpServerEntry = z.infer<typeof McpServerEntry>;

export const ClientSummary = z.object({
  clientId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().optional(),
  revoked: z.boolean(),
  policy: ClientPolicy,
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const WelcomeResponse = z.object({
  type: z.literal('welcome'),
  id,
  clientId: z.string(),
  policy: ClientPolicy,
  providers: z.array(AccountSummary),
});
export const CapabilityResponse = z.object({
  type: z.literal('capability'),
  id,
  token: z.string(),
  expiresAt: z.string(),
  scopes: z.array(z.string()),
});
export const ApiResultResponse = z.object({
  type: z.literal('api.result'),
  id,
  status: z.number().int(),
  body: z.unknown(),
  /** Set when the provider asked us to wait longer than the host's retry budget allows. */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** The host's receipt for a change it let through: `undo` reverses it. */
  receiptId: z.string().optional(),
});
export const AckResponse = z.object({ type: z.literal('ack'), id });
export const LoginPendingResponse = z.object({
  type: z.literal('login.pending'),
  id,
  authorizationUrl: z.string().url(),
  redirectUri: z.string().url(),
});
export const LoginCompleteResponse = z.object({
  type: z.literal('login.complete'),
  id,
  account: AccountSummary,
});
export const ClientIssuedResponse = z.object({
  type: z.literal('client.issued'),
  id,
  client: ClientSummary,
  /** Shown once, to be written into the MCP client's config; the host keeps only its hash. */
  clientKey: z.string(),
  entry: McpServerEntry,
});
export const StatusResponse = z.object({
  type: z.literal('status'),
  id,
  sandbox: z.boolean(),
  providers: z.array(AccountSummary),
  clients: z.array(ClientSummary),
});
export const AuditRecordsResponse = z.object({
  type: z.literal('audit.records'),
  id,
  records: z.array(AuditRecord),
});
export const ErrorResponse = z.object({
  type: z.literal('error'),
  id: id.optional(),
  code: BrokerErrorCode,
  message: z.string(),
  retryAfterSeconds: z.number().nonnegative().optional(),
});
export const EventPush = z.object({
  type: z.literal('event'),
  event: z.enum(['providers.changed', 'policy.changed', 'clients.changed', 'audit.appended']),
});

export const ClientConnectedResponse = z.object({
  type: z.literal('client.connected'),
  id,
  mcpClient: McpClientId,
  client: ClientSummary,
  configPath: z.string(),
  backupPath: z.string().optional(),
  /** The assistant whose key the entry held before; it has been revoked. */
  replacedClientId: z.string().optional(),
  /** Connected again: the same assistant with a new key, its permissions as they were. */
  keptPermissions: z.boolean().optional(),
  restartHint: z.string(),
});
export const ClientDisconnectedResponse = z.object({
  type: z.literal('client.disconnected'),
  id,
  mcpClient: McpClientId,
  configPath: z.string(),
  removed: z.boolean(),
  backupPath: z.string().optional(),
  revokedClientId: z.string().optional(),
});

export const DoctorReportResponse = z.object({
  type: z.literal('doctor.report'),
  id,
  report: DoctorReport,
});

/** The link the host built and whether an opener started; if not, the person can open it. */
export const LinkOpenedResponse = z.object({
  type: z.literal('link.opened'),
  id,
  url: z.string().url(),
  opened: z.boolean(),
});

export const BrokerResponse = z.discriminatedUnion('type', [
  WelcomeResponse,
  CapabilityResponse,
  ApiResultResponse,
  AckResponse,
  LoginPendingResponse,
  LoginCompleteResponse,
  ClientIssuedResponse,
  StatusResponse,
  AuditRecordsResponse,
  ErrorResponse,
  EventPush,
  ClientConnectedResponse,
  ClientDisconnectedResponse,
  DoctorReportResponse,
  LinkOpenedResponse,
  Approvals.ApprovalAskProgress,
  Approvals.ApprovalsResponse,
  Receipts.UndoneResponse,
  Receipts.ReceiptsResponse,
  Window.WindowOpenedResponse,
]);
export type BrokerResponse = z.infer<typeof BrokerResponse>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
