import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import { MCP_CLIENTS } from '../clients/mcp-clients.js';
import type { Handlers, OperationHost } from '../operations.js';
import { writeIncidentReport } from './incident-report.js';
import { runLockdown, type LockdownHost } from './lockdown.js';

/** The Security view's operations, for the window, the tray and the command line alike. */
export const SECURITY_HANDLERS: Pick<
  Handlers,
  'security.overview' | 'security.lockdown' | 'security.incident'
> = {
  'security.overview': async ({ security, accounts, controller }) => ({
    op: 'security.overview',
    overview: await security.overview({
      accounts: accounts.summaries(),
      assistants: controller.status().assistants,
    }),
  }),
  'security.lockdown': async (host) => ({
    op: 'security.lockdown',
    report: await runLockdown(lockdownHost(host)),
  }),
  'security.incident': async ({ paths, record }, { since }) => ({
    op: 'security.incident',
    report: await writeIncidentReport({
      home: paths.home,
      auditDir: paths.auditDir,
      now: new Date(),
      since,
      record,
    }),
  }),
};

/** The lockdown's view of the running host. */
function lockdownHost(host: OperationHost): LockdownHost {
  const { controller, accounts } = host;
  return {
    assistants: () =>
      controller
        .status()
        .assistants.map((a) => ({ id: a.assistantId, name: a.name, revoked: a.revoked })),
    pauseAll: () => controller.pauseAll(true),
    revoke: (id) => controller.revokeAssistant(id),
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
