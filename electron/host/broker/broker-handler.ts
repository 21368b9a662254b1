import { timingSafeEqual } from 'node:crypto';
import {
  BROKER_PROTOCOL_VERSION,
  type ApiCallRequest,
  type BrokerRequest,
  type CapabilityRequest,
} from '../../../protocol/broker.js';
import type { z } from 'zod';
import {
  PERMISSION_GROUP_LABELS,
  groupForScope,
  scopesAllowedBy,
  SCOPES_BY_GROUP,
} from '../../../protocol/policy.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { AuditEvent } from '../../../protocol/audit.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ApprovalOutcome, HostController } from '../host-controller.js';
import type { OpenExternal } from '../open-external.js';
import type { ClientRecord } from '../settings/settings-schema.js';
import type { ProviderApiProxy } from './api-proxy.js';
import { BrokerError } from './broker-error.js';
import { buildDoctorReport } from './doctor-report.js';
import type { BrokerConnection, BrokerHandler } from './broker-server.js';
import type { ApprovalDesk } from '../approvals/approval-desk.js';
import { handleApprovalAndUndo } from '../approvals/approval-and-undo-requests.js';
import { newWindowAddress } from '../window-address.js';
import type { ReceiptBook } from '../receipts/receipt-book.js';
import type { CapabilityStore } from './capability-store.js';
import type { ClientRegistry } from './client-registry.js';

export interface BrokerServices {
  clients: ClientRegistry;
  capabilities: CapabilityStore;
  proxy: ProviderApiProxy;
  accounts: AccountService;
  controller: HostController;
  audit: (event: AuditEvent) => Promise<unknown>;
  controlKey: string;
  now?: () => number;
  /** Opens a link the host built itself (`open.link`). */
  openExternal?: OpenExternal;
  /** "Ask me" questions with every channel to answer them, and the receipts of changes. */
  approvals: ApprovalDesk;
  receipts: ReceiptBook;
}

/** Maps each broker request to the host's services, enforcing who may ask for what. */
export function createBrokerHandler(services: BrokerServices): BrokerHandler {
  const now = services.now ?? Date.now;
  /** When each assistant last had links opened, for the per-minute cap. */
  const linksOpened = new Map<string, number[]>();

  return async (connection, request) => {
    switch (request.type) {
      case 'hello':
        return hello(connection, request);
      case 'control.hello':
        return controlHello(connection, request.id, request.protocol, request.controlKey);
      case 'capability.request':
        return issueCapability(connection, request);
      case 'api.call':
        return apiCall(connection, request);
      case 'audit.record': {
        const client = activeClient(connection);
        await services.audit({
          kind: 'tool.call',
          outcome: request.outcome,
          clientId: client.clientId,
          clientName: client.name,
          provider: request.provider,
          tool: request.tool,
          durationMs: request.durationMs,
          message: request.summary,
        });
        return connection.send({ type: 'ack', id: request.id });
      }
      case 'watch':
        // A paused assistant may watch too, so that it hears when it is resumed.
        if (connection.role.kind !== 'control') knownClient(connection);
        connection.watching = true;
        return connection.send({ type: 'ack', id: request.id });
      case 'whoami': {
        const client = knownClient(connection);
        return connection.send({
          type: 'welcome',
          id: request.id,
          clientId: client.clientId,
          policy: client.policy,
          providers: services.accounts.summaries(),
        });
      }
      case 'doctor':
        return doctor(connection, request.id, request.provider);
      case 'login.start':
        return login(connection, request.id, request.provider);
      case 'client.issue': {
        requireControl(connection);
        const issued = await services.controller.issueClient(request.name);
        return connection.send({ type: 'client.issued', id: request.id, ...issued });
      }
      case 'status':
        requireControl(connection);
        return connection.send({ type: 'status', id: request.id, ...services.controller.status() });
      case 'client.revoke':
        requireControl(connection);
        await services.controller.revokeClient(request.clientId);
        return connection.send({ type: 'ack', id: request.id });
      case 'client.policy':
        requireControl(connection);
        await services.controller.setPolicy(request.clientId, request.policy);
        return connection.send({ type: 'ack', id: request.id });
      case 'pause.all':
        requireControl(connection);
        await services.controller.pauseAll(request.paused);
        return connection.send({ type: 'ack', id: request.id });
      case 'logout':
        requireControl(connection);
        await services.controller.logout(request.provider);
        return connection.send({ type: 'ack', id: request.id });
      case 'audit.query':
        requireControl(connection);
        return connection.send({
          type: 'audit.records',
          id: request.id,
          records: await services.controller.queryAudit(request.query),
        });
      case 'client.connect': {
        requireControl(connection);
        const done = await services.controller.connectAssistant(request.mcpClient);
        // As in the window: a repair also retires the key the client had dropped.
        await services.controller.revokeStaleKeys(request.mcpClient, done.issued.client.clientId);
        return connection.send({
          type: 'client.connected',
          id: request.id,
          mcpClient: request.mcpClient,
          client: done.issued.client,
          configPath: done.configPath,
          backupPath: done.backupPath,
          replacedClientId: done.replacedClientId,
          keptPermissions: done.keptPermissions,
          restartHint: done.restartHint,
        });
      }
      case 'window.open':
        requireControl(connection);
        return connection.send({
          type: 'window.opened',
          id: request.id,
          url: newWindowAddress(services.controller),
        });
      case 'client.disconnect': {
        requireControl(connection);
        const done = await services.controller.disconnectAssistant(request.mcpClient);
        await services.controller.revokeStaleKeys(request.mcpClient);
        return connection.send({
          type: 'client.disconnected',
          id: request.id,
          mcpClient: request.mcpClient,
          ...done,
        });
      }
      case 'open.link':
        return openLink(connection, request);
      default:
        return handleApprovalAndUndo(services, connection, request);
    }
  };

  /**
   * Opens a TIDAL track, album or playlist on this computer. The URL is built here from the kind
   * and id, so a bridge can never make the host open a link of its choosing.
   */
  async function openLink(
    connection: BrokerConnection,
    request: Extract<BrokerRequest, { type: 'open.link' }>,
  ) {
    const client = activeClient(connection);
    const name = PROVIDER_NAMES[request.provider];
    const url = `https://tidal.com/browse/${request.kind}/${encodeURIComponent(request.itemId)}`;
    const base: AuditEvent = {
      kind: 'tool.call',
      outcome: 'ok',
      clientId: client.clientId,
      clientName: client.name,
      provider: request.provider,
      tool: 'open.link',
    };
    const refuse = async (code: 'endpoint_not_allowed' | 'scope_not_allowed', message: string) => {
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError(code, message);
    };
    if (request.provider !== 'tidal') {
      return refuse('endpoint_not_allowed', `TuneBridge opens only TIDAL links, not ${name} ones.`);
    }
    if (!client.policy.providers.includes(request.provider)) {
      return refuse(
        'scope_not_allowed',
        `${name} is switched off for ${client.name} in TuneBridge. Turn it on under Assistants to allow this.`,
      );
    }
    if (!client.policy.groups.includes('playback')) {
      // Opening an app on the person's screen acts on their device, like playback does.
      return refuse(
        'scope_not_allowed',
        policyRefusal(request.provider, client.name, [
          ...SCOPES_BY_GROUP[request.provider].playback,
        ]),
      );
    }
    const recent = (linksOpened.get(client.clientId) ?? []).filter(
      (at) => now() - at < LINK_WINDOW_MS,
    );
    if (recent.length >= MAX_LINKS_PER_WINDOW) {
      const message = `${client.name} opened ${MAX_LINKS_PER_WINDOW} links in the last minute; TuneBridge opens no more for now.`;
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('rate_limited', message, 60);
    }
    linksOpened.set(client.clientId, [...recent, now()]);
    const opened = await (services.openExternal?.(url) ?? Promise.resolve(false)).catch(
      () => false,
    );
    await services.audit({
      ...base,
      outcome: opened ? 'ok' : 'error',
      message: opened ? `Opened ${url}` : `Could not start the system opener for ${url}`,
    });
    connection.send({ type: 'link.opened', id: request.id, url, opened });
  }

  async function hello(
    connection: BrokerConnection,
    request: Extract<BrokerRequest, { type: 'hello' }>,
  ) {
    if (connection.role.kind !== 'anonymous') {
      throw new BrokerError('bad_frame', 'This connection has already said hello.');
    }
    if (request.protocol !== BROKER_PROTOCOL_VERSION) {
      throw new BrokerError(
        'unsupported_protocol',
        `This bridge speaks broker protocol ${request.protocol} but TuneBridge speaks ${BROKER_PROTOCOL_VERSION}. Update TuneBridge and reconnect the assistant.`,
      );
    }
    const known = services.clients.authenticate(request.clientKey);
    if (!known) {
      await services.audit({
        kind: 'broker.auth',
        outcome: 'refused',
        message: `Unknown or revoked client key from "${request.client.name}"`,
      });
      throw new BrokerError(
        'unauthorized',
        'TuneBridge does not recognise this assistant’s key (it may have been revoked). Reconnect the assistant from TuneBridge.',
      );
    }
    const client = services.controller.adoptClientName(known, request.client.name);
    connection.role = { kind: 'client', clientId: client.clientId };
    services.clients.markSeen(client.clientId);
    await services.audit({
      kind: 'broker.auth',
      outcome: 'ok',
      clientId: client.clientId,
      clientName: client.name,
      message: `${request.client.name} ${request.client.version}`,
    });
    connection.send({
      type: 'welcome',
      id: request.id,
      clientId: client.clientId,
      policy: client.policy,
      providers: services.accounts.summaries(),
    });
  }

  async function controlHello(
    connection: BrokerConnection,
    id: number,
    protocol: number,
    key: string,
  ) {
    const expected = Buffer.from(services.controlKey);
    const presented = Buffer.from(key);
    const ok = presented.length === expected.length && timingSafeEqual(presented, expected);
    if (!ok || protocol !== BROKER_PROTOCOL_VERSION || connection.role.kind !== 'anonymous') {
      await services.audit({
        kind: 'broker.auth',
        outcome: 'refused',
        message: 'Control connection refused',
      });
      throw new BrokerError(
        'unauthorized',
        'The TuneBridge command line could not authenticate to the running host. Restart TuneBridge and try again.',
      );
    }
    connection.role = { kind: 'control' };
    connection.send({ type: 'ack', id });
  }

  async function issueCapability(
    connection: BrokerConnection,
    request: z.infer<typeof CapabilityRequest>,
  ) {
    const client = activeClient(connection);
    const name = PROVIDER_NAMES[request.provider];
    const refuse = async (
      code: 'scope_not_allowed' | 'provider_not_connected' | 'needs_login',
      message: string,
    ) => {
      await services.audit({
        kind: 'capability.refused',
        outcome: 'refused',
        clientId: client.clientId,
        clientName: client.name,
        provider: request.provider,
        scopes: request.scopes,
        message,
      });
      throw new BrokerError(code, message);
    };

    if (!client.policy.providers.includes(request.provider)) {
      return refuse(
        'scope_not_allowed',
        `${name} is switched off for ${client.name} in TuneBridge. Turn it on under Assistants to allow this.`,
      );
    }
    const account = services.accounts.summary(request.provider);
    if (account.status === 'needs-login') {
      return refuse(
        'needs_login',
        `${name} needs you to log in again: open TuneBridge or run \`tunebridge login ${request.provider}\`.`,
      );
    }
    if (account.status !== 'connected') {
      return refuse(
        'provider_not_connected',
        `${name} is not connected. Open TuneBridge and connect ${name}, or run \`tunebridge login ${request.provider}\`.`,
      );
    }
    const granted = new Set(account.scopes);
    const notGranted = request.scopes.filter((scope) => !granted.has(scope));
    if (notGranted.length > 0) {
      return refuse(
        'scope_not_allowed',
        `${name} did not grant ${notGranted.join(', ')}. Log in to ${name} again from TuneBridge to grant it.`,
      );
    }
    const allowed = scopesAllowedBy(request.provider, client.policy.groups);
    const notAllowed = request.scopes.filter((scope) => !allowed.has(scope));
    if (notAllowed.length > 0) {
      return refuse('scope_not_allowed', policyRefusal(request.provider, client.name, notAllowed));
    }

    const { token, expiresAt } = services.capabilities.issue({
      clientId: client.clientId,
      provider: request.provider,
      scopes: new Set(request.scopes),
    });
    await services.audit({
      kind: 'capability.issued',
      outcome: 'ok',
      clientId: client.clientId,
      clientName: client.name,
      provider: request.provider,
      scopes: request.scopes,
      message: `Valid until ${new Date(expiresAt).toISOString()}`,
    });
    connection.send({
      type: 'capability',
      id: request.id,
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      scopes: request.scopes,
    });
  }

  async function apiCall(connection: BrokerConnection, request: z.infer<typeof ApiCallRequest>) {
    const client = activeClient(connection);
    const started = performance.now();
    const base: AuditEvent = {
      kind: 'api.call',
      outcome: 'ok',
      clientId: client.clientId,
      clientName: client.name,
      provider: request.provider,
      method: request.method,
      path: request.path,
    };
    const check = services.capabilities.check(
      request.capability,
      client.clientId,
      request.provider,
    );
    if (!check.ok) {
      const message =
        check.reason === 'capability_expired'
          ? 'The capability expired; ask TuneBridge for a new one.'
          : 'The capability is not valid for this assistant and provider.';
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError(check.reason, message);
    }
    const rule = services.accounts
      .runtime(request.provider)
      ?.endpoints.match(request.method, request.path);
    if (!rule) {
      const message = `TuneBridge does not allow ${request.method} ${request.path} for assistants.`;
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('endpoint_not_allowed', message);
    }
    const missing = rule.scopes.filter((scope) => !check.capability.scopes.has(scope));
    if (missing.length > 0) {
      const message = `This request needs ${missing.join(', ')}, which the capability does not carry.`;
      await services.audit({
        ...base,
        outcome: 'refused',
        scopes: [...check.capability.scopes],
        message,
      });
      throw new BrokerError('scope_not_allowed', message);
    }
    const approved =
      client.policy.askBeforeChanges && request.method !== 'GET'
        ? await askThePerson(connection, request, client, rule.scopes, base)
        : undefined;
    if (request.method === 'GET' && request.body !== undefined) {
      const message = 'A GET request cannot carry a body; send the data as query parameters.';
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('bad_frame', message);
    }
    let result: Awaited<ReturnType<typeof services.receipts.around>>;
    try {
      result = await services.receipts.around(client, request, rule.scopes, () =>
        services.proxy.call({
          provider: request.provider,
          method: request.method,
          path: request.path,
          query: request.query,
          body: request.body,
          idempotencyKey: request.idempotencyKey,
        }),
      );
    } catch (error) {
      const brokerError = toBrokerError(error, request.provider);
      await services.audit({
        ...base,
        outcome: 'error',
        durationMs: elapsedSince(started),
        message: brokerError.message,
      });
      throw brokerError;
    }
    const durationMs = elapsedSince(started);
    // Answer first: the record is still written before this connection's next request runs.
    // Outside the try above, so a failed audit write can't turn a delivered answer into an error.
    connection.send({
      type: 'api.result',
      id: request.id,
      status: result.status,
      body: result.body,
      retryAfterSeconds: result.retryAfterSeconds,
      receiptId: result.receiptId,
    });
    await services.audit({
      ...base,
      outcome: result.status < 400 ? 'ok' : 'error',
      status: result.status,
      durationMs,
      scopes: [...check.capability.scopes],
      receiptId: result.receiptId,
      message:
        result.status === 429
          ? `Rate limited by ${PROVIDER_NAMES[request.provider]}: answered 429, retry after ${result.retryAfterSeconds ?? 1} s`
          : result.attempts > 1
            ? `${result.attempts} attempts`
            : approved,
    });
  }

  /**
   * "Ask me" mode: a change waits for the person's answer in TuneBridge. A refusal (declined, no
   * answer in time, or the assistant paused or revoked meanwhile) is audited and answered with
   * `approval_denied`; an approval is re-checked, since the policy may have changed while it
   * waited. Resolves with the note for the call's audit record.
   */
  async function askThePerson(
    connection: BrokerConnection,
    request: z.infer<typeof ApiCallRequest>,
    client: ClientRecord,
    scopes: readonly string[],
    base: AuditEvent,
  ): Promise<string> {
    const labels = [...new Set(scopes.map((scope) => groupForScope(request.provider, scope)))]
      .filter((group) => group !== undefined)
      .map((group) => PERMISSION_GROUP_LABELS[group]);
    const what = labels.length > 0 ? labels.join(', ') : 'A change';
    const { outcome, via } = await services.approvals.ask(connection, request, {
      clientId: client.clientId,
      clientName: client.name,
      provider: request.provider,
      method: request.method,
      path: request.path,
      summary: `${what} on ${PROVIDER_NAMES[request.provider]}: ${request.method} ${request.path}${describeItems(request)}`,
    });
    if (outcome !== 'allowed') {
      const message = `${approvalRefusal(outcome, client.name)}${via ? ` (Answered ${via}.)` : ''}`;
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('approval_denied', message);
    }
    activeClient(connection);
    if (connection.closed) {
      // The assistant hung up while the person decided; nobody is left to act for.
      const message = `${client.name} disconnected before the change was approved; nothing was sent.`;
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('approval_denied', message);
    }
    const check = services.capabilities.check(
      request.capability,
      client.clientId,
      request.provider,
    );
    if (!check.ok) {
      const message = 'The capability ended while the change waited for approval; ask again.';
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError(check.reason, message);
    }
    return `Allowed by the person ${via ?? 'in the window'} (Ask before changes)`;
  }

  async function login(connection: BrokerConnection, id: number, provider: ProviderId) {
    requireControl(connection);
    const attempt = await services.controller.startLogin(provider);
    connection.send({
      type: 'login.pending',
      id,
      authorizationUrl: attempt.authorizationUrl,
      redirectUri: attempt.redirectUri,
    });
    const account = await attempt.done;
    connection.send({ type: 'login.complete', id, account });
  }

  /**
   * The doctor report, for the CLI (control) and for a bridge's `spotify_doctor` (client). Its
   * probes go through the endpoint table, the grant, the client's policy and the audit log,
   * like any `api.call`; a probe the policy would refuse is reported as not checked.
   */
  async function doctor(connection: BrokerConnection, id: number, provider: ProviderId) {
    const client = connection.role.kind === 'control' ? undefined : activeClient(connection);
    const name = PROVIDER_NAMES[provider];
    if (client && !client.policy.providers.includes(provider)) {
      throw new BrokerError(
        'scope_not_allowed',
        `${name} is switched off for ${client.name} in TuneBridge. Turn it on under Assistants to allow this.`,
      );
    }
    const summary = services.accounts.summary(provider);
    const runtime = services.accounts.runtime(provider);
    const allowed = client ? scopesAllowedBy(provider, client.policy.groups) : undefined;
    const granted = new Set(summary.scopes);
    const report = await buildDoctorReport(provider, {
      summary,
      loginScopes: runtime?.oauth.scopes ?? [],
      rateLimitedUntil: services.proxy.rateLimitedUntil(provider),
      now: now(),
      probe: async (call) => {
        const rule = runtime?.endpoints.match(call.method, call.path);
        if (!rule) return { skipped: 'not in TuneBridge’s endpoint table' };
        const notGranted = rule.scopes.filter((scope) => !granted.has(scope));
        if (notGranted.length > 0) return { skipped: `needs ${notGranted.join(', ')}` };
        const notAllowed = rule.scopes.filter((scope) => allowed && !allowed.has(scope));
        if (notAllowed.length > 0)
          return { skipped: policyRefusal(provider, client?.name ?? '', notAllowed) };
        const started = performance.now();
        const result = await services.proxy.call({ provider, ...call });
        await services.audit({
          kind: 'api.call',
          outcome: result.status < 400 ? 'ok' : 'error',
          clientId: client?.clientId,
          clientName: client?.name ?? 'tunebridge doctor',
          provider,
          method: call.method,
          path: call.path,
          status: result.status,
          durationMs: elapsedSince(started),
          scopes: [...rule.scopes],
          message: 'doctor probe',
        });
        return result;
      },
    });
    connection.send({ type: 'doctor.report', id, report });
  }

  /** Re-reads the client on every request, so a revoke or pause applies to the very next call. */
  function activeClient(connection: BrokerConnection): ClientRecord {
    const client = knownClient(connection);
    if (client.policy.paused) {
      throw new BrokerError(
        'client_paused',
        `Access for ${client.name} is paused in TuneBridge. Resume it there to continue.`,
      );
    }
    return client;
  }

  /** The hello'd, unrevoked client behind a connection, paused or not. */
  function knownClient(connection: BrokerConnection): ClientRecord {
    if (connection.role.kind !== 'client') {
      throw new BrokerError('not_authenticated', 'Say hello with a client key first.');
    }
    const client = services.clients.get(connection.role.clientId);
    if (!client || client.revokedAt) {
      throw new BrokerError(
        'client_revoked',
        'This assistant’s access was revoked in TuneBridge. Reconnect it from TuneBridge to use it again.',
      );
    }
    return client;
  }

  function requireControl(connection: BrokerConnection): void {
    if (connection.role.kind !== 'control') {
      throw new BrokerError('not_authenticated', 'Only the TuneBridge command line may do this.');
    }
  }
}

/**
 * What a change touches, for the approval prompt: how many items and the first few of them, so
 * "replace this playlist's items" and "remove 200 tracks" don't look alike. Bounded and built
 * only from ids and URIs.
 */
function describeItems(request: z.infer<typeof ApiCallRequest>): string {
  const items: string[] = [];
  const body = request.body;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    if (Array.isArray(record.uris)) items.push(...record.uris.filter((u) => typeof u === 'string'));
    if (Array.isArray(record.tracks)) {
      for (const track of record.tracks) {
        const uri = (track as { uri?: unknown } | null)?.uri;
        if (typeof uri === 'string') items.push(uri);
      }
    }
    if (Array.isArray(record.data)) {
      for (const entry of record.data) {
        const id = (entry as { id?: unknown; type?: unknown } | null)?.id;
        const type = (entry as { type?: unknown } | null)?.type;
        if (typeof id === 'string') items.push(`${typeof type === 'string' ? type : 'item'} ${id}`);
      }
    }
  }
  const queryUris = request.query?.uris ?? request.query?.ids;
  if (queryUris) items.push(...queryUris.split(','));
  if (items.length === 0) return '';
  const shown = items.slice(0, 3).map((item) => item.replace(/[^\w:. -]/g, '').slice(0, 60));
  const more = items.length > 3 ? ` and ${items.length - 3} more` : '';
  return ` — ${items.length} item${items.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}

/** A prompt-injected loop must not be able to flood the person's screen with windows. */
const MAX_LINKS_PER_WINDOW = 5;
const LINK_WINDOW_MS = 60_000;

function policyRefusal(provider: ProviderId, clientName: string, scopes: string[]): string {
  const groups = [...new Set(scopes.map((scope) => groupForScope(provider, scope)))];
  const switches = groups
    .map((group) => (group ? `“${PERMISSION_GROUP_LABELS[group]}”` : undefined))
    .filter((label): label is string => label !== undefined);
  const which = switches.length > 0 ? switches.join(' and ') : 'the matching permission';
  return `${clientName} may not do this: switch on ${which} for it in TuneBridge (Assistants).`;
}

function approvalRefusal(outcome: ApprovalOutcome, clientName: string): string {
  const off = `To let ${clientName} make changes without asking, switch off “Ask before changes” for it under Assistants in TuneBridge.`;
  switch (outcome) {
    case 'withdrawn':
      return `${clientName} was paused or revoked in TuneBridge while this change waited for approval; nothing was changed.`;
    case 'timed-out':
      return `Nobody answered TuneBridge’s request to allow this change in time, so it was refused and nothing was changed. Try again and answer the prompt in TuneBridge. ${off}`;
    default:
      return `The person declined this change when TuneBridge asked, so nothing was changed. Don’t retry it unless they ask again. ${off}`;
  }
}

function toBrokerError(error: unknown, provider: ProviderId): BrokerError {
  if (error instanceof BrokerError) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : 'Unknown error.';
  if (code === 'needs_login' || code === 'invalid_grant')
    return new BrokerError('needs_login', message);
  if (code === 'not_connected') return new BrokerError('provider_not_connected', message);
  if (code === 'upstream_unavailable') return new BrokerError('upstream_unavailable', message);
  return new BrokerError(
    'internal',
    `TuneBridge could not complete the ${PROVIDER_NAMES[provider]} request. Try again; if it keeps failing, check TuneBridge's Activity view.`,
    undefined,
    { cause: error },
  );
}

/** Milliseconds since a `performance.now()` reading: monotonic, so never negative. */
function elapsedSince(started: number): number {
  return Math.max(0, performance.now() - started);
}
