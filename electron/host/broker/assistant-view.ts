import { scopesAllowedBy, type AssistantPolicy } from '../../../protocol/policy.js';
import type { AccountSummary } from '../../../protocol/providers.js';

/**
 * What an assistant may learn about the person's accounts: nothing while it is paused, nothing
 * about a provider its policy switches off, and the account's identity (id, name, plan,
 * country) only where its policy lets it read. Granted scopes are narrowed to those its
 * permission groups cover, which is all it needs to know which of its tools can work.
 */
export function providersVisibleTo(
  policy: AssistantPolicy,
  summaries: readonly AccountSummary[],
): AccountSummary[] {
  if (policy.paused) return [];
  return summaries
    .filter((summary) => policy.providers.includes(summary.provider))
    .map((summary) => {
      const allowed = scopesAllowedBy(summary.provider, policy.groups);
      return {
        ...accountVisibleTo(policy, summary),
        scopes: summary.scopes.filter((scope) => allowed.has(scope)),
      };
    });
}

/** One account as the doctor shows it to an assistant: identity only with the read group. */
export function accountVisibleTo(policy: AssistantPolicy, summary: AccountSummary): AccountSummary {
  if (policy.groups.includes('read') && !policy.paused) return summary;
  return {
    provider: summary.provider,
    status: summary.status,
    scopes: summary.scopes,
    connectedAt: summary.connectedAt,
    lastRefreshAt: summary.lastRefreshAt,
    accessExpiresAt: summary.accessExpiresAt,
  };
}
