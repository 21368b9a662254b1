import type { z } from 'zod';
import type { AuditEvent } from '../../../protocol/audit.js';
import type { ApiCallRequest } from '../../../protocol/broker.js';
import { groupForScope, PERMISSION_GROUP_LABELS } from '../../../protocol/policy.js';
import { PROVIDER_NAMES } from '../../../protocol/providers.js';
import type { AssistantRecord } from './assistant-registry.js';
import type { BrokerContext } from './broker-context.js';
import { BrokerError } from './broker-error.js';
import type { BrokerConnection } from './broker-server.js';
import { approvalRefusal } from './refusals.js';

/**
 * "Ask me" mode: a change waits for the person's answer in TuneBridge. A refusal (declined, no
 * answer in time, or the assistant paused or revoked meanwhile) is audited and answered with
 * `approval_denied`; an approval is re-checked, since the policy may have changed while it
 * waited. Resolves with the note for the call's audit record.
 */
export async function askThePerson(
  { services, activeAssistant }: BrokerContext,
  connection: BrokerConnection,
  request: z.infer<typeof ApiCallRequest>,
  assistant: AssistantRecord,
  scopes: readonly string[],
  base: AuditEvent,
): Promise<string> {
  const labels = [...new Set(scopes.map((scope) => groupForScope(request.provider, scope)))]
    .filter((group) => group !== undefined)
    .map((group) => PERMISSION_GROUP_LABELS[group]);
  const what = labels.length > 0 ? labels.join(', ') : 'A change';
  const { outcome, via } = await services.approvals.ask(connection, request, {
    assistantId: assistant.assistantId,
    assistantName: assistant.name,
    provider: request.provider,
    method: request.method,
    path: request.path,
    summary: `${what} on ${PROVIDER_NAMES[request.provider]}: ${request.method} ${request.path}${describeItems(request)}`,
  });
  if (outcome !== 'allowed') {
    const message = `${approvalRefusal(outcome, assistant.name)}${via ? ` (Answered ${via}.)` : ''}`;
    await services.audit({ ...base, outcome: 'refused', message });
    throw new BrokerError('approval_denied', message);
  }
  activeAssistant(connection);
  if (connection.closed) {
    // The assistant hung up while the person decided; nobody is left to act for.
    const message = `${assistant.name} disconnected before the change was approved; nothing was sent.`;
    await services.audit({ ...base, outcome: 'refused', message });
    throw new BrokerError('approval_denied', message);
  }
  const check = services.capabilities.check(
    request.capability,
    assistant.assistantId,
    request.provider,
  );
  if (!check.ok) {
    const message = 'The capability ended while the change waited for approval; ask again.';
    await services.audit({ ...base, outcome: 'refused', message });
    throw new BrokerError(check.reason, message);
  }
  return `Allowed by the person ${via ?? 'in the window'} (Ask before changes)`;
}

/**
 * What a change touches, for the approval prompt: how many items and the first few of them, so
 * "replace this playlist's items" and "remove 200 tracks" don't look alike. Bounded and built
 * only from ids and URIs.
 */
function describeItems(request: z.infer<typeof ApiCallRequest>): string {
  const items: string[] = [];
  const body = request.body;
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    if (Array.isArray(record.uris)) items.push(...record.uris.filter((u) => typeof u === 'string'));
    if (Array.isArray(record.tracks)) {
      for (const track of record.tracks) {
        const uri = (track as { uri?: unknown } | null)?.uri;
        if (typeof uri === 'string') items.push(uri);
      }
    }
    if (Array.isArray(record.data)) {
      for (const entry of record.data) {
        const id = (entry as { id?: unknown; type?: unknown } | null)?.id;
        const type = (entry as { type?: unknown } | null)?.type;
        if (typeof id === 'string') items.push(`${typeof type === 'string' ? type : 'item'} ${id}`);
      }
    }
  }
  const queryUris = request.query?.uris ?? request.query?.ids;
  if (queryUris) items.push(...queryUris.split(','));
  if (items.length === 0) return '';
  const shown = items.slice(0, 3).map((item) => item.replace(/[^\w:. -]/g, '').slice(0, 60));
  const more = items.length > 3 ? ` and ${items.length - 3} more` : '';
  return ` — ${items.length} item${items.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}
