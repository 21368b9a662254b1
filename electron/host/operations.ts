import type {
  OperationName,
  OperationRequest,
  OperationResponse,
} from '../../protocol/operations.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import { HostError } from './errors.js';
import { connectByBundle, connectByConfig, detectedAssistants } from './services/client-configs.js';
import type { RunningHost } from './host.js';
import { newWindowAddress } from './window-address.js';
import { SECURITY_HANDLERS } from './security/security-ops.js';
import { LIBRARY_HANDLERS } from './library/library-ops.js';

/** What the operations reach: the controller, the event bus, the data folder, receipts. */
export type OperationHost = Pick<
  RunningHost,
  | 'controller'
  | 'events'
  | 'paths'
  | 'receipts'
  | 'approvals'
  | 'accounts'
  | 'security'
  | 'record'
  | 'providerApi'
>;

/** Where the person acted: said in audit records and in an assistant's "answered …" note. */
export type OperationOrigin = 'window' | 'command line';

export type Handlers = {
  [Op in OperationName]: (
    host: OperationHost,
    request: OperationRequest<Op>,
    origin: OperationOrigin,
  ) => Promise<OperationResponse<Op>>;
};

/**
 * The host's half of the operation table (protocol/operations.ts): one handler per operation,
 * whoever asks — the window over IPC or `POST /api`, the tray, or the CLI over the broker's
 * control role. Errors are the host's typed errors, whose messages are written for the person.
 */
const HANDLERS: Handlers = {
  status: async ({ controller }) => ({
    op: 'status',
    status: {
      ...controller.status(),
      alerts: controller.alerts(),
      approvals: controller.pendingApprovals(),
      setup: controller.providerSetup(),
      secretStorage: controller.secretStorage(),
    },
  }),
  'login.start': async ({ controller, events }, { provider }) => {
    const attempt = await controller.startLogin(provider);
    const name = PROVIDER_NAMES[provider];
    // The window learns the outcome from the event stream; nobody awaits it here.
    attempt.done.then(
      (account) =>
        events.emit('login.finished', {
          provider,
          ok: true,
          message: `${name} connected as ${account.displayName ?? account.accountId ?? 'you'}`,
        }),
      (error: unknown) =>
        events.emit('login.finished', {
          provider,
          ok: false,
          message: error instanceof Error ? error.message : `The ${name} login failed.`,
        }),
    );
    return {
      op: 'login.start',
      authorizationUrl: attempt.authorizationUrl,
      redirectUri: attempt.redirectUri,
    };
  },
  logout: async ({ controller }, { provider }) => {
    await controller.logout(provider);
    return { op: 'done' };
  },
  'assistant.issue': async ({ controller }, { name }) => ({
    op: 'assistant.issue',
    ...(await controller.issueAssistant(name)),
  }),
  'assistant.revoke': async ({ controller }, { assistantId }) => {
    await controller.revokeAssistant(assistantId);
    return { op: 'done' };
  },
  'assistant.policy': async ({ controller }, { assistantId, policy }) => {
    await controller.setPolicy(assistantId, policy);
    return { op: 'done' };
  },
  'pause.all': async ({ controller }, { paused }) => {
    await controller.pauseAll(paused);
    return { op: 'done' };
  },
  'audit.query': async ({ controller }, { query }) => ({
    op: 'audit.query',
    records: await controller.queryAudit(query),
  }),
  'assistants.detected': async ({ controller }) => ({
    op: 'assistants.detected',
    assistants: await detectedAssistants(controller),
  }),
  'assistant.connect': async (host, { mcpClient, via, bundlePath }) => ({
    op: 'assistant.connect',
    connected:
      via === 'bundle'
        ? await connectByBundle(host, mcpClient, bundlePath)
        : await connectByConfig(host.controller, mcpClient),
  }),
  'assistant.disconnect': async ({ controller }, { mcpClient }) => {
    const done = await controller.disconnectAssistant(mcpClient);
    const stale = await controller.revokeStaleKeys(mcpClient);
    return {
      op: 'assistant.disconnect',
      mcpClient,
      configPath: done.configPath,
      removed: done.removed,
      backupPath: done.backupPath,
      revoked: done.revokedAssistantId !== undefined || stale > 0,
    };
  },
  'alert.dismiss': async ({ controller }, { id }) => {
    controller.dismissAlert(id);
    return { op: 'done' };
  },
  'approval.respond': async ({ approvals }, { id, allow }, origin) => {
    if (!approvals.answerFromPerson(id, allow, origin)) {
      throw new HostError(
        'not_found',
        origin === 'command line'
          ? 'No change waits under that id: it was already answered, or waited too long and was refused. Run `tunebridge approvals` to see what waits.'
          : 'That change was already answered, or it waited too long and was refused.',
      );
    }
    return { op: 'done' };
  },
  'approvals.list': async ({ controller }) => ({
    op: 'approvals.list',
    approvals: controller.pendingApprovals(),
  }),
  'receipts.list': async ({ receipts }, { limit }) => ({
    op: 'receipts.list',
    receipts: receipts.list({ limit: limit ?? 500 }),
  }),
  'receipt.undo': async ({ receipts }, { receiptId }, origin) => ({
    op: 'receipt.undo',
    receiptId,
    message: await receipts.undo(receiptId, { kind: 'person', via: origin }),
  }),
  'provider.configure': async ({ controller }, { provider, appClientId, redirectPort }) => ({
    op: 'provider.configure',
    ...(await controller.configureProvider(provider, { clientId: appClientId, redirectPort })),
  }),
  'window.open': async ({ controller }) => ({
    op: 'window.open',
    url: newWindowAddress(controller),
  }),
  'provider.unconfigure': async ({ controller }, { provider }) => ({
    op: 'provider.unconfigure',
    ...(await controller.removeProviderConfig(provider)),
  }),
  ...SECURITY_HANDLERS,
  ...LIBRARY_HANDLERS,
};

/** Carries out one operation; the answer's type follows from the request's `op`. */
export function runOperation<Request extends OperationRequest>(
  host: OperationHost,
  request: Request,
  origin: OperationOrigin = 'window',
): Promise<OperationResponse<Request['op']>> {
  const handler = HANDLERS[request.op] as (
    host: OperationHost,
    request: Request,
    origin: OperationOrigin,
  ) => Promise<OperationResponse<Request['op']>>;
  return handler(host, request, origin);
}
