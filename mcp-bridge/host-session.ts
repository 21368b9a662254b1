import {
  BROKER_PROTOCOL_VERSION,
  type AuditRecordRequest,
  type OpenLinkKind,
} from '../protocol/broker.js';
import type { AssistantPolicy } from '../protocol/policy.js';
import type { DoctorReport } from '../protocol/doctor.js';
import type { AccountSummary, ProviderId } from '../protocol/providers.js';
import type { z } from 'zod';
import { BrokerClient, BrokerClientError } from '../broker-client/broker-client.js';
import { relayChatApproval, type ChatApprovals } from './approval-elicitation.js';
import { receiptRequests } from './receipt-requests.js';
import {
  changeInDoubt,
  hostGone,
  HOST_RESTART_WINDOW_MS,
  HOST_RETURN_WAIT_MS,
  waitForHost,
} from './host-return.js';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
  /** The host's receipt for a change it let through. */
  receiptId?: string;
}

interface HeldCapability {
  token: string;
  expiresAt: number;
}

// A capability this close to expiry is replaced rather than risked on a slow upstream call.
const CAPABILITY_RENEW_MARGIN_MS = 15_000;
// While TuneBridge is not running, look for it this often (a connect attempt to a missing socket).
const FOLLOW_RETRY_MS = 5_000;
/** Answers that mean this key will never be let in: retrying would only add failed logins. */
const FINAL_REFUSALS = new Set(['unauthorized', 'assistant_revoked', 'unsupported_protocol']);

/** What decides which tools this assistant sees: its policy and the provider accounts. */
export interface BridgeView {
  policy: AssistantPolicy;
  providers: AccountSummary[];
}

/**
 * The bridge's link to the host: connects on first use (so `tools/list` never waits for it),
 * says hello with the client key, and holds short-lived capabilities per provider and scope set.
 */
export class HostSession {
  private client: BrokerClient | undefined;
  private connecting: Promise<BrokerClient> | undefined;
  private readonly capabilities = new Map<string, HeldCapability>();
  private onView: ((view: BridgeView) => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closing = false;
  /** When a working connection to the host last dropped: a restart is likely for a while after. */
  private lostAt: number | undefined;
  /** Set once the host refused this key for good; the session stops looking for it. */
  private refused = false;
  /** Set by the MCP server: asks "ask me" questions in the chat when the client can. */
  chat: ChatApprovals | undefined;
  /** The assistant's receipts and their undo. */
  readonly receipts = receiptRequests(
    () => this.connection(),
    () => this.chat,
  );

  constructor(
    private readonly options: {
      /** Where the host listens; a function when it must be looked up at each connect. */
      socketPath: string | (() => Promise<string>);
      assistantKey: string | undefined;
      /** Who is calling; a function when it is learned later (the MCP client's `initialize`). */
      client: { name: string; version: string } | (() => { name: string; version: string });
      now?: () => number;
      followRetryMs?: number;
    },
  ) {}

  /**
   * Follows this assistant's policy and the providers live: connects as soon as it can (retrying
   * while TuneBridge is not running), watches for changes and reports each fresh view.
   */
  follow(onView: (view: BridgeView) => void): void {
    this.onView = onView;
    void this.refreshView();
  }

  /**
   * Sends one API call through the host. If the host goes away (a restart) the call waits for it,
   * up to HOST_RETURN_WAIT_MS, and is sent once more when nothing reached the host yet or when it
   * is a read (GET); a change already sent is never sent again (`changeInDoubt`).
   */
  async callApi(
    provider: ProviderId,
    scopes: readonly string[],
    request: ApiRequest,
  ): Promise<ApiResponse> {
    const sent = { api: false };
    try {
      return await this.callApiOnce(provider, scopes, request, sent);
    } catch (error) {
      if (!hostGone(error) || !this.restarting()) throw error;
      if (sent.api && request.method !== 'GET') throw changeInDoubt();
      await waitForHost(
        () => this.connection(),
        this.now() + HOST_RETURN_WAIT_MS,
        () => this.now(),
      );
      sent.api = false;
      try {
        return await this.callApiOnce(provider, scopes, request, sent);
      } catch (again) {
        if (hostGone(again) && sent.api && request.method !== 'GET') throw changeInDoubt();
        throw again;
      }
    }
  }

  private async callApiOnce(
    provider: ProviderId,
    scopes: readonly string[],
    request: ApiRequest,
    sent: { api: boolean },
  ): Promise<ApiResponse> {
    const client = await this.connection();
    for (let attempt = 0; ; attempt += 1) {
      const capability = await this.capability(client, provider, scopes);
      try {
        const chat = this.chat?.canAsk() ? this.chat : undefined;
        sent.api = !client.isClosed;
        const answer = await client.request(
          { type: 'api.call', capability, provider, ...request, elicitation: chat && true },
          (progress) => {
            if (chat && progress.type === 'approval.ask')
              void relayChatApproval(chat, client, progress);
          },
        );
        if (answer.type !== 'api.result') throw unexpected(answer.type);
        return {
          status: answer.status,
          body: answer.body,
          retryAfterSeconds: answer.retryAfterSeconds,
          receiptId: answer.receiptId,
        };
      } catch (error) {
        const stale =
          error instanceof BrokerClientError &&
          (error.code === 'capability_expired' || error.code === 'capability_invalid');
        if (!stale || attempt > 0) throw error;
        this.capabilities.delete(capabilityKey(provider, scopes));
      }
    }
  }

  /** Asks the host for its doctor report; no capability needed, the host applies the policy. */
  async doctor(provider: ProviderId): Promise<DoctorReport> {
    const client = await this.connection();
    const answer = await client.request({ type: 'doctor', provider });
    if (answer.type !== 'doctor.report') throw unexpected(answer.type);
    return answer.report;
  }

  /**
   * Asks the host to open a TIDAL item on the person's computer; the host builds the link itself
   * and answers with it, and whether the system opener started.
   */
  async openLink(
    provider: ProviderId,
    kind: OpenLinkKind,
    itemId: string,
  ): Promise<{ url: string; opened: boolean }> {
    const client = await this.connection();
    const answer = await client.request({ type: 'open.link', provider, kind, itemId });
    if (answer.type !== 'link.opened') throw unexpected(answer.type);
    return { url: answer.url, opened: answer.opened };
  }

  /** Best effort: a tool's result never waits on, or fails because of, its audit line. */
  recordTool(record: Omit<z.infer<typeof AuditRecordRequest>, 'type' | 'id'>): void {
    const client = this.client;
    if (!client || client.isClosed) return;
    client.request({ type: 'audit.record', ...record }).catch(() => undefined);
  }

  close(): void {
    this.closing = true;
    clearTimeout(this.retryTimer);
    this.client?.close();
  }

  private async refreshView(): Promise<void> {
    const onView = this.onView;
    if (!onView || this.closing) return;
    try {
      const client = await this.connection();
      const answer = await client.request({ type: 'whoami' });
      if (answer.type !== 'welcome') throw unexpected(answer.type);
      onView({ policy: answer.policy, providers: answer.providers });
    } catch (error) {
      if (error instanceof BrokerClientError && FINAL_REFUSALS.has(error.code)) {
        this.refused = true;
        return;
      }
      this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.closing || this.refused || !this.onView || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.refreshView();
    }, this.options.followRetryMs ?? FOLLOW_RETRY_MS);
    this.retryTimer.unref();
  }

  private async capability(
    client: BrokerClient,
    provider: ProviderId,
    scopes: readonly string[],
  ): Promise<string> {
    const key = capabilityKey(provider, scopes);
    const held = this.capabilities.get(key);
    if (held && held.expiresAt - CAPABILITY_RENEW_MARGIN_MS > this.now()) return held.token;
    const answer = await client.request({
      type: 'capability.request',
      provider,
      scopes: [...scopes],
    });
    if (answer.type !== 'capability') throw unexpected(answer.type);
    this.capabilities.set(key, { token: answer.token, expiresAt: Date.parse(answer.expiresAt) });
    return answer.token;
  }

  private async connection(): Promise<BrokerClient> {
    if (this.client && !this.client.isClosed) return this.client;
    if (!this.options.assistantKey) {
      throw new BrokerClientError(
        'unauthorized',
        'This assistant has no TuneBridge key. Connect it from TuneBridge (or run `npx tunebridge connect print` and paste the entry into its config).',
      );
    }
    this.connecting ??= this.open(this.options.assistantKey).finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(assistantKey: string): Promise<BrokerClient> {
    const { socketPath } = this.options;
    const client = await BrokerClient.connect(
      typeof socketPath === 'string' ? socketPath : await socketPath(),
    );
    client.onClose(() => {
      if (this.client === client) this.client = undefined;
      if (!this.closing) this.lostAt = this.now();
      this.capabilities.clear();
      // TuneBridge stopped or cut us off: find it again (a revoked key stops at its hello).
      if (this.onView) this.retryLater();
    });
    try {
      const welcome = await client.request({
        type: 'hello',
        protocol: BROKER_PROTOCOL_VERSION,
        assistantKey,
        mcpClient:
          typeof this.options.client === 'function' ? this.options.client() : this.options.client,
      });
      if (welcome.type !== 'welcome') throw unexpected(welcome.type);
      if (this.onView) {
        client.onEvent((push) => {
          if (push.event === 'policy.changed' || push.event === 'providers.changed') {
            void this.refreshView();
          }
        });
        await client.request({ type: 'watch' });
      }
    } catch (error) {
      if (error instanceof BrokerClientError && FINAL_REFUSALS.has(error.code)) {
        this.refused = true;
      }
      client.close();
      throw error;
    }
    this.client = client;
    return client;
  }

  /** The host was here moments ago, so a missing host is likely restarting: worth a wait. */
  private restarting(): boolean {
    return (
      !this.closing &&
      this.lostAt !== undefined &&
      this.now() - this.lostAt < HOST_RESTART_WINDOW_MS
    );
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function capabilityKey(provider: ProviderId, scopes: readonly string[]): string {
  return `${provider}|${[...scopes].sort().join(' ')}`;
}

function unexpected(type: string): BrokerClientError {
  return new BrokerClientError(
    'internal',
    `TuneBridge answered with an unexpected "${type}". Update TuneBridge.`,
  );
}
