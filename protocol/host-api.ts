import * as z from 'zod';
import { AuditRecord } from './audit.js';
import { AssistantSummary, McpClientId } from './assistant.js';
import { AccountSummary, ProviderId } from './providers.js';

/**
 * The window's view of the host: what its status, connect and event answers look like. The
 * requests themselves are the operation table in operations.ts, shared with the CLI.
 */

/** Something the person should hear about now; listed until dismissed. */
export const HostAlertView = z.object({
  id: z.string(),
  /** failed-auth, refresh-failure, call-burst, certificate-pin, … */
  reason: z.string(),
  message: z.string(),
  time: z.string(),
  assistantId: z.string().optional(),
  assistantName: z.string().optional(),
  provider: ProviderId.optional(),
});
export type HostAlertView = z.infer<typeof HostAlertView>;

/** A change waiting for the person's OK ("Ask before changes"); refused at `expiresAt`. */
export const PendingApprovalView = z.object({
  id: z.string(),
  assistantId: z.string().optional(),
  assistantName: z.string(),
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
  appClientId: z.string().optional(),
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
  assistants: z.array(AssistantSummary),
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
    assistant: AssistantSummary,
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
    assistant: AssistantSummary,
    bundlePath: z.string(),
    /** Shown once, to paste when Claude Desktop asks for it while installing the bundle. */
    assistantKey: z.string(),
    restartNeeded: z.boolean(),
    restartHint: z.string(),
  }),
]);
export type AssistantConnected = z.infer<typeof AssistantConnected>;

/** Pushed to every open window; carries no data the window may not see, and never a token. */
export const HostEvent = z.discriminatedUnion('event', [
  z.object({ event: z.literal('providers.changed') }),
  z.object({ event: z.literal('assistants.changed') }),
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
