import { accountVisibleTo, providersVisibleTo } from './assistant-view.js';
import type { z } from 'zod';
import type { AuditEvent } from '../../../protocol/audit.js';
import {
  BROKER_PROTOCOL_VERSION,
  type ApiCallRequest,
  type BrokerRequest,
  type CapabilityRequest,
} from '../../../protocol/broker.js';
import { scopesAllowedBy, SCOPES_BY_GROUP } from '../../../protocol/policy.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import {
  capabilityRefusal,
  endpointRefusal,
  getBodyRefusal,
  scopeRefusal,
  type Refusal,
} from './api-call-checks.js';
import { askThePerson } from './approval-prompt.js';
import { elapsedSince, type BrokerContext } from './broker-context.js';
import { BrokerError, toBrokerError } from './broker-error.js';
import type { BrokerConnection } from './broker-server.js';
import { buildDoctorReport } from './doctor-report.js';
import { policyRefusal } from './refusals.js';
import { assistantForCapability } from '../security/paused-refusal.js';

/** A prompt-injected loop must not be able to flood the person's screen with windows. */
const MAX_LINKS_PER_WINDOW = 5;
const LINK_WINDOW_MS = 60_000;

/**
 * The bridge role: what an assistant's bridge may ask after `hello` with its key. Every request
 * re-reads the assistant, so a pause or revoke applies to the very next one.
 */
export function createBridgeOperations(ctx: BrokerContext) {
  const { services, now, activeAssistant, knownAssistant } = ctx;
  /** When each assistant last had links opened, for the per-minute cap. */
  const linksOpened = new Map<string, number[]>();

  async function auditRecord(
    connection: BrokerConnection,
    request: Extract<BrokerRequest, { type: 'audit.record' }>,
  ) {
    const assistant = activeAssistant(connection);
    await services.audit({
      kind: 'tool.call',
      outcome: request.outcome,
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
      provider: request.provider,
      tool: request.tool,
      durationMs: request.durationMs,
      message: request.summary,
    });
    connection.send({ type: 'ack', id: request.id });
  }

  function watch(connection: BrokerConnection, id: number) {
    // A paused assistant may watch too, so that it hears when it is resumed.
    if (connection.role.kind !== 'control') knownAssistant(connection);
    connection.watching = true;
    connection.send({ type: 'ack', id });
  }

  function whoami(connection: BrokerConnection, id: number) {
    const assistant = knownAssistant(connection);
    connection.send({
      type: 'welcome',
      id,
      assistantId: assistant.assistantId,
      policy: assistant.policy,
      providers: providersVisibleTo(assistant.policy, services.accounts.summaries()),
    });
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
    const known = services.assistants.authenticate(request.assistantKey);
    if (!known) {
      await services.audit({
        kind: 'broker.auth',
        outcome: 'refused',
        message: `Unknown or revoked assistant key from "${request.mcpClient.name}"`,
      });
      throw new BrokerError(
        'unauthorized',
        'TuneBridge does not recognise this assistant’s key (it may have been revoked). Reconnect the assistant from TuneBridge.',
      );
    }
    // An assistant issued without a name takes the one its MCP client gives.
    const assistant = services.controller.assistantsService.adoptAssistantName(
      known,
      request.mcpClient.name,
    );
    connection.role = { kind: 'assistant', assistantId: assistant.assistantId };
    services.assistants.markSeen(assistant.assistantId);
    await services.audit({
      kind: 'broker.auth',
      outcome: 'ok',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
      message: `${request.mcpClient.name} ${request.mcpClient.version}`,
    });
    connection.send({
      type: 'welcome',
      id: request.id,
      assistantId: assistant.assistantId,
      policy: assistant.policy,
      providers: providersVisibleTo(assistant.policy, services.accounts.summaries()),
    });
  }

  async function issueCapability(
    connection: BrokerConnection,
    request: z.infer<typeof CapabilityRequest>,
  ) {
    const assistant = await assistantForCapability(ctx, connection, request);
    const name = PROVIDER_NAMES[request.provider];
    const refuse = async (
      code: 'scope_not_allowed' | 'provider_not_connected' | 'needs_login',
      message: string,
    ) => {
      await services.audit({
        kind: 'capability.refused',
        outcome: 'refused',
        assistantId: assistant.assistantId,
        assistantName: assistant.name,
        provider: request.provider,
        scopes: request.scopes,
        message,
      });
      throw new BrokerError(code, message);
    };

    if (!assistant.policy.providers.includes(request.provider)) {
      return refuse('scope_not_allowed', policyRefusal(request.provider, assistant.name));
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
    const allowed = scopesAllowedBy(request.provider, assistant.policy.groups);
    const notAllowed = request.scopes.filter((scope) => !allowed.has(scope));
    if (notAllowed.length > 0) {
      return refuse(
        'scope_not_allowed',
        policyRefusal(request.provider, assistant.name, notAllowed),
      );
    }

    const { token, expiresAt } = services.capabilities.issue({
      assistantId: assistant.assistantId,
      provider: request.provider,
      scopes: new Set(request.scopes),
    });
    await services.audit({
      kind: 'capability.issued',
      outcome: 'ok',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
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
    const assistant = activeAssistant(connection);
    const started = performance.now();
    const base: AuditEvent = {
      kind: 'api.call',
      outcome: 'ok',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
      provider: request.provider,
      method: request.method,
      path: request.path,
    };
    const refused = async (refusal: Refusal, scopes?: string[]): Promise<never> => {
      await services.audit({ ...base, outcome: 'refused', scopes, message: refusal.message });
      throw new BrokerError(refusal.code, refusal.message);
    };
    const check = services.capabilities.check(
      request.capability,
      assistant.assistantId,
      request.provider,
    );
    if (!check.ok) return refused(capabilityRefusal(check) as Refusal);
    const rule = services.accounts
      .runtime(request.provider)
      ?.endpoints.match(request.method, request.path, request.query);
    const noEndpoint = endpointRefusal(rule, request.method, request.path);
    if (!rule || noEndpoint) return refused(noEndpoint as Refusal);
    const noScope = scopeRefusal(rule.scopes, check.capability.scopes);
    if (noScope) return refused(noScope, [...check.capability.scopes]);
    const approved =
      assistant.policy.askBeforeChanges && request.method !== 'GET'
        ? await askThePerson(ctx, connection, request, assistant, rule.scopes, base)
        : undefined;
    const bodyOnGet = getBodyRefusal(request.method, request.body);
    if (bodyOnGet) return refused(bodyOnGet);
    let result: Awaited<ReturnType<typeof services.receipts.around>>;
    try {
      result = await services.receipts.around(assistant, request, rule.scopes, () =>
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
   * Opens a TIDAL track, album or playlist on this computer. The URL is built here from the kind
   * and id, so a bridge can never make the host open a link of its choosing.
   */
  async function openLink(
    connection: BrokerConnection,
    request: Extract<BrokerRequest, { type: 'open.link' }>,
  ) {
    const assistant = activeAssistant(connection);
    const name = PROVIDER_NAMES[request.provider];
    const url = `https://tidal.com/browse/${request.kind}/${encodeURIComponent(request.itemId)}`;
    const base: AuditEvent = {
      kind: 'tool.call',
      outcome: 'ok',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
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
    if (!assistant.policy.providers.includes(request.provider)) {
      return refuse('scope_not_allowed', policyRefusal(request.provider, assistant.name));
    }
    if (!assistant.policy.groups.includes('playback')) {
      // Opening an app on the person's screen acts on their device, like playback does.
      return refuse(
        'scope_not_allowed',
        policyRefusal(request.provider, assistant.name, [
          ...SCOPES_BY_GROUP[request.provider].playback,
        ]),
      );
    }
    const recent = (linksOpened.get(assistant.assistantId) ?? []).filter(
      (at) => now() - at < LINK_WINDOW_MS,
    );
    if (recent.length >= MAX_LINKS_PER_WINDOW) {
      const message = `${assistant.name} opened ${MAX_LINKS_PER_WINDOW} links in the last minute; TuneBridge opens no more for now.`;
      await services.audit({ ...base, outcome: 'refused', message });
      throw new BrokerError('rate_limited', message, 60);
    }
    linksOpened.set(assistant.assistantId, [...recent, now()]);
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

  /**
   * The doctor report, for the CLI (control) and for a bridge's `spotify_doctor` (assistant). Its
   * probes go through the endpoint table, the grant, the assistant's policy and the audit log,
   * like any `api.call`; a probe the policy would refuse is reported as not checked.
   */
  async function doctor(connection: BrokerConnection, id: number, provider: ProviderId) {
    const assistant = connection.role.kind === 'control' ? undefined : activeAssistant(connection);
    if (assistant && !assistant.policy.providers.includes(provider)) {
      throw new BrokerError('scope_not_allowed', policyRefusal(provider, assistant.name));
    }
    const held = services.accounts.summary(provider);
    const summary = assistant ? accountVisibleTo(assistant.policy, held) : held;
    const runtime = services.accounts.runtime(provider);
    const allowed = assistant ? scopesAllowedBy(provider, assistant.policy.groups) : undefined;
    const granted = new Set(summary.scopes);
    const report = await buildDoctorReport(provider, {
      summary,
      loginScopes: runtime?.oauth.scopes ?? [],
      rateLimitedUntil: services.proxy.rateLimitedUntil(provider),
      now: now(),
      probe: async (call) => {
        const rule = runtime?.endpoints.match(call.method, call.path, call.query);
        if (!rule) return { skipped: 'not in TuneBridge’s endpoint table' };
        const notGranted = rule.scopes.filter((scope) => !granted.has(scope));
        if (notGranted.length > 0) return { skipped: `needs ${notGranted.join(', ')}` };
        const notAllowed = rule.scopes.filter((scope) => allowed && !allowed.has(scope));
        if (notAllowed.length > 0)
          return { skipped: policyRefusal(provider, assistant?.name ?? '', notAllowed) };
        const started = performance.now();
        const result = await services.proxy.call({ provider, ...call });
        await services.audit({
          kind: 'api.call',
          outcome: result.status < 400 ? 'ok' : 'error',
          assistantId: assistant?.assistantId,
          assistantName: assistant?.name ?? 'tunebridge doctor',
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

  return { hello, issueCapability, apiCall, auditRecord, watch, whoami, openLink, doctor };
}
