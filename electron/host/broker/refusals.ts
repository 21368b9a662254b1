import { groupForScope, PERMISSION_GROUP_LABELS } from '../../../protocol/policy.js';
import { PROVIDER_NAMES, type ProviderId } from '../../../protocol/providers.js';
import type { ApprovalOutcome } from '../host-controller.js';

/**
 * The one sentence for "this assistant may not": with no scopes, the provider is switched off
 * for it; with scopes, it names the permission switches that would allow them.
 */
export function policyRefusal(
  provider: ProviderId,
  assistantName: string,
  scopes?: readonly string[],
): string {
  if (scopes === undefined) {
    return `${PROVIDER_NAMES[provider]} is switched off for ${assistantName} in TuneBridge. Turn it on under Assistants to allow this.`;
  }
  const groups = [...new Set(scopes.map((scope) => groupForScope(provider, scope)))];
  const switches = groups
    .map((group) => (group ? `“${PERMISSION_GROUP_LABELS[group]}”` : undefined))
    .filter((label): label is string => label !== undefined);
  const which = switches.length > 0 ? switches.join(' and ') : 'the matching permission';
  return `${assistantName} may not do this: switch on ${which} for it in TuneBridge (Assistants).`;
}

export function approvalRefusal(outcome: ApprovalOutcome, assistantName: string): string {
  const off = `To let ${assistantName} make changes without asking, switch off “Ask before changes” for it under Assistants in TuneBridge.`;
  switch (outcome) {
    case 'withdrawn':
      return `${assistantName} was paused or revoked in TuneBridge while this change waited for approval; nothing was changed.`;
    case 'timed-out':
      return `Nobody answered TuneBridge’s request to allow this change in time, so it was refused and nothing was changed. Try again and answer the prompt in TuneBridge. ${off}`;
    default:
      return `The person declined this change when TuneBridge asked, so nothing was changed. Don’t retry it unless they ask again. ${off}`;
  }
}
