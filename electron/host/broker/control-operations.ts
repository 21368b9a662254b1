import { timingSafeEqual } from 'node:crypto';
import { BROKER_PROTOCOL_VERSION, type BrokerRequest } from '../../../protocol/broker.js';
import type { ProviderId } from '../../../protocol/providers.js';
import type { BrokerContext } from './broker-context.js';
import { asBrokerError, BrokerError } from './broker-error.js';
import type { BrokerConnection } from './broker-server.js';

/*
 * The control role: the person's own CLI, authenticated with the key the host writes to its run
 * folder. Besides logging in, it carries the operation table, as the window does.
 */

export async function controlHello(
  ctx: BrokerContext,
  connection: BrokerConnection,
  id: number,
  protocol: number,
  key: string,
) {
  const expected = Buffer.from(ctx.services.controlKey);
  const presented = Buffer.from(key);
  const ok = presented.length === expected.length && timingSafeEqual(presented, expected);
  if (!ok || protocol !== BROKER_PROTOCOL_VERSION || connection.role.kind !== 'anonymous') {
    await ctx.services.audit({
      kind: 'broker.auth',
      outcome: 'refused',
      message: 'Control connection refused',
    });
    throw new BrokerError(
      'unauthorized',
      'The TuneBridge command line could not authenticate to the running host. Restart TuneBridge and try again.',
    );
  }
  connection.role = { kind: 'control' };
  connection.send({ type: 'ack', id });
}

export async function login(
  ctx: BrokerContext,
  connection: BrokerConnection,
  id: number,
  provider: ProviderId,
) {
  ctx.requireControl(connection);
  const attempt = await ctx.services.controller.startLogin(provider);
  connection.send({
    type: 'login.pending',
    id,
    authorizationUrl: attempt.authorizationUrl,
    redirectUri: attempt.redirectUri,
  });
  const account = await attempt.done;
  connection.send({ type: 'login.complete', id, account });
}

/** One of the person's operations (electron/host/operations.ts), answered typed. */
export async function operation(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: Extract<BrokerRequest, { type: 'operation' }>,
) {
  ctx.requireControl(connection);
  const response = await ctx.services.operations(request.request).catch((error: unknown) => {
    throw asBrokerError(error);
  });
  connection.send({ type: 'operation.result', id: request.id, response });
}
