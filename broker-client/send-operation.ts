import {
  parseOperationResponse,
  type OperationRequest,
  type OperationResponse,
} from '../protocol/operations.js';
import type { BrokerClient } from './broker-client.js';

/**
 * Sends one of the person's operations over a control connection and returns its answer, typed
 * by the request's `op` and checked against the operation table: callers never test the answer.
 */
export async function send<Request extends OperationRequest>(
  connection: BrokerClient,
  request: Request,
): Promise<OperationResponse<Request['op']>> {
  const answer = await connection.ask({ type: 'operation', request });
  return parseOperationResponse(request.op as Request['op'], answer.response);
}
