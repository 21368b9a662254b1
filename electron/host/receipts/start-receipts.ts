import type { AuditEvent } from '../../../protocol/audit.js';
import type { HostPaths } from '../../../protocol/data-folder.js';
import { ApprovalDesk } from '../approvals/approval-desk.js';
import type { ProviderApiProxy } from '../broker/api-proxy.js';
import type { HostController } from '../host-controller.js';
import { ReceiptBook } from './receipt-book.js';
import { ReceiptStore } from './receipt-store.js';

/** Opens the receipts kept from earlier runs and sets up the places "ask me" can be answered. */
export async function startReceiptsAndApprovals(deps: {
  paths: HostPaths;
  proxy: ProviderApiProxy;
  controller: HostController;
  record: (event: AuditEvent) => Promise<unknown>;
}): Promise<{ receipts: ReceiptBook; approvals: ApprovalDesk }> {
  const store = await ReceiptStore.open(deps.paths.home);
  return {
    receipts: new ReceiptBook({ store, proxy: deps.proxy, audit: deps.record }),
    approvals: new ApprovalDesk({ controller: deps.controller, proxy: deps.proxy }),
  };
}
