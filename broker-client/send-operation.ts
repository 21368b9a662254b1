import {
  parseOperationResponse,
  type OperationRequest,
  type OperationResponse,
} from '../protocol/operations.js';
import { BrokerClientError, type BrokerClient } from './broker-client.js';

/**
 * Sends one of the person's operations over a control connection and returns its answer, typed
 * by the request's `op` and checked against the operation table: callers never test the answer.
 */
export async function send<Request extends OperationRequest>(
  connection: BrokerClient,
  request: Request,
): Promise<OperationResponse<Request['op']>> {
  const answer = await connection.request({ type: 'operation', request });
  if (answer.type !== 'operation.result') {
    throw new BrokerClientError('internal', `TuneBridge answered ${answer.type} to ${request.op}.`);
  }
  return parseOperationResponse(request.op as Request['op'], answer.response);
}
