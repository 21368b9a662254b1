import { z } from 'zod';
import { AuditQuery, AuditRecord } from './audit.js';
import { ClientSummary, McpServerEntry } from './broker.js';
import { ClientPolicy } from './policy.js';
import { AccountSummary, ProviderId } from './providers.js';

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
]);
export type HostApiRequest = z.infer<typeof HostApiRequest>;

export const HostStatus = z.object({
  sandbox: z.boolean(),
  providers: z.array(AccountSummary),
  clients: z.array(ClientSummary),
});
export type HostStatus = z.infer<typeof HostStatus>;

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
  /** For the requests that only change something; the UI re-reads status on `changed` events. */
  z.object({ op: z.literal('done') }),
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
]);
export type HostEvent = z.infer<typeof HostEvent>;
