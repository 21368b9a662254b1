import * as z from 'zod';
import { AccountSummary, ProviderId } from './providers.js';
import { AssistantPolicy } from './policy.js';
import { AuditOutcome } from './audit.js';
import { ErrorCode } from './error-codes.js';
import { OperationRequest, OperationResponse } from './operations.js';
import { DoctorReport } from './doctor.js';
import * as Approvals from './approvals.js';
import * as Receipts from './receipts.js';

/**
 * The bridge ↔ host and CLI ↔ host contract. One JSON object per line (JSON.stringify never
 * emits a raw newline), at most MAX_FRAME_BYTES per line. Requests carry an `id`; the answer
 * repeats it. Pushed events carry none.
 */
export const BROKER_PROTOCOL_VERSION = 1;
export const MAX_FRAME_BYTES = 1024 * 1024;

/** The host's error codes: one list for the broker and the window (error-codes.ts). */
export const BrokerErrorCode = ErrorCode;
export type BrokerErrorCode = ErrorCode;

const id = z.number().int().positive();
const McpClientInfo = z.object({ name: z.string().min(1).max(100), version: z.string().max(50) });
const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

// Bridge requests
export const HelloRequest = z.object({
  type: z.literal('hello'),
  id,
  protocol: z.number().int(),
  assistantKey: z.string().min(1).max(200),
  mcpClient: McpClientInfo,
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
/**
 * One of the person's operations (operations.ts), for the control role only; answered with
 * `operation.result`. The window sends the same requests over its own transports.
 */
export const OperationCall = z.object({
  type: z.literal('operation'),
  id,
  request: OperationRequest,
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
  OperationCall,
  DoctorRequest,
  OpenLinkRequest,
  Approvals.ApprovalAnswerRequest,
  Receipts.UndoRequest,
  Receipts.ReceiptsListRequest,
]);
export type BrokerRequest = z.infer<typeof BrokerRequest>;
export type BrokerRequestType = BrokerRequest['type'];

// Answers
export { AssistantSummary, McpClientId, McpServerEntry } from './assistant.js';

export const WelcomeResponse = z.object({
  type: z.literal('welcome'),
  id,
  assistantId: z.string(),
  policy: AssistantPolicy,
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
export const ErrorResponse = z.object({
  type: z.literal('error'),
  id: id.optional(),
  code: BrokerErrorCode,
  message: z.string(),
  retryAfterSeconds: z.number().nonnegative().optional(),
});
/** The answer to an `operation`, as operations.ts describes it for that request. */
export const OperationResult = z.object({
  type: z.literal('operation.result'),
  id,
  response: OperationResponse,
});
export const EventPush = z.object({
  type: z.literal('event'),
  event: z.enum(['providers.changed', 'policy.changed', 'assistants.changed', 'audit.appended']),
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
  ErrorResponse,
  EventPush,
  OperationResult,
  DoctorReportResponse,
  LinkOpenedResponse,
  Approvals.ApprovalAskProgress,
  Receipts.UndoneResponse,
  Receipts.ReceiptsResponse,
]);
export type BrokerResponse = z.infer<typeof BrokerResponse>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The answer each request ends with, so a caller gets it typed (`BrokerClient.ask`). */
export const BROKER_ANSWERS = {
  hello: 'welcome',
  'capability.request': 'capability',
  'api.call': 'api.result',
  'audit.record': 'ack',
  watch: 'ack',
  whoami: 'welcome',
  doctor: 'doctor.report',
  'open.link': 'link.opened',
  'control.hello': 'ack',
  'login.start': 'login.complete',
  operation: 'operation.result',
  'approval.answer': 'ack',
  undo: 'undone',
  'receipts.list': 'receipts',
} as const satisfies Record<BrokerRequestType, BrokerResponse['type']>;
export type BrokerAnswer<Type extends BrokerRequestType> = Extract<
  BrokerResponse,
  { type: (typeof BROKER_ANSWERS)[Type] }
>;
