import type { AuditKind, AuditOutcome } from '../../protocol/audit.js';
import type { ProviderId } from '../../protocol/providers.js';
import type { ActivityFilter } from '../../protocol/security.js';
import { AUDIT_KINDS, AUDIT_OUTCOMES, PROVIDERS } from '../words.js';

/** `#activity?kind=…&since=…`: a link from the Security view to the records behind a finding. */
export function activityHref(filter: ActivityFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.outcome) params.set('outcome', filter.outcome);
  if (filter.assistantId) params.set('assistant', filter.assistantId);
  if (filter.provider) params.set('provider', filter.provider);
  params.set('since', filter.since);
  if (filter.until) params.set('until', filter.until);
  return `#activity?${params.toString()}`;
}

export interface LinkedFilters {
  assistantId?: string;
  provider?: ProviderId;
  kind?: AuditKind;
  outcome?: AuditOutcome;
  since?: string;
  until?: string;
}

/** The Activity view's starting filters, read from such a link (anything malformed is dropped). */
export function filtersFromHash(hash: string = window.location.hash): LinkedFilters {
  const query = /^#\/?activity\?(.*)$/.exec(hash)?.[1];
  if (!query) return {};
  const params = new URLSearchParams(query);
  // The window's own lists, not the zod schemas: zod probes for eval, which the CSP reports.
  const pick = <T extends string>(allowed: readonly T[], key: string): T | undefined => {
    const value = params.get(key);
    return allowed.find((item) => item === value);
  };
  const time = (key: string) => {
    const value = params.get(key);
    return value && !Number.isNaN(Date.parse(value)) ? value : undefined;
  };
  return {
    assistantId: params.get('assistant') ?? undefined,
    kind: pick<AuditKind>(AUDIT_KINDS, 'kind'),
    outcome: pick<AuditOutcome>(AUDIT_OUTCOMES, 'outcome'),
    provider: pick<ProviderId>(PROVIDERS, 'provider'),
    since: time('since'),
    until: time('until'),
  };
}
