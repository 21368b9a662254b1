import { BROKER_PROTOCOL_VERSION, type AuditRecordRequest } from '../protocol/broker.js';
import type { ProviderId } from '../protocol/providers.js';
import type { z } from 'zod';
import { BrokerClient, BrokerClientError } from './broker-client.js';

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
}

interface HeldCapability {
  token: string;
  expiresAt: number;
}

// A capability this close to expiry is replaced rather than risked on a slow upstream call.
const CAPABILITY_RENEW_MARGIN_MS = 15_000;

/**
 * The bridge's link to the host: connects on first use (so `tools/list` never waits for it),
 * says hello with the client key, and holds short-lived capabilities per provider and scope set.
 */
export class HostSession {
  private client: BrokerClient | undefined;
  private connecting: Promise<BrokerClient> | undefined;
  private readonly capabilities = new Map<string, HeldCapability>();

  constructor(
    private readonly options: {
      socketPath: string;
      clientKey: string | undefined;
      client: { name: string; version: string };
      now?: () => number;
    },
  ) {}

  async callApi(
    provider: ProviderId,
    scopes: readonly string[],
    request: ApiRequest,
  ): Promise<ApiResponse> {
    const client = await this.connection();
    for (let attempt = 0; ; attempt += 1) {
      const capability = await this.capability(client, provider, scopes);
      try {
        const answer = await client.request({ type: 'api.call', capability, provider, ...request });
        if (answer.type !== 'api.result') throw unexpected(answer.type);
        return {
          status: answer.status,
          body: answer.body,
          retryAfterSeconds: answer.retryAfterSeconds,
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

  /** Best effort: a tool's result never waits on, or fails because of, its audit line. */
  recordTool(record: Omit<z.infer<typeof AuditRecordRequest>, 'type' | 'id'>): void {
    const client = this.client;
    if (!client || client.isClosed) return;
    client.request({ type: 'audit.record', ...record }).catch(() => undefined);
  }

  close(): void {
    this.client?.close();
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
    if (!this.options.clientKey) {
      throw new BrokerClientError(
        'unauthorized',
        'This assistant has no TuneBridge key. Connect it from TuneBridge (or run `npx tunebridge connect print` and paste the entry into its config).',
      );
    }
    this.connecting ??= this.open(this.options.clientKey).finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(clientKey: string): Promise<BrokerClient> {
    const client = await BrokerClient.connect(this.options.socketPath);
    client.onClose(() => {
      if (this.client === client) this.client = undefined;
      this.capabilities.clear();
    });
    const welcome = await client.request({
      type: 'hello',
      protocol: BROKER_PROTOCOL_VERSION,
      clientKey,
      client: this.options.client,
    });
    if (welcome.type !== 'welcome') throw unexpected(welcome.type);
    this.client = client;
    return client;
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
