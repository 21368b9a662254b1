import { AccountsService } from './services/accounts.js';
import { AlertsService } from './services/alerts.js';
import { ApprovalsService } from './services/approvals.js';
import { AssistantsService } from './services/assistants.js';
import { ClientConfigService } from './services/client-configs.js';
import type { HostDeps } from './services/host-types.js';
import { ProviderAppsService } from './services/provider-apps.js';

export * from './services/host-types.js';

/**
 * What a person can do to the host, as services: accounts, assistants, provider apps, client
 * configs, alerts and approvals. The operation table (operations.ts) is the one way the window,
 * the tray and the CLI reach them, so a pause or revoke means the same everywhere and takes
 * effect at once. The methods below are the services' own, listed here for the host's wiring.
 */
export class HostController {
  readonly accountsService: AccountsService;
  readonly assistantsService: AssistantsService;
  readonly providerApps: ProviderAppsService;
  readonly clientConfigs: ClientConfigService;
  readonly alertsService: AlertsService;
  readonly approvals: ApprovalsService;

  readonly startLogin: AccountsService['startLogin'];
  readonly logout: AccountsService['logout'];
  readonly status: AssistantsService['status'];
  readonly issueAssistant: AssistantsService['issueAssistant'];
  readonly revokeAssistant: AssistantsService['revokeAssistant'];
  readonly setPolicy: AssistantsService['setPolicy'];
  readonly pauseAll: AssistantsService['pauseAll'];
  readonly queryAudit: AssistantsService['queryAudit'];
  readonly providerSetup: ProviderAppsService['providerSetup'];
  readonly secretStorage: ProviderAppsService['secretStorage'];
  readonly configureProvider: ProviderAppsService['configureProvider'];
  readonly removeProviderConfig: ProviderAppsService['removeProviderConfig'];
  readonly connectAssistant: ClientConfigService['connectAssistant'];
  readonly disconnectAssistant: ClientConfigService['disconnectAssistant'];
  readonly checkAssistant: ClientConfigService['checkAssistant'];
  readonly watchAssistant: ClientConfigService['watchAssistant'];
  readonly revokeStaleKeys: ClientConfigService['revokeStaleKeys'];
  readonly detectAssistants: ClientConfigService['detectAssistants'];
  readonly alerts: AlertsService['alerts'];
  readonly storedAlert: AlertsService['storedAlert'];
  readonly dismissAlert: AlertsService['dismissAlert'];
  readonly requestApproval: ApprovalsService['requestApproval'];
  readonly respondToApproval: ApprovalsService['respondToApproval'];
  readonly pendingApprovals: ApprovalsService['pendingApprovals'];

  constructor(deps: HostDeps) {
    // Alerts subscribe first, so an alert is stored (with its id) before windows hear of it.
    const alerts = (this.alertsService = new AlertsService(deps));
    const approvals = (this.approvals = new ApprovalsService(deps));
    const accounts = (this.accountsService = new AccountsService(deps));
    const assistants = (this.assistantsService = new AssistantsService(deps));
    const apps = (this.providerApps = new ProviderAppsService(deps));
    const configs = (this.clientConfigs = new ClientConfigService(deps, assistants));

    this.startLogin = accounts.startLogin.bind(accounts);
    this.logout = accounts.logout.bind(accounts);
    this.status = assistants.status.bind(assistants);
    this.issueAssistant = assistants.issueAssistant.bind(assistants);
    this.revokeAssistant = assistants.revokeAssistant.bind(assistants);
    this.setPolicy = assistants.setPolicy.bind(assistants);
    this.pauseAll = assistants.pauseAll.bind(assistants);
    this.queryAudit = assistants.queryAudit.bind(assistants);
    this.providerSetup = apps.providerSetup.bind(apps);
    this.secretStorage = apps.secretStorage.bind(apps);
    this.configureProvider = apps.configureProvider.bind(apps);
    this.removeProviderConfig = apps.removeProviderConfig.bind(apps);
    this.connectAssistant = configs.connectAssistant.bind(configs);
    this.disconnectAssistant = configs.disconnectAssistant.bind(configs);
    this.checkAssistant = configs.checkAssistant.bind(configs);
    this.watchAssistant = configs.watchAssistant.bind(configs);
    this.revokeStaleKeys = configs.revokeStaleKeys.bind(configs);
    this.detectAssistants = configs.detectAssistants.bind(configs);
    this.alerts = alerts.alerts.bind(alerts);
    this.storedAlert = alerts.storedAlert.bind(alerts);
    this.dismissAlert = alerts.dismissAlert.bind(alerts);
    this.requestApproval = approvals.requestApproval.bind(approvals);
    this.respondToApproval = approvals.respondToApproval.bind(approvals);
    this.pendingApprovals = approvals.pendingApprovals.bind(approvals);
  }
}
