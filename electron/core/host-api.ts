import type { AuditRecord } from '../../protocol/audit.js';
import { PROVIDER_NAMES } from '../../protocol/providers.js';
import type { HostApiRequest, HostApiResponse, HostEvent } from '../../protocol/host-api.js';
import type { LoginOutcome } from './host-controller.js';
import type { RunningHost } from './host.js';

/**
 * Carries out one window request against the host. The Electron IPC handler and the headless
 * UI server both parse with `HostApiRequest` and call this; errors are thrown as the host's typed
 * errors, whose messages are written for the person.
 */
export async function handleHostApi(
  host: RunningHost,
  request: HostApiRequest,
): Promise<HostApiResponse> {
  const { controller } = host;
  switch (request.op) {
    case 'status':
      return { op: 'status', status: controller.status() };
    case 'login.start': {
      const attempt = await controller.startLogin(request.provider);
      const name = PROVIDER_NAMES[request.provider];
      // The window learns the outcome from the event stream; nobody awaits it here.
      attempt.done.then(
        (account) =>
          host.events.emit('login.finished', {
            provider: request.provider,
            ok: true,
            message: `${name} connected as ${account.displayName ?? account.accountId ?? 'you'}`,
          }),
        (error: unknown) =>
          host.events.emit('login.finished', {
            provider: request.provider,
            ok: false,
            message: error instanceof Error ? error.message : `The ${name} login failed.`,
          }),
      );
      return {
        op: 'login.start',
        authorizationUrl: attempt.authorizationUrl,
        redirectUri: attempt.redirectUri,
      };
    }
    case 'logout':
      await controller.logout(request.provider);
      return { op: 'done' };
    case 'client.issue':
      return { op: 'client.issue', ...(await controller.issueClient(request.name)) };
    case 'client.revoke':
      await controller.revokeClient(request.clientId);
      return { op: 'done' };
    case 'client.policy':
      await controller.setPolicy(request.clientId, request.policy);
      return { op: 'done' };
    case 'pause.all':
      await controller.pauseAll(request.paused);
      return { op: 'done' };
    case 'audit.query':
      return { op: 'audit.query', records: await controller.queryAudit(request.query) };
  }
}

/** Subscribes to what a window should hear about; returns the unsubscribe. */
export function subscribeHostEvents(
  host: RunningHost,
  listener: (event: HostEvent) => void,
): () => void {
  const providers = () => listener({ event: 'providers.changed' });
  const clients = () => listener({ event: 'clients.changed' });
  const audit = (record: AuditRecord) => listener({ event: 'audit.appended', record });
  const login = (outcome: LoginOutcome) => listener({ event: 'login.finished', ...outcome });
  host.events.on('providers.changed', providers);
  host.events.on('clients.changed', clients);
  host.events.on('audit.appended', audit);
  host.events.on('login.finished', login);
  return () => {
    host.events.off('providers.changed', providers);
    host.events.off('clients.changed', clients);
    host.events.off('audit.appended', audit);
    host.events.off('login.finished', login);
  };
}
