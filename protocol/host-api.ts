import { z } from 'zod';
import { AuditQuery, AuditRecord } from './audit.js';
import { ClientSummary, McpClientId, McpServerEntry } from './broker.js';
import { ClientPolicy } from './policy.js';
import { AccountSummary, ProviderId } from './providers.js';
import { ReceiptHostOps, ReceiptHostResults } from './receipt-host-api.js';

/**
 * The window's view of the host: the one contract the React UI speaks, whether it runs in the
 * Electron window (over the preload's IPC channel) or in a browser against `tunebridge serve`
 * (over `POST /api` and `GET /events`). Both transports parse with these schemas and call
 * `handleHostApi` in electron/core/host-api.ts, so they cannot drift apart.
 */
export const HostApiRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('status') }),
  z.object({ op: z.literal('login.start'), provider: ProviderId }),
  z.object({ op: z.literal('logout'), provider: ProviderId }),
  z.object({ op: z.literal('client.issue'), name: z.string().trim().min(1).max(100) }),
  z.object({ op: z.literal('client.revoke'), clientId: z.string().min(1).max(100) }),
  z.object({
    op: z.literal('client.policy'),
    clientId: z.string().min(1).max(100),
    policy: ClientPolicy,
  }),
  z.object({ op: z.literal('pause.all'), paused: z.boolean() }),
  z.object({ op: z.literal('audit.query'), query: AuditQuery }),
  /** Each MCP client TuneBridge knows, whether it is installed, and how our entry in it fares. */
  z.object({ op: z.literal('assistants.detected') }),
  /**
   * One-click connect: `config` (default) writes our entry into the client's config file and never
   * shows the key; `bundle` (Claude Desktop only) writes a `.mcpb` and shows the key once, for the
   * prompt Claude Desktop shows when it installs the bundle.
   */
  z.object({
    op: z.literal('assistant.connect'),
    mcpClient: McpClientId,
    via: z.enum(['config', 'bundle']).optional(),
  }),
  z.object({ op: z.literal('assistant.disconnect'), mcpClient: McpClientId }),
  z.object({ op: z.literal('alert.dismiss'), id: z.string().min(1).max(100) }),
  /** The person's answer to an "ask me" prompt. */
  z.object({
    op: z.literal('approval.respond'),
    id: z.string().min(1).max(100),
    allow: z.boolean(),
  }),
  /**
   * Bring your own app: the client ID from the provider's developer dashboard (checked by the
   * host with the rules in provider-setup.ts, so a wrong one gets a message, not "bad request").
   */
  z.object({
    op: z.literal('provider.configure'),
    provider: ProviderId,
    clientId: z.string().max(200),
    redirectPort: z.number().int().optional(),
  }),
  z.object({ op: z.literal('provider.unconfigure'), provider: ProviderId }),
  ...ReceiptHostOps,
]);
export type HostApiRequest = z.infer<typeof HostApiRequest>;

/** Something the person should hear about now; listed until dismissed. */
export const HostAlertView = z.object({
  id: z.string(),
  /** failed-auth, refresh-failure, call-burst, certificate-pin, … */
  reason: z.string(),
  message: z.string(),
  time: z.string(),
  clientId: z.string().optional(),
  clientName: z.string().optional(),
  provider: ProviderId.optional(),
});
export type HostAlertView = z.infer<typeof HostAlertView>;

/** A change waiting for the person's OK ("Ask before changes"); refused at `expiresAt`. */
export const PendingApprovalView = z.object({
  id: z.string(),
  clientId: z.string().optional(),
  clientName: z.string(),
  provider: ProviderId,
  method: z.string(),
  path: z.string(),
  summary: z.string(),
  expiresAt: z.string(),
});
export type PendingApprovalView = z.infer<typeof PendingApprovalView>;

/** One provider's "bring your own app" state, for the setup panel on Accounts. */
export const ProviderSetupView = z.object({
  provider: ProviderId,
  /** A real client ID is set up: in use now, or (in sandbox mode) saved for the next start. */
  configured: z.boolean(),
  clientId: z.string().optional(),
  /** Set by TUNEBRIDGE_<PROVIDER>_CLIENT_ID: changed there, not in the window. */
  fromEnvironment: z.boolean().optional(),
  /** TIDAL's fixed loopback port; Spotify takes any port. */
  redirectPort: z.number().int().optional(),
  /** Exactly what to register in the provider's dashboard. */
  redirectUri: z.string(),
  dashboardUrl: z.string().url(),
  note: z.string(),
});
export type ProviderSetupView = z.infer<typeof ProviderSetupView>;

/** Where the host keeps tokens; `warning` when that protection is weaker than it should be. */
export const SecretStorageView = z.object({
  description: z.string(),
  warning: z.string().optional(),
});
export type SecretStorageView = z.infer<typeof SecretStorageView>;

export const HostStatus = z.object({
  sandbox: z.boolean(),
  providers: z.array(AccountSummary),
  clients: z.array(ClientSummary),
  /** Recent alerts not dismissed yet (the window's status always has them). */
  alerts: z.array(HostAlertView).optional(),
  /** "Ask me" questions waiting for an answer (the window's status always has them). */
  approvals: z.array(PendingApprovalView).optional(),
  /** Per provider: bring-your-own-app setup (the window's status always has it). */
  setup: z.array(ProviderSetupView).optional(),
  /** The window's status always has it. */
  secretStorage: SecretStorageView.optional(),
});
export type HostStatus = z.infer<typeof HostStatus>;

export const EntryHealthStatus = z.enum(['ok', 'missing', 'revoked', 'different', 'broken']);
export type EntryHealthStatus = z.infer<typeof EntryHealthStatus>;

export const DetectedAssistant = z.object({
  mcpClient: McpClientId,
  displayName: z.string(),
  /** Its config folder (or file) exists: it has been installed and run. */
  installed: z.boolean(),
  configPath: z.string(),
  health: EntryHealthStatus,
  detail: z.string().optional(),
  /** An assistant was connected here and its entry is gone or broken: offer Repair. */
  needsRepair: z.boolean(),
  restartHint: z.string(),
  /** Claude Desktop can also install TuneBridge as an extension (`.mcpb`). */
  bundle: z.boolean(),
});
export type DetectedAssistant = z.infer<typeof DetectedAssistant>;

export const AssistantConnected = z.discriminatedUnion('via', [
  z.object({
    via: z.literal('config'),
    mcpClient: McpClientId,
    client: ClientSummary,
    configPath: z.string(),
    backupPath: z.string().optional(),
    /** The entry held an older key, now revoked. */
    replacedOldKey: z.boolean(),
    /** Connected again: the same assistant with a new key, its permissions as they were. */
    keptPermissions: z.boolean().optional(),
    restartNeeded: z.boolean(),
    restartHint: z.string(),
  }),
  z.object({
    via: z.literal('bundle'),
    mcpClient: McpClientId,
    client: ClientSummary,
    bundlePath: z.string(),
    /** Shown once, to paste when Claude Desktop asks for it while installing the bundle. */
    clientKey: z.string(),
    restartNeeded: z.boolean(),
    restartHint: z.string(),
  }),
]);
export type AssistantConnected = z.infer<typeof AssistantConnected>;

export const HostApiResponse = z.discriminatedUnion('op', [
  z.object({ op: z.literal('status'), status: HostStatus }),
  z.object({
    op: z.literal('login.start'),
    authorizationUrl: z.string().url(),
    redirectUri: z.string().url(),
  }),
  z.object({
    op: z.literal('client.issue'),
    client: ClientSummary,
    clientKey: z.string(),
    entry: McpServerEntry,
  }),
  z.object({ op: z.literal('audit.query'), records: z.array(AuditRecord) }),
  z.object({ op: z.literal('assistants.detected'), assistants: z.array(DetectedAssistant) }),
  z.object({ op: z.literal('assistant.connect'), connected: AssistantConnected }),
  z.object({
    op: z.literal('assistant.disconnect'),
    mcpClient: McpClientId,
    configPath: z.string(),
    removed: z.boolean(),
    revoked: z.boolean(),
  }),
  /** `restartRequired`: saved, but TuneBridge must restart (to leave sandbox mode) to use it. */
  z.object({
    op: z.literal('provider.configure'),
    restartRequired: z.boolean(),
    message: z.string(),
  }),
  z.object({
    op: z.literal('provider.unconfigure'),
    restartRequired: z.boolean(),
    message: z.string(),
  }),
  /** For the requests that only change something; the UI re-reads status on `changed` events. */
  z.object({ op: z.literal('done') }),
  ...ReceiptHostResults,
]);
export type HostApiResponse = z.infer<typeof HostApiResponse>;

export const HostApiError = z.object({ code: z.string(), message: z.string() });
export type HostApiError = z.infer<typeof HostApiError>;

/** Pushed to every open window; carries no data the window may not see, and never a token. */
export const HostEvent = z.discriminatedUnion('event', [
  z.object({ event: z.literal('providers.changed') }),
  z.object({ event: z.literal('clients.changed') }),
  z.object({ event: z.literal('audit.appended'), record: AuditRecord }),
  z.object({
    event: z.literal('login.finished'),
    provider: ProviderId,
    ok: z.boolean(),
    message: z.string(),
  }),
  /** An MCP client's entry was checked (at start or after its file changed). */
  z.object({
    event: z.literal('assistant.health'),
    mcpClient: McpClientId,
    health: EntryHealthStatus,
    detail: z.string().optional(),
    path: z.string(),
    needsRepair: z.boolean(),
  }),
  z.object({ event: z.literal('alert'), alert: HostAlertView }),
  z.object({ event: z.literal('alert.dismissed'), id: z.string() }),
  PendingApprovalView.extend({ event: z.literal('approval.requested') }),
  z.object({
    event: z.literal('approval.settled'),
    id: z.string(),
    outcome: z.enum(['allowed', 'denied', 'timed-out', 'withdrawn']),
  }),
]);
export type HostEvent = z.infer<typeof HostEvent>;
