import type { HostApiRequest, HostApiResponse } from '../../../protocol/host-api.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { RunningHost } from '../host.js';
import { MCP_CLIENTS } from '../clients/mcp-clients.js';
import { writeIncidentReport } from './incident-report.js';
import { runLockdown, type LockdownHost } from './lockdown.js';

type SecurityOp = Extract<
  HostApiRequest,
  { op: 'security.overview' | 'security.lockdown' | 'security.incident' }
>;

/** The Security view's operations, for the window, the tray and the command line alike. */
export async function handleSecurityOps(
  host: RunningHost,
  request: SecurityOp,
): Promise<HostApiResponse> {
  switch (request.op) {
    case 'security.overview':
      return {
        op: 'security.overview',
        overview: await host.security.overview({
          accounts: host.accounts.summaries(),
          assistants: host.controller.status().clients,
        }),
      };
    case 'security.lockdown':
      return { op: 'security.lockdown', report: await runLockdown(lockdownHost(host)) };
    case 'security.incident':
      return {
        op: 'security.incident',
        report: await writeIncidentReport({
          home: host.paths.home,
          auditDir: host.paths.auditDir,
          now: new Date(),
          since: request.since,
          record: host.record,
        }),
      };
  }
}

/** The lockdown's view of the running host. */
function lockdownHost(host: RunningHost): LockdownHost {
  const { controller, accounts } = host;
  return {
    assistants: () =>
      controller
        .status()
        .clients.map((c) => ({ id: c.clientId, name: c.name, revoked: c.revoked })),
    pauseAll: () => controller.pauseAll(true),
    revoke: (id) => controller.revokeClient(id),
    configsWithEntry: async () => {
      const found = await controller.detectAssistants();
      return found
        .filter((report) => report.health.status !== 'missing')
        .map((report) => ({
          mcpClient: report.mcpClient,
          name: MCP_CLIENTS[report.mcpClient].displayName,
          problem: report.health.status === 'broken' ? report.health.detail : undefined,
        }));
    },
    removeEntry: async (mcpClient) => {
      const done = await controller.disconnectAssistant(mcpClient);
      return { path: done.configPath, backupPath: done.backupPath };
    },
    providers: () => accounts.summaries(),
    logout: async (provider) => {
      await controller.logout(provider);
      const [record] = await controller.queryAudit({ kind: 'logout', provider, limit: 1 });
      return record?.message ?? `Logged out of ${PROVIDER_NAMES[provider]}.`;
    },
    eraseTokens: async (provider) => {
      if (!(await accounts.storedTokens(provider).catch(() => undefined))) return false;
      return accounts.disconnect(provider);
    },
    record: host.record,
    now: () => new Date(),
  };
}
