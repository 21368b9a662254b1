import type { ProviderId } from '../../../protocol/providers.js';
import type { BrokerContext } from '../broker/broker-context.js';
import type { AssistantRecord } from '../broker/assistant-registry.js';
import type { BrokerConnection } from '../broker/broker-server.js';

/**
 * The assistant behind a capability request, as `activeAssistant` gives it, except that a paused
 * one's refusal is audited first: the Security view counts refusals "because paused" from the
 * log, and a paused bridge asks for a capability before anything else it does.
 */
export async function assistantForCapability(
  ctx: BrokerContext,
  connection: BrokerConnection,
  request: { provider: ProviderId; scopes: string[] },
): Promise<AssistantRecord> {
  const assistant = ctx.knownAssistant(connection);
  if (assistant.policy.paused) {
    await ctx.services.audit({
      kind: 'capability.refused',
      outcome: 'refused',
      assistantId: assistant.assistantId,
      assistantName: assistant.name,
      provider: request.provider,
      scopes: request.scopes,
      message: `Access for ${assistant.name} is paused in TuneBridge.`,
    });
  }
  return ctx.activeAssistant(connection);
}
