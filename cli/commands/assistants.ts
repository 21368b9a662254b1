import type { AssistantSummary } from '../../protocol/broker.js';
import {
  PERMISSION_GROUP_LABELS,
  PermissionGroup,
  type AssistantPolicy,
} from '../../protocol/policy.js';
import { PROVIDER_NAMES, ProviderId } from '../../protocol/providers.js';
import type { BrokerClient } from '../../broker-client/broker-client.js';
import { CliError } from '../cli-error.js';
import { send } from '../../broker-client/send-operation.js';
import { describeTime } from '../format-time.js';
import { withHost } from '../host-control.js';

/**
 * What a person decides per assistant, from the terminal: the same control requests the tray and
 * the window send, so a change here takes effect at once — capabilities already handed out die,
 * and the assistant's tool list follows.
 *
 *   tunebridge assistants [--json]
 *   tunebridge allow <assistant> <group|provider>…    e.g. allow "Claude Desktop" playback tidal
 *   tunebridge deny <assistant> <group|provider>…
 *   tunebridge pause [<assistant>]                    no name: every assistant
 *   tunebridge resume [<assistant>]
 *   tunebridge revoke <assistant>
 */

const GROUPS = PermissionGroup.options.join(', ');
const PROVIDERS = ProviderId.options.join(', ');

export function listAssistants(values: { json: boolean }): Promise<number> {
  return withHost(async (host) => {
    const assistants = (await fetchAssistants(host)).filter((assistant) => !assistant.revoked);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(assistants, null, 2)}\n`);
    } else if (assistants.length === 0) {
      process.stdout.write('No assistants yet — run `tunebridge connect print`.\n');
    } else {
      process.stdout.write(`${assistants.map(describeAssistant).join('\n')}\n`);
    }
    return 0;
  });
}

export function revoke(name: string): Promise<number> {
  return withHost(async (host) => {
    const assistant = findAssistant(await fetchAssistants(host), name);
    await send(host, { op: 'assistant.revoke', assistantId: assistant.assistantId });
    process.stdout.write(
      `Revoked ${assistant.name}: its key no longer works and its bridges were disconnected. Remove its TuneBridge entry from the assistant's config, or connect it again for a new key.\n`,
    );
    return 0;
  });
}

export async function changePolicy(
  name: string,
  items: string[],
  verb: 'allow' | 'deny',
): Promise<number> {
  const groups = new Set<PermissionGroup>();
  const providers = new Set<ProviderId>();
  for (const item of items) {
    const key = item.toLowerCase();
    const group = PermissionGroup.safeParse(key);
    const provider = ProviderId.safeParse(key);
    if (group.success) groups.add(group.data);
    else if (provider.success) providers.add(provider.data);
    else {
      throw new CliError(
        `"${item}" is neither a permission group (${GROUPS}) nor a provider (${PROVIDERS}).`,
        2,
      );
    }
  }
  return withHost(async (host) => {
    const assistant = findAssistant(await fetchAssistants(host), name);
    const apply = <T>(current: readonly T[], items: Set<T>): T[] =>
      verb === 'allow'
        ? [...new Set([...current, ...items])]
        : current.filter((item) => !items.has(item));
    const policy: AssistantPolicy = {
      ...assistant.policy,
      groups: apply(assistant.policy.groups, groups),
      providers: apply(assistant.policy.providers, providers),
    };
    await send(host, { op: 'assistant.policy', assistantId: assistant.assistantId, policy });
    process.stdout.write(`${describeAssistant({ ...assistant, policy })}\n`);
    return 0;
  });
}

export async function setPaused(name: string | undefined, paused: boolean): Promise<number> {
  return withHost(async (host) => {
    if (!name) {
      await send(host, { op: 'pause.all', paused });
      process.stdout.write(
        paused
          ? 'Paused every assistant. Run `tunebridge resume` to let them in again.\n'
          : 'Resumed every assistant.\n',
      );
      return 0;
    }
    const assistant = findAssistant(await fetchAssistants(host), name);
    const policy = { ...assistant.policy, paused };
    await send(host, { op: 'assistant.policy', assistantId: assistant.assistantId, policy });
    process.stdout.write(`${describeAssistant({ ...assistant, policy })}\n`);
    return 0;
  });
}

async function fetchAssistants(host: BrokerClient): Promise<AssistantSummary[]> {
  return (await send(host, { op: 'status' })).status.assistants;
}

/** By id, then by name ignoring case; never a revoked one, never a guess between two. */
export function findAssistant(
  assistants: readonly AssistantSummary[],
  wanted: string,
): AssistantSummary {
  const live = assistants.filter((assistant) => !assistant.revoked);
  const byId = live.find((assistant) => assistant.assistantId === wanted);
  if (byId) return byId;
  const byName = live.filter((assistant) => assistant.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    const ids = byName.map(
      (assistant) => `  ${assistant.assistantId}  (added ${describeTime(assistant.createdAt)})`,
    );
    throw new CliError(
      `More than one assistant is called "${wanted}"; name it by id instead:\n${ids.join('\n')}`,
      2,
    );
  }
  const names = live.map((assistant) => `"${assistant.name}"`).join(', ') || 'none';
  throw new CliError(
    `There is no assistant called "${wanted}". Assistants: ${names}. See \`tunebridge assistants\`.`,
    2,
  );
}

function describeAssistant(assistant: AssistantSummary): string {
  const state = assistant.policy.paused ? 'paused' : 'active';
  const may =
    assistant.policy.groups.map((group) => PERMISSION_GROUP_LABELS[group]).join(', ') || 'nothing';
  const where =
    assistant.policy.providers.map((provider) => PROVIDER_NAMES[provider]).join(', ') ||
    'no provider';
  return `${assistant.name} (${state}) — may: ${may}; on: ${where}; id ${assistant.assistantId}`;
}
