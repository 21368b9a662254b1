import { createBridgeOperations } from './bridge-operations.js';
import { createBrokerContext, type BrokerServices } from './broker-context.js';
import type { BrokerHandler } from './broker-server.js';
import { controlHello, login, operation } from './control-operations.js';
import { answerApproval, listReceipts, undo } from './undo-operations.js';

export type { BrokerServices } from './broker-context.js';

/**
 * Maps each broker request to its role's handler: bridge operations (bridge-operations.ts) and
 * a bridge's "ask me" answers and undo (undo-operations.ts), and
 * the control role's (control-operations.ts), which carries the person's operation table.
 */
export function createBrokerHandler(services: BrokerServices): BrokerHandler {
  const ctx = createBrokerContext(services);
  const bridge = createBridgeOperations(ctx);

  return async (connection, request) => {
    switch (request.type) {
      case 'hello':
        return bridge.hello(connection, request);
      case 'capability.request':
        return bridge.issueCapability(connection, request);
      case 'api.call':
        return bridge.apiCall(connection, request);
      case 'audit.record':
        return bridge.auditRecord(connection, request);
      case 'watch':
        return bridge.watch(connection, request.id);
      case 'whoami':
        return bridge.whoami(connection, request.id);
      case 'doctor':
        return bridge.doctor(connection, request.id, request.provider);
      case 'open.link':
        return bridge.openLink(connection, request);
      case 'control.hello':
        return controlHello(ctx, connection, request.id, request.protocol, request.controlKey);
      case 'login.start':
        return login(ctx, connection, request.id, request.provider);
      case 'operation':
        return operation(ctx, connection, request);
      case 'approval.answer':
        return answerApproval(ctx, connection, request);
      case 'receipts.list':
        return listReceipts(ctx, connection, request);
      case 'undo':
        return undo(ctx, connection, request);
    }
  };
}
